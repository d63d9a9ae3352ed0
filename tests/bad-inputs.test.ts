// The bad-input table (fixtures/bad/expected.json): each odd or broken input
// gives either a schema-valid plan with exactly the expected diagnostics, or a
// one-line error naming the file — through the library and through the built
// binary (exit code, stderr, no stack trace). Big inputs and unreadable paths
// are made at test time in a temporary folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlanFile } from '../src/read.js';
import { InputError } from '../src/errors.js';
import { recordedPath } from '../src/cli/inputs.js';
import { Plan, type Plan as PlanT } from '../src/schema.js';
import { FIXTURES, ROOT, accountingProblems, allItems, ensureBuilt, fixture, runCli, type CliRun } from './helpers.js';

interface Case {
  case: string;
  file?: string;
  generate?: 'big-50mb' | 'line-5mb' | 'dangling-link' | 'under-a-file' | 'chmod-000' | 'directory' | 'link-dev-zero' | 'md-deep';
  outcome: 'plan' | 'error';
  error?: string;
  encoding?: string;
  format?: string;
  title?: string;
  written?: string;
  published?: string;
  sections?: number;
  items?: number;
  boilerplate?: number;
  warnings?: string[];
  warningsInclude?: string[];
  sameAs?: string;
  libraryOnly?: string;
}

const TABLE = JSON.parse(fixture('bad/expected.json')) as { cases: Case[] };
const BIG_SEED = '004_0f4f822543ad2130.txt';
const isRoot = process.getuid?.() === 0;

let work: string;
/** Path of each case's input. */
const paths = new Map<Case, string>();
/** What a generated input must give, where the table cannot say it statically. */
let bigCopies = 0;
let longLine = '';

function generate(c: Case): string {
  switch (c.generate) {
    case 'big-50mb': {
      // One seed end to end until 50 MiB, a newline between copies.
      const seed = readFileSync(join(FIXTURES, 'seeds', BIG_SEED));
      const copy = Buffer.concat([seed, Buffer.from('\n')]);
      bigCopies = Math.ceil((50 << 20) / copy.length);
      const path = join(work, 'big-50mb.txt');
      const fd = openSync(path, 'w');
      for (let i = 0; i < bigCopies; i++) writeSync(fd, copy);
      closeSync(fd);
      return path;
    }
    case 'line-5mb': {
      // A whole plan with its line breaks and spaces removed, repeated past 5 MiB.
      const flat = fixture(`seeds/${BIG_SEED}`).replace(/[\s\u200b-\u200d\u2060\ufeff\u00ad]+/g, '');
      longLine = flat.repeat(Math.ceil((5 << 20) / Buffer.byteLength(flat)));
      const path = join(work, 'line-5mb.txt');
      writeFileSync(path, longLine + '\n');
      return path;
    }
    case 'dangling-link': {
      const path = join(work, 'dangling.txt');
      symlinkSync(join(work, 'gone', 'plan.txt'), path);
      return path;
    }
    case 'under-a-file': {
      writeFileSync(join(work, 'a-file.txt'), '一、标题\n');
      return join(work, 'a-file.txt', 'plan.txt');
    }
    case 'chmod-000': {
      const path = join(work, 'locked.txt');
      writeFileSync(path, fixture(`seeds/${BIG_SEED}`));
      chmodSync(path, 0o000);
      return path;
    }
    case 'directory': {
      const path = join(work, 'folder.txt');
      mkdirSync(path);
      return path;
    }
    case 'link-dev-zero': {
      // An endless device behind a plan's name: refused, never read.
      const path = join(work, 'zero.txt');
      symlinkSync('/dev/zero', path);
      return path;
    }
    case 'md-deep': {
      // Past remark's reach (5,000 '>' overflowed its stack): read as text.
      const path = join(work, 'deep.md');
      writeFileSync(path, '# 某县教育局2024年工作要点\n\n## 一、总体要求\n\n1. 加强党建工作。\n2. 推进教育公平。\n\n' + '>'.repeat(5000) + ' 深\n');
      return path;
    }
    default:
      throw new Error(`unknown generated case ${c.generate}`);
  }
}

