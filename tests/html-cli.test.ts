// Web pages through the command line: a folder mixing .txt, .md and pages
// converts in one batch, `targets` and `check` take a page, standard input
// takes a page with --stdin-format html (or when it opens like one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, ensureBuilt, listFixtures, runCli } from './helpers.js';

const PAGE = join(FIXTURES, 'html', 'pingtan-83259.html');
const LAYOUT = (name: string) => join(FIXTURES, 'html', 'layouts', name);
let work: string;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-html-'));
  const mixed = join(work, 'mixed');
  mkdirSync(join(mixed, 'sub'), { recursive: true });
  copyFileSync(join(FIXTURES, 'seeds', listFixtures('seeds')[0]!), join(mixed, 'plan.txt'));
  copyFileSync(join(FIXTURES, 'bad', 'markdown.md'), join(mixed, 'notes.md'));
  copyFileSync(PAGE, join(mixed, 'page.html'));
  copyFileSync(LAYOUT('gbk-table-layout.html'), join(mixed, 'sub', 'old.htm'));
  copyFileSync(LAYOUT('trs-wcm.html'), join(mixed, 'sub', 'trs.shtml'));
  copyFileSync(LAYOUT('paragraphs-br.html'), join(mixed, 'sub', 'strict.xhtml'));
  // A page saved under .txt: read as the page it is.
  copyFileSync(LAYOUT('wechat.html'), join(mixed, 'sub', 'saved-page.txt'));
  writeFileSync(join(mixed, 'sub', 'style.css'), 'p { margin: 0 }');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a folder of .txt, .md and web pages', () => {
  it('converts in one batch, each file by its kind', async () => {
    const r = await runCli(['mixed', '--out-dir', 'out', '--jobs', '2'], { cwd: work });
    expect(r.stderr).toContain('7 files: 7 converted, 0 failed');
    expect(r.status).toBe(0);
    const out = (rel: string) => JSON.parse(readFileSync(join(work, 'out', rel), 'utf8'));
    expect(readdirSync(join(work, 'out'), { recursive: true }).map(String).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort()).toEqual([
      'notes.json', 'page.json', 'plan.json', 'sub/old.json', 'sub/saved-page.json', 'sub/strict.json', 'sub/trs.json',
    ]);
    expect(['plan.json', 'notes.json', 'page.json', 'sub/old.json', 'sub/saved-page.json'].map((f) => out(f).source.format)).toEqual(['text', 'markdown', 'html', 'html', 'html']);
    expect(out('sub/old.json').source.encoding).toBe('gb18030');
    expect(out('page.json').meta.title).toBe('平潭综合实验区行政审批局2022年工作总结及2023年工作计划');
    expect(out('sub/trs.json').sections).toHaveLength(3);
  });

  it('the converted page is the library\'s document', async () => {
    const { parsePlanFile } = await import('../src/read.js');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/planparse.js'), PAGE], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    // source.path as the CLI records it: relative to where it ran
    const { recordedPath } = await import('../src/cli/inputs.js');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(await parsePlanFile(PAGE, { sourcePath: recordedPath(PAGE) }))));
  });
});

describe('commands on a page', () => {
  it('planparse targets page.html lists the page\'s targets with lines in the HTML', async () => {
    const r = await runCli(['targets', LAYOUT('trs-wcm.html'), '--format', 'jsonl']);
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; line: number; item: number | null });
    const source = readFileSync(LAYOUT('trs-wcm.html'), 'utf8').split('\n');
    const row = rows.find((x) => x.text.includes('不少于2小时'))!;
    expect(row.item).toBe(2);
    expect(source[row.line - 1]).toContain('确保学生每天校园体育活动时间不少于2小时');
  });

  it('planparse check page.html reports with HTML line numbers', async () => {
    const r = await runCli(['check', LAYOUT('list-fragment.htm'), '--fail-on', 'warning']);
    const source = readFileSync(LAYOUT('list-fragment.htm'), 'utf8').split('\n');
    const line = source.findIndex((l) => l.includes('value="5"')) + 1;
    expect(r.stdout).toContain(`${LAYOUT('list-fragment.htm')}:${line}: warning item-number-gap item numbering jumps from 3 to 5`);
    expect(r.status).toBe(1);
    const ok = await runCli(['check', PAGE]);
    expect(ok.status).toBe(0);
  });

  it('standard input: --stdin-format html, and a piped page that opens like one', () => {
    const html = readFileSync(LAYOUT('disclosure-table.html'));
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/planparse.js'), ...args], { input: html, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    for (const args of [['-', '--stdin-format', 'html'], ['-']]) {
      const r = run(args);
      expect(r.status, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect([doc.source.path, doc.source.format, doc.meta.docNumber]).toEqual([null, 'html', '青教体发〔2024〕5号']);
    }
  });

  it('a page whose charset cannot be read fails with one line naming the file', async () => {
    const bad = join(work, 'latin.html');
    writeFileSync(bad, Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>caf'), Buffer.from([0xe9, 0xe9, 0xe9]), Buffer.from('</p>')]));
    const r = await runCli([bad]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`planparse: ${bad}: the page declares charset windows-1252, which planparse does not read (UTF-8, UTF-16, GB2312/GBK/GB18030, Big5)`);
  });
});
