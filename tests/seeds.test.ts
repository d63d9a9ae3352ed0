// The seeds against their gold files, by the rules of the spec (section 4/5):
// every gold section and item found, none invented, metadata right, no
// boilerplate leaked, no content lost, every line accounted for.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanFile } from '../src/read.js';
import { FIXTURES, accountingProblems, allItems, listFixtures, norm } from './helpers.js';

/** An item's lead as the scoring contract compares it: the first four letters, punctuation and symbols aside. */
const leadKey = (s: string | null | undefined) => norm(s).replace(/[\p{P}\p{S}]/gu, '').slice(0, 4);

interface Gold {
  meta: Record<string, unknown>;
  sections: Array<{ number: number; heading: string }>;
  items: Array<{ number: number; section: number | null; lead: string; inferred: boolean }>;
  absent: string[];
  present: string[];
}

const accepts = (want: unknown, got: unknown) =>
  (Array.isArray(want) ? want : [want]).some((w) => (w === null ? got === null || got === undefined || norm(String(got)) === '' : norm(String(w)) === norm(String(got ?? ''))));

for (const file of listFixtures('seeds')) {
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'gold', file.replace(/\.txt$/, '.json')), 'utf8')) as Gold;
  describe(`seed ${file}`, async () => {
    const path = join(FIXTURES, 'seeds', file);
    const plan = await parsePlanFile(path);

    it('finds exactly the gold sections', () => {
      expect(plan.sections.map((s) => `${s.number} ${norm(s.heading)}`)).toEqual(gold.sections.map((s) => `${s.number} ${norm(s.heading)}`));
    });

    it('finds exactly the gold items, in order, with their sections and inferred flags', () => {
      const got = allItems(plan).map((it) => {
        const section = plan.sections.find((s) => s.items.includes(it) || s.subsections.some((sub) => sub.items.includes(it)));
        return `${it.number} ${section?.number ?? null} ${leadKey(it.title || it.text)} ${it.inferred}`;
      });
      expect(got).toEqual(gold.items.map((g) => `${g.number} ${g.section} ${leadKey(g.lead)} ${g.inferred}`));
    });

    it('extracts the gold metadata', () => {
      const m = plan.meta;
      const got: Record<string, unknown> = { title: m.title, year: m.year, issuer: m.issuer, docNumber: m.docNumber, written: m.dates.written, published: m.dates.published };
      for (const [field, want] of Object.entries(gold.meta)) {
        expect(accepts(want, got[field]), `${field}: want ${JSON.stringify(want)} got ${JSON.stringify(got[field])}`).toBe(true);
      }
    });

    it('keeps content and drops boilerplate', () => {
      const content = norm(JSON.stringify([plan.preamble, plan.sections, plan.items, plan.closing]));
      for (const s of gold.absent) expect(content.includes(norm(s)), `leaked: ${s}`).toBe(false);
      for (const s of gold.present) expect(content.includes(norm(s)), `lost: ${s}`).toBe(true);
    });

    it('accounts for every input line exactly once', () => {
      expect(accountingProblems(plan, readFileSync(path, 'utf8'))).toEqual([]);
    });
  });
}
