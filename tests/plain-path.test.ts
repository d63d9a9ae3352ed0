// `planparse plan.txt` skips commander (bin/planparse.js → dist/plain.js) to
// start faster; it must behave exactly as the full command line does. An
// option that changes nothing for one file (-q) sends the same command
// through commander, so the two paths can be compared byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, ensureBuilt, listFixtures } from './helpers.js';
import { recordedPath } from '../src/cli/inputs.js';

const BIN = join(ROOT, 'bin/planparse.js');
let work: string;

function planparse(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-plain-'));
  writeFileSync(join(work, 'empty.txt'), '');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('plain path (one file, no option) and commander path agree', () => {
  it.each(listFixtures('seeds'))('seed %s: same JSON on stdout, exit 0', (name) => {
    const path = join(FIXTURES, 'seeds', name);
    const plain = planparse([path]);
    const full = planparse([path, '-q']);
    expect(plain.status).toBe(0);
    // recorded as the CLI records any operand (relative to the working folder, or absolute when
    // apart from it: which one depends on where the clone lies, /work or /tmp)
    expect(JSON.parse(plain.stdout).source.path).toBe(recordedPath(path, work));
    expect(plain).toEqual(full);
  });

  it('a missing file: same message, exit 1', () => {
    const plain = planparse(['missing.txt']);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain('missing.txt: cannot read file: no such file');
    expect(plain).toEqual(planparse(['missing.txt', '-q']));
  });

  it('an empty file: a document with its warning, exit 0', () => {
    const plain = planparse(['./empty.txt']);
    expect(plain.status).toBe(0);
    expect(JSON.parse(plain.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('empty-input');
    expect(plain).toEqual(planparse(['./empty.txt', '-q']));
  });

  it('a directory (a batch) without --out-dir: the same usage error, exit 2', () => {
    const dir = join(FIXTURES, 'seeds') + '/';
    const plain = planparse([dir]);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain('--out-dir');
    expect(plain).toEqual(planparse([dir, '-q']));
  });

  it('a command name still reaches its command', () => {
    const r = planparse(['schema']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe('planparse plan');
  });
});

/** The files of ours that Node loads for a command (NODE_DEBUG=esm names each module it translates). */
function loadedFiles(args: string[]): string[] {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'esm' } });
  expect(r.status).toBe(0);
  return [...r.stderr.matchAll(/Translating StandardModule file:\/\/(\S+)/g)].map((m) => m[1]!).filter((f) => f.startsWith(ROOT));
}

describe('what start-up loads', () => {
  it('--version loads nothing but bin/planparse.js', () => {
    expect(loadedFiles(['--version'])).toEqual([BIN]);
  });

  it('one file loads the parser, and no commander, markdown parser, worker pool or JSON Schema module', () => {
    const files = loadedFiles([join(FIXTURES, 'seeds', listFixtures('seeds')[0]!)]);
    // The detection works: the entry and the parser are in the list.
    expect(files).toContain(join(ROOT, 'dist/plain.js'));
    expect(files.some((f) => readFileSync(f, 'utf8').includes('function parsePlan('))).toBe(true);
    for (const f of files) {
      const name = f.slice(ROOT.length);
      expect(name).not.toMatch(/^dist\/(cli|worker)\.js$|\/(pool|markdown|md|json-schema|check|validate)-[A-Z0-9]+\.js$/);
      const code = readFileSync(f, 'utf8');
      expect(code, name).not.toContain('CommanderError');
      expect(code, name).not.toContain('micromark');
      expect(code, name).not.toContain('new Worker(');
      // The HTML reader (rehype-parse, with parse5 behind hast-util-from-parse5) loads only for web pages.
      expect(code, name).not.toContain('function readPage(');
      expect(code, name).not.toContain('function fromParse5(');
    }
  });

  it('a web page loads the HTML reader, and still no commander or markdown parser', () => {
    const files = loadedFiles([join(FIXTURES, 'html', 'pingtan-83241.html')]);
    const code = files.map((f) => readFileSync(f, 'utf8'));
    // The guard above looks for what this run does load.
    expect(code.some((c) => c.includes('function readPage('))).toBe(true);
    expect(code.some((c) => c.includes('function fromParse5('))).toBe(true);
    for (const [i, c] of code.entries()) {
      expect(c, files[i]).not.toContain('CommanderError');
      expect(c, files[i]).not.toContain('micromark');
    }
  });
});
