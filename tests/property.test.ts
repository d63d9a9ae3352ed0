// Property-based tests (fast-check) over generated inputs: random strings,
// random bytes, plan-like texts assembled from seed lines with shuffled
// markers, very long lines and deep numbering. Whatever the input, the parser
// returns a schema-valid plan (bytes may be refused with an InputError, never
// anything else), normalising is idempotent, and every input line is
// accounted for exactly once. Runs are bounded so the file stays well under a
// minute on two busy cores; a watchdog thread ends the process if one run
// hangs (a sync hang cannot be interrupted from the test's own thread).
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlan } from '../src/parse.js';
import { parsePlanBytes } from '../src/read.js';
import { decode } from '../src/decode.js';
import { normalise } from '../src/normalise.js';
import { InputError } from '../src/errors.js';
import { Plan } from '../src/schema.js';
import { toJson } from '../src/serialise.js';
import { planToMarkdown } from '../src/cli/md.js';
import { FIXTURES, accountingProblems, ensureBuilt, listFixtures, runCli } from './helpers.js';

// ---------------------------------------------------------------------------
// Watchdog: a worker thread that is told when each run starts and ends. If a
// run takes longer than WATCHDOG_MS it writes the input to stderr (straight to
// fd 2: the blocked main thread cannot forward it) and kills the process, so a
// hang fails the file instead of stalling CI. Generous: a run takes ms.
const WATCHDOG_MS = 30_000;
const watchdog = new Worker(
  `
  const { parentPort, workerData } = require('node:worker_threads');
  const { writeSync } = require('node:fs');
  let timer = null;
  parentPort.on('message', (m) => {
    clearTimeout(timer);
    if (m.kind !== 'start') return;
    timer = setTimeout(() => {
      writeSync(2, '\\nproperty watchdog: one run of "' + m.property + '" took over ' + workerData.ms + ' ms; input (' + m.input.length + ' chars): ' + JSON.stringify(m.input.slice(0, 2000)) + '\\n');
      process.kill(process.pid, 'SIGKILL');
    }, workerData.ms);
  });
  `,
  { eval: true, workerData: { ms: WATCHDOG_MS } },
);
watchdog.unref();
afterAll(() => watchdog.terminate());

function guarded<T>(property: string, input: string, run: () => T): T {
  watchdog.postMessage({ kind: 'start', property, input });
  try {
    return run();
  } finally {
    watchdog.postMessage({ kind: 'done' });
  }
}

async function guardedAsync<T>(property: string, input: string, run: () => Promise<T>): Promise<T> {
  watchdog.postMessage({ kind: 'start', property, input });
  try {
    return await run();
  } finally {
    watchdog.postMessage({ kind: 'done' });
  }
}

// ---------------------------------------------------------------------------
// What every parse must satisfy.
function checkPlan(plan: unknown, text: string): void {
  const parsed = Plan.safeParse(plan);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
  if (!parsed.success) return;
  // A page's lines are markup: its accounting is by rendered line (tests/html-property.test.ts).
  if (parsed.data.source.format !== 'html') expect(accountingProblems(parsed.data, text)).toEqual([]);
  // Every line range lies inside the input.
  const lineCount = parsed.data.source.lines;
  const ranges: Array<{ start: number; end: number }> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const r = o.lines as { start?: unknown; end?: unknown } | undefined;
      if (r && typeof r === 'object' && typeof r.start === 'number' && typeof r.end === 'number') ranges.push(r as { start: number; end: number });
      Object.values(o).forEach(walk);
    }
  };
  walk([parsed.data.preamble, parsed.data.sections, parsed.data.items, parsed.data.closing]);
  for (const r of ranges) {
    expect(r.start).toBeLessThanOrEqual(r.end);
    expect(r.end).toBeLessThanOrEqual(lineCount);
  }
  for (const d of parsed.data.diagnostics) if (d.line !== null) expect(d.line).toBeLessThanOrEqual(lineCount);
  // What the CLI writes: the JSON reads back as the same valid plan (lone
  // surrogates included), and the Markdown outline can always be made.
  const back = JSON.parse(toJson(parsed.data, false));
  expect(Plan.safeParse(back).success).toBe(true);
  expect(back).toEqual(JSON.parse(JSON.stringify(parsed.data)));
  expect(typeof planToMarkdown(parsed.data)).toBe('string');
}

function parseAndCheck(property: string, text: string): void {
  const plan = guarded(property, text, () => parsePlan(text));
  checkPlan(plan, text);
}

// ---------------------------------------------------------------------------
// Generators.

