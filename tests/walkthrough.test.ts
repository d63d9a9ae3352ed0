// The first ten minutes, as a user spends them: every ```console example of
// the README is typed into a shell on a pseudo-terminal (`script`), with
// `planparse` on PATH and the fixtures in the working folder, in README
// order. What the terminal shows must be what the README shows: `…` on a line
// of its own stands for any number of lines, and times (`84 ms`) may differ.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export interface Example {
  /** The README heading the example sits under. */
  heading: string;
  command: string;
  expected: string[];
}

/** The `$ command` lines of the README's console blocks, with the lines shown after each. */
export function consoleExamples(readme: string): Example[] {
  const out: Example[] = [];
  let heading = '';
  let inBlock = false;
  let current: Example | null = null;
  for (const line of readme.split('\n')) {
    if (!inBlock && /^#{2,3} /.test(line)) heading = line.replace(/^#+ /, '');
    else if (!inBlock && line === '```console') inBlock = true;
    else if (inBlock && line === '```') {
      inBlock = false;
      current = null;
    } else if (inBlock && line.startsWith('$ ')) {
      current = { heading, command: line.slice(2), expected: [] };
      out.push(current);
    } else if (inBlock && current) current.expected.push(line);
  }
  return out;
}

const ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** What a terminal shows of raw pty output: a carriage return starts the line over, escapes are not text. */
export function screen(raw: string): string[] {
  const lines = raw
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.slice(l.lastIndexOf('\r') + 1).replace(ESCAPE, '').trimEnd());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const time = (l: string) => l.replace(/\b\d+(?:\.\d+)? (?:ms|s)\b/g, '<time>');

/** Whether `shown` is what `expected` describes (`…` matches any run of lines). */
export function matches(expected: string[], shown: string[]): boolean {
  const memo = new Map<string, boolean>();
  const at = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    let r = memo.get(key);
    if (r !== undefined) return r;
    if (i === expected.length) r = j === shown.length;
    else if (expected[i] === '…') r = at(i + 1, j) || (j < shown.length && at(i, j + 1));
    else r = j < shown.length && time(expected[i]!) === time(shown[j]!) && at(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return at(0, 0);
}

let work = '';
let env: NodeJS.ProcessEnv = {};

/** Run a command line as typed at a terminal; the raw bytes the terminal received. */
function typed(command: string, extraEnv: NodeJS.ProcessEnv = {}): { raw: string; status: number | null } {
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: work,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { raw: r.stdout + r.stderr, status: r.status };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'planparse-walkthrough-'));
  for (const dir of ['seeds', 'pages']) cpSync(join(ROOT, 'fixtures', dir), join(work, 'fixtures', dir), { recursive: true });
  // `npm link` puts a link to bin/planparse.js on PATH; so does this.
  mkdirSync(join(work, '.bin'));
  symlinkSync(join(ROOT, 'bin', 'planparse.js'), join(work, '.bin', 'planparse'));
  env = { ...process.env, PATH: `${join(work, '.bin')}:${process.env.PATH}`, SHELL: '/bin/sh', TERM: 'xterm-256color' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const examples = consoleExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));

describe('the README, typed at a terminal', () => {
  it('compares screens strictly except for … and times', () => {
    expect(matches(['a', '…', 'd'], ['a', 'b', 'c', 'd'])).toBe(true);
    expect(matches(['a', '…'], ['a'])).toBe(true);
    expect(matches(['a', '…', 'd'], ['a', 'b', 'c'])).toBe(false);
    expect(matches(['x; 84 ms'], ['x; 1.20 s'])).toBe(true);
    expect(matches(['x; 84 ms'], ['y; 84 ms'])).toBe(false);
    expect(screen('[##--] 1/5\r\x1b[Kdone\r\n\x1b[34m"k"\x1b[39m: 1\r\n')).toEqual(['done', '"k": 1']);
  });

  it('has examples for the quick start and every command', () => {
    const commands = examples.map((e) => e.command);
    for (const wanted of [/^planparse fixtures\/seeds\/\S+\.txt$/, /^planparse check /, /^planparse validate /, /^planparse schema/, /^planparse targets /, /^planparse help/, /--format md/, /^cat .*\| planparse/]) {
      expect(commands.some((c) => wanted.test(c)), String(wanted)).toBe(true);
    }
    expect(examples[0]!.heading).toBe('Quick start');
  });

  it.each(examples.map((e, i) => [`${i + 1}. ${e.heading}: $ ${e.command}`, e] as const))('%s', (_name, example) => {
    const { raw } = typed(example.command);
    const shown = screen(raw);
    if (!matches(example.expected, shown)) {
      // Show the whole screen next to the README's lines when they differ.
      expect(shown.join('\n')).toBe(example.expected.join('\n'));
    }
  });
});

