// `validate`'s words for a schema problem: the value found and what the
// schema allows at that JSON path, read from the zod schema itself.
import { describe, expect, it } from 'vitest';
import { Plan } from '../src/schema.js';
import { allowedWords, foundWords, schemaAt, schemaIssueMessage } from '../src/cli/messages.js';
import { parsePlan } from '../src/parse.js';
import { fixture } from './helpers.js';

const allowedAt = (...path: PropertyKey[]) => allowedWords(schemaAt(Plan, path)!);

describe('what the schema allows, in words', () => {
  it('names null and left-out fields as allowed where they are', () => {
    expect(allowedAt('meta', 'year')).toBe('a whole number, or null');
    expect(allowedAt('meta', 'titleLine')).toBe('a whole number ≥ 1, or null');
    expect(allowedAt('sections', 0, 'items', 3, 'targets', 0, 'value')).toBe('a number, or left out');
    expect(allowedAt('meta', 'dates', 'written')).toBe('a date as YYYY-MM-DD, or null');
    expect(allowedAt('schemaVersion')).toBe('"1.0.0"');
    expect(allowedAt('diagnostics', 0, 'severity')).toBe('one of "error", "warning", "info"');
    expect(allowedAt('items')).toBe('an array');
    expect(schemaAt(Plan, ['meta', 'nosuch'])).toBeNull();
  });

  it('describes the value found', () => {
    expect(foundWords(undefined)).toBe('missing');
    expect(foundWords(null)).toBe('null');
    expect(foundWords('x'.repeat(50))).toBe(`the string "${'x'.repeat(40)}…"`);
    expect(foundWords(2.5)).toBe('number 2.5');
    expect(foundWords([1, 2])).toBe('an array of 2');
  });

  it('words every issue of a broken document by its path', () => {
    const doc = JSON.parse(JSON.stringify(parsePlan(fixture('seeds/002_5ee358fecd5407df.txt'))));
    doc.meta.year = null;
    delete doc.meta.issuer;
    doc.sections[0].number = -1;
    const result = Plan.safeParse(doc);
    expect(result.success).toBe(false);
    const words = result.error!.issues.map((i) => `${i.path.join('.')}: ${schemaIssueMessage(i, doc, Plan)}`);
    // null is allowed for the year: no problem there.
    expect(words).toEqual(['meta.issuer: missing; allowed: a string, or null', 'sections.0.number: number -1; allowed: a whole number ≥ 0']);
  });
});
