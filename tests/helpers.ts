// Test helpers: reading fixtures, walking a plan, and the line-accounting
// check (every input line is content, metadata, notice or removed boilerplate).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Item, Plan, Target } from '../src/schema.js';
import { parsePlanDetailed } from '../src/parse.js';
import { cleanLine, normalise } from '../src/normalise.js';
import { markdownAsText, markdownLines } from '../src/markdown.js';

export const ROOT = new URL('..', import.meta.url).pathname;
export const FIXTURES = join(ROOT, 'fixtures');

export function fixture(rel: string): string {
  return readFileSync(join(FIXTURES, rel), 'utf8');
}

export function listFixtures(dir: string, ext = '.txt'): string[] {
  return readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith(ext)).sort();
}

/** Every item of a plan, in document order, at any depth. */
export function allItems(plan: Plan): Item[] {
  const out: Item[] = [...plan.items];
  for (const s of plan.sections) {
    out.push(...s.items);
    for (const sub of s.subsections) out.push(...sub.items);
  }
  return out;
}

/** Every target of a plan, wherever it lives. */
export function allTargets(plan: Plan): Target[] {
  const out: Target[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'targets' && Array.isArray(x)) out.push(...(x as Target[]));
        else walk(x);
      }
    }
  };
  walk(plan);
  return out;
}

/** Fold the way the spec compares text: NFKC, no spaces, no trailing punctuation. */
export function norm(s: string | null | undefined): string {
  return String(s ?? '')
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[。.;;,,::、!!??]+$/u, '');
}

/** The text of a plan's content fields, as the scorer reads them (JSON, spaces and trailing punctuation folded). */
function contentOf(plan: Plan): string {
  return norm(JSON.stringify([plan.preamble, plan.sections, plan.items, plan.closing]));
}

/**
 * Problems with character accounting: after normalisation every character of
 * every line is content, metadata, notice, boilerplate or debris — exactly one
 * of them — or a space between two spans. The ledger comes from parsing the
 * source again (parsePlanDetailed); the plan under test must list the same
 * boilerplate cuts, and every content span must be found in its content.
 * Markdown blocks are accounted by whole source lines.
 */