describe('what a terminal shows beyond the text', () => {
  const seed = 'fixtures/seeds/003_9a040ce8da5fbe95.txt';

  it('JSON keys are coloured on a terminal, and piped JSON is one line without escapes', () => {
    const onTerminal = typed(`planparse ${seed}`).raw;
    expect(onTerminal).toContain('\x1b[34m"schemaVersion"\x1b[39m: "1.0.0"');
    expect(screen(onTerminal).slice(0, 3)).toEqual(['{', '  "schemaVersion": "1.0.0",', '  "source": {']);
    const piped = typed(`planparse ${seed} 2>/dev/null | cat`).raw.replace(/\r\n/g, '\n');
    expect(piped).not.toMatch(ESCAPE);
    expect(piped.split('\n')[0]).toMatch(/^\{"schemaVersion":"1\.0\.0","source":\{/);
  });

  it('NO_COLOR set to anything disables colours, an empty NO_COLOR does not, --color beats it', () => {
    const check = `planparse check ${seed} --fail-on error`;
    expect(typed(check, { NO_COLOR: '1' }).raw).not.toMatch(ESCAPE);
    expect(typed(check, { NO_COLOR: '' }).raw).toContain('\x1b[33mwarning\x1b[39m');
    expect(typed(`${check} --color`, { NO_COLOR: '1' }).raw).toContain('\x1b[33mwarning\x1b[39m');
    expect(typed(`${check} --no-color`).raw).not.toMatch(ESCAPE);
    // FORCE_COLOR colours messages but never the JSON a program reads from a pipe.
    const forced = typed(`planparse ${seed} 2>/dev/null | head -c 40`, { FORCE_COLOR: '1' }).raw;
    expect(forced).toBe('{"schemaVersion":"1.0.0","source":{"path');
  });

  it('the warning hint is for terminals: not with stderr redirected, not with -q', () => {
    expect(screen(typed(`planparse ${seed} > out.json`).raw)).toEqual([
      `planparse: 6 warnings (item-number-inferred ×6) — planparse check ${seed} shows them`,
    ]);
    expect(screen(typed(`planparse ${seed} -q > out.json`).raw)).toEqual([]);
    expect(screen(typed(`planparse ${seed} > out.json 2> err.txt; cat err.txt`).raw)).toEqual([]);
  });

  it('with nothing piped in and no file, planparse says what is missing instead of waiting', () => {
    const r = typed('planparse');
    expect(r.status).toBe(2);
    expect(screen(r.raw)[0]).toBe('planparse: no input: give files, directories, glob patterns, or - for standard input');
  });

  it('a combined Markdown report holds every document of the batch, in input order', () => {
    typed('planparse fixtures/seeds/ --format md -o report.md');
    const report = readFileSync(join(work, 'report.md'), 'utf8');
    const titles = [...report.matchAll(/^# (.+)$/gm)].map((m) => m[1]);
    expect(titles).toHaveLength(5);
    expect(report.match(/^- \*\*来源文件：\*\* fixtures\/seeds\/\S+$/gm)!.map((l) => l.replace(/.*seeds\//, ''))).toEqual([
      '000_8531c15e99b0f403.txt',
      '001_e8de70643affbbfa.txt',
      '002_5ee358fecd5407df.txt',
      '003_9a040ce8da5fbe95.txt',
      '004_0f4f822543ad2130.txt',
    ]);
  });
});