// Lines of the seeds and of the page and outline fixtures (portal chrome,
// disclosure tables, notices, odd numbering), without their outline markers:
// the material of plan-like texts. GBK pages are skipped (read as UTF-8 they are noise).
const MARKER = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,3}\s*[.、．)）]|[\u2460-\u2473])\s*/;
const SOURCES = [
  ...listFixtures('seeds').map((f) => join('seeds', f)),
  ...listFixtures('pages').map((f) => join('pages', f)),
  ...listFixtures('pages', '.md').map((f) => join('pages', f)),
  ...listFixtures('outline').map((f) => join('outline', f)),
  ...listFixtures('outline', '.md').map((f) => join('outline', f)),
];
const SEED_LINES = SOURCES.map((rel) => readFileSync(join(FIXTURES, rel)))
  .filter((bytes) => new TextDecoder('utf-8', { fatal: false }).decode(bytes).indexOf('\ufffd') < 0)
  .flatMap((bytes) => bytes.toString('utf8').split(/\r\n|\r|\n/))
  .filter((l) => l.trim() !== '');
const FRAGMENTS = [...new Set(SEED_LINES.map((l) => l.replace(MARKER, '')).filter((l) => l.trim() !== ''))];

// Characters plans are made of, and the ones that trip parsers: markers,
// full-width forms, invisible and odd spaces, comparators, units, brackets.
const PLAN_CHARS = [
  ...'一二三四五六七八九十百千万零〇两是的教育工作要点年月日号发布时间索引文机关成', ...'0123456789１２３４５６７８９０',
  ...'：:，,。；;、．.（）()【】《》“”"\'!！?？%％-—～~至以上不低于超过约左右个所万元亿人次小时课时每天周学年第届批',
  ...'①②③⑳⑴', ' ', '\u3000', '\u00a0', '\t', '\u200b', '\ufeff', '\u00ad', '\u2028', '\v', '\f', '\n', '\r', '\r\n', '#', '*', '>', '|', '`', '<', '&',
];
const planChar = fc.constantFrom(...PLAN_CHARS);

function chineseNumeral(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n]!;
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)]! + '十' + (n % 10 ? d[n % 10] : '');
  const rest = n % 100;
  return d[Math.floor(n / 100) % 10]! + '百' + (rest === 0 ? '' : rest < 10 ? '零' + d[rest] : chineseNumeral(rest).replace(/^十/, '一十'));
}

const number = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1200 }) });
const oddNumeral = fc.string({ unit: fc.constantFrom(...'一二三四五六七八九十百零〇两'), minLength: 1, maxLength: 4 });

/** A marker of any level, with a number that may be in order or not. */
const marker = fc.oneof(
  fc.tuple(number, fc.constantFrom('、', '.', '．', ' 、')).map(([n, p]) => chineseNumeral(n % 1000) + p),
  fc.tuple(oddNumeral, fc.constantFrom('、', '.')).map(([s, p]) => s + p),
  fc.tuple(number, fc.constantFrom('（', '(', '【'), fc.constantFrom('）', ')', '】')).map(([n, o, c]) => o + chineseNumeral(n % 1000) + c),
  fc.tuple(number, fc.constantFrom('.', '、', '．', ')', '. ', ' .')).map(([n, p]) => String(n) + p),
  number.map((n) => String(n).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) + '．'),
  fc.tuple(number, fc.constantFrom('(', '（'), fc.constantFrom(')', '）')).map(([n, o, c]) => o + n + c),
  fc.integer({ min: 0, max: 19 }).map((i) => String.fromCharCode(0x2460 + i)),
  fc.integer({ min: 1, max: 12 }).map((n) => chineseNumeral(n) + '是'),
  fc.constant(''),
);

const separator = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\n\n', '\n \n', '\n\u3000\u00a0\n', '\n\u200b\n');

/** Seed fragments in random order with random markers, sometimes broken mid-line or run together. */
const planLike = fc
  .array(
    fc.tuple(marker, fc.constantFrom(...FRAGMENTS), fc.nat({ max: 9 }), separator),
    { minLength: 0, maxLength: 60, size: 'max' },
  )
  .map((parts) =>
    parts
      .map(([m, frag, cut, sep]) => {
        // Sometimes a hard wrap in the middle of the fragment, as PDF exports do.
        const body = cut === 0 && frag.length > 10 ? frag.slice(0, frag.length >> 1) + '\n' + frag.slice(frag.length >> 1) : frag;
        return m + body + sep;
      })
      .join(''),
  );

/** Texts from the plan alphabet: dense in markers, punctuation and odd whitespace. */
const planAlphabet = fc.string({ unit: planChar, maxLength: 400, size: 'max' });

