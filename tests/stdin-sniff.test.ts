// Markdown piped on standard input is told by its shape, as a web page is:
// the new-user trial got a title "# 石桥县2024年教育工作要点" from
// `cat plan.md | planparse` unless it added --stdin-format markdown. Plain
// text with a stray `#` at a line start stays text.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensureBuilt, fixture } from './helpers.js';
import { looksLikeMarkdown, parsePlanBytes } from '../src/read.js';

const MARKDOWN = fixture('pages/markdown-page.md');
/** A plain plan whose note line happens to open with `# `. */
const STRAY_HASH = ['区教育局2024年工作要点', '', '一、总体要求', '# 注：本要点自印发之日起执行', '1.推进学前教育普惠发展，普惠性幼儿园覆盖率达到90%。', '2.全年新增学位3000个。', ''].join('\n');

const bytes = (s: string) => new TextEncoder().encode(s);

function planparse(args: string[], input: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/planparse.js'), ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => ensureBuilt());

describe('looksLikeMarkdown', () => {
  it('takes two ATX headings, or one with bullets, a fence, a setext underline, a link or strong emphasis', () => {
    expect(looksLikeMarkdown(MARKDOWN)).toBe(true);
    expect(looksLikeMarkdown('# 某县2024年工作要点\n\n## 一、总体要求\n正文。\n')).toBe(true);
    expect(looksLikeMarkdown('# 工作要点\n- 推进学前教育\n- 新增学位3000个\n')).toBe(true);
    expect(looksLikeMarkdown('# 工作要点\n见[附件](a.docx)。\n')).toBe(true);
    expect(looksLikeMarkdown('# 工作要点\n**一、总体要求**\n')).toBe(true);
    expect(looksLikeMarkdown('工作要点\n=====\n# 一、总体要求\n')).toBe(true);
  });

  it('leaves plain text alone: a stray # at a line start, # inside a line, hashtags, separators', () => {
    expect(looksLikeMarkdown(STRAY_HASH)).toBe(false);
    expect(looksLikeMarkdown('关于第#3号文件的说明\n一、总体要求\n')).toBe(false);
    expect(looksLikeMarkdown('#教育强国# 话题\n#双减#\n一、总体要求\n')).toBe(false);
    expect(looksLikeMarkdown('一、总体要求\n-----\n1.推进\n-----\n')).toBe(false);
    expect(looksLikeMarkdown('')).toBe(false);
  });
});

describe('standard input is read by its shape', () => {
  it('parsePlanBytes without a path or format reads Markdown as Markdown; with a .txt path, as text', async () => {
    const piped = await parsePlanBytes(bytes(MARKDOWN), null);
    expect([piped.source.format, piped.meta.title]).toEqual(['markdown', '石桥县2024年教育工作要点']);
    const named = await parsePlanBytes(bytes(MARKDOWN), 'page.txt');
    expect(named.source.format).toBe('text');
    const stray = await parsePlanBytes(bytes(STRAY_HASH), null);
    expect(stray.source.format).toBe('text');
  });

  it('cat page.md | planparse: a Markdown document, its title without #', () => {
    const r = planparse([], MARKDOWN);
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect([plan.source.format, plan.meta.title, plan.sections.length]).toEqual(['markdown', '石桥县2024年教育工作要点', 3]);
  });

  it('the same bytes as a file and as standard input give the same outline', () => {
    const fromFile = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'bin/planparse.js'), 'fixtures/pages/markdown-page.md'], { cwd: ROOT, encoding: 'utf8' }).stdout);
    const piped = JSON.parse(planparse(['-'], MARKDOWN).stdout);
    expect(piped.sections).toEqual(fromFile.sections);
    expect(piped.meta.title).toBe(fromFile.meta.title);
  });

  it('plain text with a stray # stays text, the # line in its content; --stdin-format text forces text', () => {
    const stray = JSON.parse(planparse(['-'], STRAY_HASH).stdout);
    expect(stray.source.format).toBe('text');
    expect(JSON.stringify(stray.sections)).toContain('# 注：');
    const forced = JSON.parse(planparse(['-', '--stdin-format', 'text'], MARKDOWN).stdout);
    expect([forced.source.format, forced.meta.title]).toEqual(['text', '# 石桥县2024年教育工作要点']);
  });

  it('targets and check read standard input the same way', () => {
    const t = planparse(['targets', '-', '--format', 'jsonl'], MARKDOWN);
    expect(t.status).toBe(0);
    expect(JSON.parse(t.stdout.split('\n')[0]!).title).toBe('石桥县2024年教育工作要点');
    const c = planparse(['check', '-', '--reporter', 'json'], MARKDOWN);
    expect(c.status).toBe(0);
  });
});