/** CLI runs started early: the 50 MB one runs in its own process while the library parses the same file. */
const early = new Map<Case, Promise<CliRun>>();
const cliRun = (c: Case, args: string[] = []) => (args.length === 0 && early.get(c)) || runCli([paths.get(c)!, ...args]);

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-bad-'));
  for (const c of TABLE.cases) paths.set(c, c.file ? join(FIXTURES, 'bad', c.file) : generate(c));
  for (const c of TABLE.cases) if (c.generate === 'big-50mb') early.set(c, runCli([paths.get(c)!]));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const diagnosticsOf = (plan: PlanT) =>
  plan.diagnostics.filter((d) => d.severity !== 'info').map((d) => (d.line === null ? d.code : `${d.code}@${d.line}`));

/** Items with their section, lead and numbers: what two parses of the same plan must share. */
const outlineOf = (plan: PlanT) => ({
  sections: plan.sections.map((s) => `${s.number} ${s.heading}`),
  items: allItems(plan).map((it) => `${it.number} ${it.inferred} ${it.text}`),
  preamble: plan.preamble.map((p) => p.text),
  closing: plan.closing.map((p) => p.text),
});

async function seedPlan(name: string): Promise<PlanT> {
  return parsePlanFile(join(FIXTURES, 'seeds', name));
}

/** The checks of a 'plan' outcome on a library result. */
async function expectPlan(c: Case, plan: PlanT, path: string): Promise<void> {
  expect(Plan.safeParse(plan).success).toBe(true);
  expect(plan.source.path).toBe(path);
  if (c.encoding) expect(plan.source.encoding).toBe(c.encoding);
  expect(plan.source.format).toBe(c.format ?? 'text');
  if (c.title !== undefined) expect(plan.meta.title).toBe(c.title);
  if (c.written !== undefined) expect(plan.meta.dates.written).toBe(c.written);
  if (c.published !== undefined) expect(plan.meta.dates.published).toBe(c.published);
  if (c.sections !== undefined) expect(plan.sections).toHaveLength(c.sections);
  if (c.items !== undefined) expect(allItems(plan)).toHaveLength(c.items);
  if (c.boilerplate !== undefined) expect(plan.boilerplate).toHaveLength(c.boilerplate);
  if (c.warnings) expect(diagnosticsOf(plan)).toEqual(c.warnings);
  if (c.warningsInclude) for (const w of c.warningsInclude) expect(diagnosticsOf(plan).map((d) => d.split('@')[0])).toContain(w);
  if (c.sameAs) {
    // Another encoding of a seed: the same document but for the source facts.
    const seed = await seedPlan(c.sameAs);
    expect(outlineOf(plan)).toEqual(outlineOf(seed));
    expect({ ...plan.meta }).toEqual({ ...seed.meta });
    expect(plan.diagnostics).toEqual(seed.diagnostics);
  }
  if (c.generate === 'big-50mb') {
    // Nothing lost at scale: every copy's outline is there.
    const seed = await seedPlan(BIG_SEED);
    expect(plan.source.bytes).toBe(bigCopies * (Buffer.byteLength(fixture(`seeds/${BIG_SEED}`)) + 1));
    expect(plan.sections).toHaveLength(bigCopies * seed.sections.length);
    expect(allItems(plan)).toHaveLength(bigCopies * allItems(seed).length);
  } else if (c.generate === 'line-5mb') {
    expect(plan.source.lines).toBe(1);
    // The outline of the first copy is found inside the one line; the copies after it do not continue its numbering.
    const seed = await seedPlan(BIG_SEED);
    expect(plan.sections.map((s) => s.heading)).toEqual(seed.sections.map((s) => s.heading));
    expect(accountingProblems(plan, longLine + '\n')).toEqual([]);
  } else {
    const bytes = readFileSync(path);
    expect(plan.source.bytes).toBe(bytes.length);
    // Line accounting on the decoded text (the 50 MB file is too big for the helper's quadratic walk).
    const text = plan.source.encoding === 'utf-8' ? bytes.toString('utf8') : new TextDecoder(plan.source.encoding.replace('-bom', '')).decode(bytes);
    // A page's source lines are markup: its positions are checked in tests/html*.test.ts instead.
    if (plan.source.format !== 'html') expect(accountingProblems(plan, text)).toEqual([]);
  }
}