/** Any code points, lone surrogates included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300, size: 'max' }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...PLAN_CHARS), fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))), maxLength: 300, size: 'max' }),
);

/** One very long line (or a few), built by repeating something short or a seed fragment. */
const longLines = fc.oneof(
  fc.tuple(fc.string({ unit: planChar, minLength: 1, maxLength: 6 }), fc.integer({ min: 5_000, max: 60_000 })).map(([s, n]) => s.replace(/[\r\n\u2028]/g, '').repeat(n) || 'x'),
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 50, max: 1_000 }), marker).map(([f, n, m]) => m + f.repeat(n)),
  fc.tuple(marker, fc.integer({ min: 2_000, max: 20_000 })).map(([m, n]) => (m || '1.').repeat(n)),
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 20, max: 300 })).map(([f, n]) => ('一是' + f + '二是' + f + '（1）' + f + '①').repeat(n)),
);

/** Deep and odd numbering: every level nested, numbers out of order, gaps, repeats, huge values. */
const deepNumbering = fc
  .array(
    fc.tuple(fc.integer({ min: 0, max: 5 }), fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 20_000 })), fc.constantFrom(...FRAGMENTS)),
    { minLength: 1, maxLength: 300, size: 'max' },
  )
  .map((entries) =>
    entries
      .map(([level, n, frag]) => {
        const cn = chineseNumeral(n % 1000);
        const m = [cn + '、', '（' + cn + '）', n + '.', '（' + n + '）', String.fromCharCode(0x2460 + (n % 20)), cn + '是'][level]!;
        return m + frag.slice(0, 40);
      })
      .join('\n'),
  );

// ---------------------------------------------------------------------------
// Properties. Each `it` bounds its runs; seeds are random per run, and a
// failure prints the seed and the shrunk counterexample to replay it.
// PROPERTY_RUNS_SCALE=20 runs twenty times as many inputs (a bug hunt, not CI).
const SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? '1') || 1;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

describe('parsePlan on generated texts', () => {
  it('random strings (any code point, lone surrogates): a schema-valid plan, every line accounted for', () => {
    fc.assert(fc.property(anyText, (text) => parseAndCheck('random strings', text)), { numRuns: runs(600) });
  });

  it('plan-alphabet strings (markers, punctuation, odd spaces): a schema-valid plan, every line accounted for', () => {
    fc.assert(fc.property(planAlphabet, (text) => parseAndCheck('plan alphabet', text)), { numRuns: runs(600) });
  });

  it('seed fragments with shuffled markers: a schema-valid plan, every line accounted for', () => {
    fc.assert(fc.property(planLike, (text) => parseAndCheck('plan-like', text)), { numRuns: runs(400) });
  });

  it('very long lines: a schema-valid plan, every line accounted for', () => {
    fc.assert(fc.property(longLines, (text) => parseAndCheck('long lines', text)), { numRuns: runs(40) });
  });

  it('deep and odd numbering: a schema-valid plan, every line accounted for', () => {
    fc.assert(fc.property(deepNumbering, (text) => parseAndCheck('deep numbering', text)), { numRuns: runs(120) });
  });
});

