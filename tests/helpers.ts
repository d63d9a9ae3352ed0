// Test helpers: reading fixtures, walking a plan, and the line-accounting
// check (every input line is content, metadata, notice or removed boilerplate).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Item, Plan, Target } from '../src/schema.js';

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

type Range = { start: number; end: number; what: string };

/**
 * Problems with line accounting: a non-empty line claimed by nothing, or by
 * two things. Boilerplate lines may sit inside a content range (filler between
 * an item's paragraphs); content ranges may not overlap each other, metadata or
 * the notice.
 */
export function accountingProblems(plan: Plan, source: string): string[] {
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const problems: string[] = [];
  const boiler = new Set(plan.boilerplate.map((b) => b.line));
  const meta = new Set<number>(plan.meta.fields.map((f) => f.line));
  if (plan.meta.titleLine !== null) {
    if (meta.has(plan.meta.titleLine)) problems.push(`title line ${plan.meta.titleLine} is also a metadata line`);
    meta.add(plan.meta.titleLine);
  }
  for (const l of meta) if (boiler.has(l)) problems.push(`line ${l} is both metadata and boilerplate`);
  const notice = plan.meta.notice?.lines ?? null;

  const content: Range[] = [];
  const para = (what: string) => (p: { lines: { start: number; end: number } }) => content.push({ ...p.lines, what });
  plan.preamble.forEach(para('preamble'));
  plan.closing.forEach(para('closing'));
  plan.items.forEach((it) => content.push({ ...it.lines, what: `item ${it.number}` }));
  for (const s of plan.sections) {
    content.push({ ...s.lines, what: `section ${s.number}` });
    s.paragraphs.forEach(para(`section ${s.number} paragraph`));
    s.items.forEach((it) => content.push({ ...it.lines, what: `item ${it.number}` }));
    for (const sub of s.subsections) {
      content.push({ ...sub.lines, what: `subsection ${s.number}.${sub.number}` });
      sub.paragraphs.forEach(para(`subsection ${s.number}.${sub.number} paragraph`));
      sub.items.forEach((it) => content.push({ ...it.lines, what: `item ${it.number}` }));
    }
  }
  content.sort((a, b) => a.start - b.start);
  for (let i = 1; i < content.length; i++) {
    const a = content[i - 1]!;
    const b = content[i]!;
    if (b.start <= a.end) problems.push(`${a.what} (${a.start}-${a.end}) overlaps ${b.what} (${b.start}-${b.end})`);
  }
  for (const r of content) {
    for (let l = r.start; l <= r.end; l++) if (meta.has(l)) problems.push(`${r.what} covers metadata line ${l}`);
    if (notice && r.start <= notice.end && r.end >= notice.start) problems.push(`${r.what} overlaps the notice (${notice.start}-${notice.end})`);
  }
  const inContent = (l: number) => content.some((r) => l >= r.start && l <= r.end);
  lines.forEach((text, i) => {
    const l = i + 1;
    if (text === '') return;
    const claimed = boiler.has(l) || meta.has(l) || (notice !== null && l >= notice.start && l <= notice.end) || inContent(l);
    if (!claimed) problems.push(`line ${l} is accounted for by nothing: ${text.trim().slice(0, 40)}`);
  });
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
