// jsonPieces must give, piece by piece, exactly the text JSON.stringify gives
// whole: the CLI writes plans from it, and committed JSON is compared with it.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { join } from 'node:path';
import { parsePlanFile } from '../src/read.js';
import { jsonPieces, toJson } from '../src/serialise.js';
import { highlightJsonKeys } from '../src/cli/highlight.js';
import type { Plan } from '../src/schema.js';
import { FIXTURES, listFixtures } from './helpers.js';

const files = [
  ...listFixtures('seeds').map((f) => join(FIXTURES, 'seeds', f)),
  ...listFixtures('real/docs').map((f) => join(FIXTURES, 'real/docs', f)),
  ...listFixtures('html', '.html').map((f) => join(FIXTURES, 'html', f)),
];

describe('jsonPieces', () => {
  it.each(files.map((f) => [f.slice(FIXTURES.length + 1), f]))('%s: the pieces are JSON.stringify’s text, pretty and compact', async (_name, path) => {
    const plan = await parsePlanFile(path);
    for (const pretty of [true, false]) {
      // Small pieces: many cuts, at every kind of place.
      const pieces = [...jsonPieces(plan, pretty, 40)];
      expect(pieces.length).toBeGreaterThan(10);
      expect(pieces.join('')).toBe(toJson(plan, pretty));
    }
  });

  it('leaves out undefined properties, writes undefined elements as null, keeps empty containers', () => {
    const odd = {
      a: undefined,
      b: [1, undefined, [], {}, [[]], { c: [] }],
      d: { e: [{ f: undefined, g: 'x\n"y"' }] },
      h: '😀 surrogate pair',
      i: [],
      j: -0,
      k: {},
    } as unknown as Plan;
    for (const pretty of [true, false]) {
      for (const size of [1, 3, 1000]) expect([...jsonPieces(odd, pretty, size)].join('')).toBe(JSON.stringify(odd, null, pretty ? 2 : undefined));
    }
  });

  it('never ends a piece inside a string, so keys can be coloured piece by piece', async () => {
    const plan = await parsePlanFile(join(FIXTURES, 'seeds', listFixtures('seeds')[0]!));
    const c = new Chalk({ level: 1 });
    const whole = highlightJsonKeys(toJson(plan, true), c);
    expect(whole).not.toBe(toJson(plan, true));
    for (const size of [1, 7, 64]) {
      expect([...jsonPieces(plan, true, size)].map((p) => highlightJsonKeys(p, c)).join('')).toBe(whole);
    }
  });

  it('makes pieces of about the size asked', async () => {
    const plan = await parsePlanFile(join(FIXTURES, 'seeds', listFixtures('seeds')[0]!));
    const pieces = [...jsonPieces(plan, true, 4096)];
    // every piece but the last reaches the size; none is far past it unless one value is that long
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(4096);
    expect(pieces.length).toBeGreaterThan(3);
  });
});