describe('bytes through decode → parse', () => {
  const bom = fc.constantFrom(new Uint8Array(), Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff));
  const concat = (a: Uint8Array, b: Uint8Array) => {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  // Plan-like text as UTF-8 with a few bytes overwritten: mostly-valid text that is not quite.
  const damaged = fc
    .tuple(planLike, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4, size: 'max' }))
    .map(([text, hits]) => {
      const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
      for (const [at, value] of hits) if (bytes.length) bytes[at % bytes.length] = value;
      return bytes;
    });
  const utf16 = fc.tuple(planLike, fc.boolean()).map(([text, le]) => {
    const b = Buffer.from(text, 'utf16le');
    if (!le) b.swap16();
    return concat(le ? Uint8Array.of(0xff, 0xfe) : Uint8Array.of(0xfe, 0xff), new Uint8Array(b));
  });
  // A saved web page around plan text: read as a page, never parsed as tags.
  const html = fc.tuple(fc.constantFrom('<!DOCTYPE html>', '<html lang="zh">', '  <HTML>'), planLike).map(([head, t]) => new Uint8Array(Buffer.from(`${head}\n${t}`, 'utf8')));
  const bytes = fc.oneof(fc.tuple(bom, fc.uint8Array({ maxLength: 600, size: 'max' })).map(([b, rest]) => concat(b, rest)), damaged, utf16, html);

  it('decode refuses only with a one-line InputError; what it decodes parses to a valid plan', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.boolean(), async (input, markdown) => {
        // The bytes through the file path, as text and as Markdown.
        const parsed = await guardedAsync('bytes', Buffer.from(input).toString('latin1'), () =>
          parsePlanBytes(input, markdown ? 'gen.md' : 'gen.txt').then(
            (plan) => ({ plan, error: null }),
            (error: unknown) => ({ plan: null, error }),
          ),
        );
        if (parsed.plan === null) {
          expect(parsed.error).toBeInstanceOf(InputError);
          expect((parsed.error as InputError).message).toMatch(/^[^\r\n]+$/);
          return;
        }
        checkPlan(parsed.plan, decode(input).text);
      }),
      { numRuns: runs(500) },
    );
  });

  it('the CLI on a folder of generated files: each converted to the library\'s document or named on one line', async () => {
    ensureBuilt();
    const file = fc.oneof(bytes, planLike.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))));
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 24, size: 'max' }), async (files) => {
        const dir = mkdtempSync(join(tmpdir(), 'planparse-prop-'));
        try {
          mkdirSync(join(dir, 'in'));
          const names = files.map((_, i) => `${String(i).padStart(2, '0')}`);
          files.forEach((b, i) => writeFileSync(join(dir, 'in', `${names[i]}.txt`), b));
          const r = await runCli(['in', '--out-dir', 'out', '--jobs', '2'], { cwd: dir });
          expect(r.stderr).not.toMatch(/^\s+at /m);
          expect(r.stderr).not.toContain('internal error');
          const failed = new Map([...r.stderr.matchAll(/^planparse: in\/(\d{2})\.txt: (.+)$/gm)].map((m) => [m[1]!, m[2]!]));
          expect(r.status).toBe(failed.size > 0 ? 1 : 0);
          expect(r.stderr).toContain(`planparse: ${files.length} file${files.length === 1 ? '' : 's'}: ${files.length - failed.size} converted, ${failed.size} failed;`);
          let written: string[] = [];
          try {
            // The out-dir's freshness record is not an output.
            written = readdirSync(join(dir, 'out')).filter((f) => f !== '.planparse-cache.json').sort();
          } catch {
            written = [];
          }
          expect(written).toEqual(names.filter((n) => !failed.has(n)).map((n) => `${n}.json`));
          for (const [i, n] of names.entries()) {
            if (failed.has(n)) {
              // Refused by the CLI: refused by the library with the same words.
              await expect(parsePlanBytes(files[i]!, `in/${n}.txt`)).rejects.toThrow(failed.get(n)!);
              continue;
            }
            const doc = JSON.parse(readFileSync(join(dir, 'out', `${n}.json`), 'utf8'));
            const plan = await parsePlanBytes(files[i]!, `in/${n}.txt`);
            expect(doc).toEqual(JSON.parse(JSON.stringify(plan)));
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: runs(5) },
    );
  }, 180_000);
});

describe('Markdown inputs', () => {
  const mdLine = fc.oneof(
    fc.tuple(fc.constantFrom('# ', '## ', '### ', '- ', '* ', '1. ', '> ', '', '', ''), marker, fc.constantFrom(...FRAGMENTS)).map(([p, m, f]) => p + m + f),
    fc.constantFrom('```', '~~~', '<div>', '</div>', '<!-- note -->', '---', '| a | b |', '|---|---|', '    indented code', ''),
    // Markup with nothing in it, and blocks remark drops.
    fc.constantFrom('#', '## ', '-', '* ', '1.', '2)', '>', '> -', '[ref]: https://example.org/plan "政策原文"', '[^1]: 注释'),
  );
  const md = fc.array(mdLine, { maxLength: 40, size: 'max' }).map((ls) => ls.join('\n'));

  it('Markdown with headings, lists, code and HTML: a schema-valid plan, every line accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(md, async (text) => {
        const plan = await guardedAsync('markdown', text, () => parsePlanBytes(new Uint8Array(Buffer.from(text, 'utf8')), 'gen.md'));
        checkPlan(plan, text);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('normalise', () => {
  // Re-joined with a terminator after every line, so a trailing empty line survives the round trip.
  const rejoin = (text: string) =>
    normalise(text)
      .map((l) => l.text + '\n')
      .join('');

  it('is idempotent: normalised lines, re-joined and normalised again, are the same lines', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, planAlphabet, planLike), (text) => {
        const once = normalise(text);
        const twice = normalise(rejoin(text));
        expect(twice.map((l) => l.text)).toEqual(once.map((l) => l.text));
        expect(twice.map((l) => l.fold)).toEqual(once.map((l) => l.fold));
      }),
      { numRuns: runs(800) },
    );
  });

  it('keeps one line per input line, and a folded form as long as its text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, planAlphabet), (text) => {
        const lines = normalise(text);
        const raw = text.split(/\r\n|\r|\n/);
        if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
        expect(lines.map((l) => l.no)).toEqual(raw.map((_, i) => i + 1));
        for (const l of lines) expect(l.fold.length).toBe(l.text.length);
      }),
      { numRuns: runs(300) },
    );
  });
});
