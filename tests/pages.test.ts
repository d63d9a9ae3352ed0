// Whole pages of portal layouts unlike the seeds (fixtures/pages): each has an
// expectation file with its metadata, the notice, every removed line with its
// reason, outline counts and strings that must (not) reach the content. Every
// fixture, pages and seeds alike, must account for each input line exactly once.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanFile } from '../src/read.js';
import { decode } from '../src/decode.js';
import { FIXTURES, accountingProblems, allItems, listFixtures, norm } from './helpers.js';
import type { Plan } from '../src/schema.js';

interface Expected {
  meta: {
    title: string | null;
    year: number | null;
    issuer: string | null;
    region: { name: string; level: string } | null;
    docNumber: string | null;
    indexNumber: string | null;
    category: string | null;
    written: string | null;
    published: string | null;
  };
  notice: null | {
    title: string;
    docNumber: string | null;
    addressees: string | null;
    signature: string | null;
    date: string | null;
    dateText: string | null;
    attachments: string[];
  };
  /** Line number → reason, for every line removed as boilerplate. */
  removed: Record<string, string>;
  sections: number;
  items: number;
  /** Diagnostic codes that must be reported. */
  diagnostics: string[];
  present: string[];
  absent: string[];
}

const pages = [...listFixtures('pages', '.txt'), ...listFixtures('pages', '.md')].sort();
const contentOf = (plan: Plan) => norm(JSON.stringify([plan.preamble, plan.sections, plan.items, plan.closing]));

it('has at least 12 page layouts', () => {
  expect(pages.length).toBeGreaterThanOrEqual(12);
});

for (const file of pages) {
  describe(`page ${file}`, async () => {
    const path = join(FIXTURES, 'pages', file);
    const want = JSON.parse(readFileSync(path.replace(/\.(txt|md)$/, '.expected.json'), 'utf8')) as Expected;
    const plan = await parsePlanFile(path);

    it('extracts the metadata', () => {
      const m = plan.meta;
      expect({
        title: m.title, year: m.year, issuer: m.issuer, region: m.region, docNumber: m.docNumber,
        indexNumber: m.indexNumber, category: m.category, written: m.dates.written, published: m.dates.published,
      }).toEqual(want.meta);
    });

    it('reads the notice wrapper', () => {
      const n = plan.meta.notice;
      expect(n && { title: n.title, docNumber: n.docNumber, addressees: n.addressees, signature: n.signature, date: n.date, dateText: n.dateText, attachments: n.attachments }).toEqual(want.notice);
    });

    it('removes exactly the chrome lines, with their reasons', () => {
      expect(Object.fromEntries(plan.boilerplate.map((b) => [String(b.line), b.reason]))).toEqual(want.removed);
    });

    it('finds the outline', () => {
      expect(plan.sections.length).toBe(want.sections);
      expect(allItems(plan).length).toBe(want.items);
    });

    it('reports the expected diagnostics, each with its line', () => {
      const codes = plan.diagnostics.map((d) => d.code);
      for (const code of want.diagnostics) expect(codes).toContain(code);
      for (const d of plan.diagnostics.filter((x) => x.code.startsWith('date-'))) expect(d.line).not.toBeNull();
    });

    it('keeps content and drops chrome', () => {
      const content = contentOf(plan);
      for (const s of want.present) expect(content.includes(norm(s)), `lost: ${s}`).toBe(true);
      for (const s of want.absent) expect(content.includes(norm(s)), `leaked: ${s}`).toBe(false);
    });
  });
}

describe('line accounting on every fixture', () => {
  const all = [...pages.map((f) => join('pages', f)), ...listFixtures('seeds').map((f) => join('seeds', f))];
  for (const rel of all) {
    it(`${rel}: every input line is content, metadata, notice or boilerplate, once`, async () => {
      const path = join(FIXTURES, rel);
      const plan = await parsePlanFile(path);
      const { text } = decode(readFileSync(path));
      expect(accountingProblems(plan, text)).toEqual([]);
    });
  }
});

it('reads the GBK page as GB18030', async () => {
  const plan = await parsePlanFile(join(FIXTURES, 'pages', 'gbk-county.txt'));
  expect(plan.source.encoding).toBe('gb18030');
});