const slow = (c: Case) => (c.generate === 'big-50mb' ? 240_000 : 60_000);

describe.each(TABLE.cases.map((c) => [c.case, c] as const))('%s', (_name, c) => {
  const skip = c.generate === 'chmod-000' && isRoot;

  it.skipIf(skip)(`library: ${c.outcome === 'plan' ? 'a valid plan' : `InputError "${c.error}"`}`, async () => {
    const path = paths.get(c)!;
    if (c.outcome === 'error') {
      const err = await parsePlanFile(path).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toBe(c.error);
      return;
    }
    await expectPlan(c, await parsePlanFile(path), path);
  }, slow(c));

  const cliTitle = c.libraryOnly ? 'CLI: a directory is a batch, a usage error when it holds no plan' : c.outcome === 'plan' ? 'CLI: exit 0, the document on stdout' : 'CLI: exit 1, one line naming the file';
  it.skipIf(skip)(cliTitle, async () => {
    const path = paths.get(c)!;
    const run = await cliRun(c);
    expect(run.stderr).not.toMatch(/^\s+at /m); // never a stack trace
    if (c.libraryOnly) {
      // A directory is a batch to the CLI: here an empty one, a usage error.
      expect(run.status).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(`planparse: ${path}: no .txt, .md, .html, .htm, .shtml or .xhtml files found`);
      return;
    }
    if (c.outcome === 'error') {
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`planparse: ${path}: ${c.error}\n`);
      return;
    }
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(run.stdout) as PlanT;
    expect(Plan.safeParse(doc).success).toBe(true);
    if (c.generate === 'big-50mb') {
      expect(doc.sections.length).toBe(bigCopies * (await seedPlan(BIG_SEED)).sections.length);
      return;
    }
    // The CLI writes the library's own document (source.path relative to where it ran).
    expect(doc).toEqual(JSON.parse(JSON.stringify(await parsePlanFile(path, { sourcePath: recordedPath(path, ROOT) }))));
  }, slow(c));

  // Generated inputs are big: their warnings are checked through the library only.
  if (c.outcome === 'plan' && !c.generate && c.warnings && c.warnings.length > 0) {
    it('CLI --strict: every warning on stderr with its line, exit 1', async () => {
      const path = paths.get(c)!;
      const run = await cliRun(c, ['--strict']);
      expect(run.status).toBe(1);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(c.warnings!.length);
      c.warnings!.forEach((w, i) => {
        const [code, line] = w.split('@');
        expect(lines[i]).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${line ? `:${line}` : ''}: warning ${code} .+$`));
      });
    });
  }
});

describe('the table', () => {
  it('covers every committed fixture, and every fixture has its row', () => {
    const committed = TABLE.cases.filter((c) => c.file).map((c) => c.file!).sort();
    const onDisk = readdirSync(join(FIXTURES, 'bad')).filter((f) => f !== 'expected.json').sort();
    expect(committed).toEqual(onDisk);
  });

  it('is the README "Limits and errors" table: one row per case', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Limits and errors'), readme.indexOf('\n## ', readme.indexOf('## Limits and errors') + 5));
    for (const c of TABLE.cases) {
      const row = section.split('\n').find((l) => l.startsWith(`| ${c.case} |`));
      expect(row, c.case).toBeDefined();
      if (c.outcome === 'error') expect(row).toContain(c.error!);
      for (const w of [...(c.warnings ?? []), ...(c.warningsInclude ?? [])]) expect(row).toContain(w.split('@')[0]!);
    }
  });
});