export function accountingProblems(plan: Plan, source: string): string[] {
  const markdown = plan.source.format === 'markdown';
  // The lines read.ts gave the parser: Markdown too deep for remark was read as text.
  const tooDeep = plan.diagnostics.some((d) => d.code === 'markdown-too-deep');
  const options = markdown ? { format: 'markdown' as const, lines: tooDeep ? normalise(markdownAsText(source)) : markdownLines(source, normalise(source)) } : {};
  const { ledger } = parsePlanDetailed(source, options);
  const raw = source.split(/\r\n|\r|\n/);
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  const problems: string[] = [];
  const say = (p: string) => {
    if (problems.length < 20) problems.push(p);
  };

  if (markdown) {
    const claimed = new Set<number>();
    for (const e of ledger) for (let l = e.line; l <= (e.last ?? e.line); l++) claimed.add(l);
    for (const b of plan.boilerplate) claimed.add(b.line);
    raw.forEach((text, i) => {
      if (cleanLine(text) !== '' && !claimed.has(i + 1)) say(`line ${i + 1} is accounted for by nothing: ${text.trim().slice(0, 40)}`);
    });
    return problems;
  }

  const byLine = new Map<number, typeof ledger>();
  for (const e of ledger) {
    const list = byLine.get(e.line) ?? [];
    list.push(e);
    byLine.set(e.line, list);
  }
  raw.forEach((text, i) => {
    const no = i + 1;
    const line = cleanLine(text);
    const counts = new Uint8Array(line.length);
    for (const e of byLine.get(no) ?? []) {
      if (e.start < 0 || e.end > line.length || e.start >= e.end) {
        say(`line ${no}: ${e.kind} span [${e.start}, ${e.end}) lies outside the line (length ${line.length})`);
        continue;
      }
      for (let c = e.start; c < e.end; c++) counts[c]!++;
    }
    for (let c = 0; c < line.length; c++) {
      if (counts[c] === 0 && line[c] !== ' ') {
        say(`line ${no} column ${c + 1} is accounted for by nothing: ${line.slice(c, c + 30)}`);
        break;
      }
      if (counts[c]! > 1) {
        say(`line ${no} column ${c + 1} is claimed ${counts[c]} times: ${line.slice(c, c + 30)}`);
        break;
      }
    }
  });

  // The plan lists the same cuts as the ledger (a cut with debris inside is one entry in the plan, several in the ledger).
  const debrisAt = new Set(ledger.filter((e) => e.kind === 'debris').flatMap((e) => Array.from({ length: e.end - e.start }, (_, k) => `${e.line}:${e.start + k}`)));
  const columns = (list: Array<{ line: number; start: number; end: number }>) => {
    const out: string[] = [];
    for (const c of list) for (let k = c.start; k < c.end; k++) if (!debrisAt.has(`${c.line}:${k}`)) out.push(`${c.line}:${k}`);
    return out.sort().join(' ');
  };
  const listed = plan.boilerplate.filter((b) => b.columns).map((b) => ({ line: b.line, start: b.columns!.start - 1, end: b.columns!.end }));
  if (columns(listed) !== columns(ledger.filter((e) => e.kind === 'boilerplate'))) say("the plan's boilerplate list differs from the ledger");

  // Content is never lost: every content span is in the content fields.
  const content = contentOf(plan);
  // Each line cleaned once: a 5 MB line holds thousands of content spans.
  const cleanedLines = new Map<number, string>();
  const cleaned = (no: number) => {
    let t = cleanedLines.get(no);
    if (t === undefined) cleanedLines.set(no, (t = cleanLine(raw[no - 1] ?? '')));
    return t;
  };
  // Content comes in document order, so each word is looked for from where the last was found (linear on big plans).
  let from = 0;
  const find = (w: string) => {
    let at = content.indexOf(w, from);
    if (at < 0) at = content.indexOf(w);
    if (at >= 0) from = at;
    return at >= 0;
  };
  for (const e of ledger) {
    if (e.kind !== 'content') continue;
    // Outline markers live in their own fields (marker, number), so the text is checked word run by word run.
    const words = cleaned(e.line)
      .slice(e.start, e.end)
      .normalize('NFKC')
      // a section marker may be glued to the word before it (准确三、不断…): the word ends there
      .split(/[^\p{L}\p{N}]+|(?<=\p{Script=Han})(?=\d)|(?<=\d)(?=\p{Script=Han})|(?=[一二三四五六七八九十]{1,3}、)/u)
      .filter((w) => w.length >= 2);
    const lost = words.find((w) => !find(w));
    if (lost !== undefined) say(`content of line ${e.line} [${e.start}, ${e.end}) is missing from the plan: ${lost.slice(0, 30)}`);
  }
  return problems;
}

/** Newest modification time of the files under dir (recursively). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

/**
 * Build dist/ only when it is missing or older than src/: `npm test` has just
 * built it, and rebuilding while another test file spawns the binary could let
 * that process read a half-written bundle.
 */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = Math.min(statSync(join(ROOT, 'dist/cli.js')).mtimeMs, statSync(join(ROOT, 'dist/index.js')).mtimeMs);
  } catch {
    built = 0;
  }
  if (built > newestMtime(join(ROOT, 'src'))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the built binary without blocking the test's thread (big inputs take seconds). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/planparse.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status, signal) =>
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/**
 * Run the scoring contract's own script (a copy in fixtures/real) on the built
 * CLI: the exit status and its last line, the summary (--min marks a figure
 * below its bar BELOW and exits non-zero).
 */
export function scoreWithContract(gold: string, inputs: string[], min: string): { status: number; summary: string } {
  ensureBuilt();
  const args = [join(FIXTURES, 'real', 'score.mjs'), '--gold', gold, '--inputs', inputs.join(','), '--min', min, '--', process.execPath, join(ROOT, 'bin/planparse.js')];
  try {
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
    return { status: 0, summary: out.trim().split('\n').pop()! };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { status: err.status, summary: String(err.stdout).trim().split('\n').pop()! };
  }
}
