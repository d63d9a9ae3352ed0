// Property-based tests of the HTML reader: pages assembled at random from plan
// lines, portal chrome, scripts, tables, line breaks and broken markup. Whatever
// the page, the reader returns a schema-valid plan whose every line number lies
// in the source, rendered lines come in source order, and nothing inside
// chrome, a script or a hidden element reaches the content.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHtmlPlan, readPage } from '../src/html/index.js';
import { Plan } from '../src/schema.js';

const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.PROPERTY_SCALE ?? 1)));

// Words that appear only where nothing may show: they must never reach the content.
const CHROME_WORD = '页脚词';
const SCRIPT_WORD = '脚本词';
const HIDDEN_WORD = '隐藏词';

const fragment = fc.constantFrom(
  '一、加强党的建设', '二、推进教育均衡发展', '（一）完善体制机制', '1.深入学习贯彻党的二十大精神，全年开展培训不少于4次。',
  '2、新建幼儿园5所，普惠性幼儿园覆盖率达到90%以上。', '3．落实“双减”', '(1)开展课后服务', '总体要求是：坚持立德树人，',
  '办好人民满意的教育。', '某县教育局2024年工作要点', '发布时间：2024-03-01', '2024年3月1日', 'a &amp; b &lt;c&gt;', '&nbsp;&nbsp;', '　　',
);
const inline = fc.oneof(
  fragment,
  fragment.map((t) => `<span style="font-family:仿宋">${t}</span>`),
  fragment.map((t) => `<strong>${t}</strong>`),
  fragment.map((t) => `<a href="/x">${t}</a>`),
  fc.constant('<br>'),
  fc.constant('<br/>\n'),
  fc.constant('\n  '),
);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const block: fc.Arbitrary<string> = fc.oneof(
  paragraph.map((t) => `<p>${t}</p>`),
  paragraph.map((t) => `<div>${t}</div>\n`),
  fc.tuple(paragraph, paragraph).map(([a, b]) => `<table><tr><td>${a}</td><td>${b}</td></tr></table>`),
  fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ls) => `<ol>${ls.map((l) => `<li>${l}</li>`).join('\n')}</ol>`),
  paragraph.map((t) => `<pre>${t}\n${t}</pre>`),
  fc.constant(`<script>var s = "${SCRIPT_WORD}";</script>`),
  fc.constant(`<style>p{}</style><!-- ${SCRIPT_WORD} -->`),
  fc.constant(`<div style="display:none">${HIDDEN_WORD}</div>`),
  fc.constantFrom(`<nav>${CHROME_WORD}</nav>`, `<div class="footer">${CHROME_WORD}</div>`, `<div id="top-menu"><a>${CHROME_WORD}</a></div>`, `<aside>${CHROME_WORD}</aside>`),
  // Broken markup: unclosed, stray closing tags, misnested, stray cells. (A tag cut
  // short would swallow the next tag, in a browser too.)
  fc.constantFrom('<p>未闭合的段落', '</div></span>', '<b><i>交错</b></i>', '<td>游离单元格</td>', '<<>>'),
);
// The article: enough text that chrome never outweighs it (the article's own element is never chrome).
const ARTICLE = '<div class="content"><p>2024年全县教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务。</p><p>一、加强党的全面领导，落实全面从严治党主体责任，推进清廉学校建设，营造风清气正的教育生态。</p></div>';
const page = fc
  .tuple(
    fc.constantFrom('', '<!DOCTYPE html>\n', '<html><head><title>某县2024年工作要点</title><meta name="PubDate" content="2024-03-05"></head><body>\n'),
    fc.array(block, { maxLength: 30 }),
    fc.nat(),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([head, blocks, at, nl]) => head + [...blocks.slice(0, at % (blocks.length + 1)), ARTICLE, ...blocks.slice(at % (blocks.length + 1))].join(nl));

/** Every number under a key named line/titleLine, and every lines range, of a plan. */
function positions(plan: unknown): { lines: number[]; ranges: { start: number; end: number }[] } {
  const lines: number[] = [];
  const ranges: { start: number; end: number }[] = [];
  const walk = (v: unknown, key: string) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (key === 'lines' && typeof o.start === 'number' && typeof o.end === 'number') ranges.push({ start: o.start, end: o.end });
      for (const [k, x] of Object.entries(o)) if (k !== 'source') walk(x, k);
    } else if ((key === 'line' || key === 'titleLine') && typeof v === 'number') lines.push(v);
  };
  walk(plan, '');
  return { lines, ranges };
}

describe('random pages', () => {
  it('give a schema-valid plan whose line numbers all lie in the source', () => {
    fc.assert(
      fc.property(page, (html) => {
        const plan = parseHtmlPlan(html);
        const parsed = Plan.safeParse(plan);
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
        const count = plan.source.lines;
        const { lines, ranges } = positions(plan);
        for (const l of lines) expect(l >= 1 && l <= Math.max(count, 1), `line ${l} of ${count}`).toBe(true);
        for (const r of ranges) {
          expect(r.start).toBeLessThanOrEqual(r.end);
          expect(r.end).toBeLessThanOrEqual(Math.max(count, 1));
        }
        expect(plan.boilerplate.map((b) => b.line)).toEqual([...plan.boilerplate.map((b) => b.line)].sort((a, b) => a - b));
      }),
      { numRuns: runs(300) },
    );
  });

  it('render lines in source order, and show nothing of chrome, scripts or hidden elements', () => {
    fc.assert(
      fc.property(page, (html) => {
        const { text, source } = readPage(html);
        expect(source).toEqual([...source].sort((a, b) => a - b));
        expect(text.split('\n')).toHaveLength(Math.max(source.length, 1));
        expect(text).not.toContain(SCRIPT_WORD);
        expect(text).not.toContain(HIDDEN_WORD);
        expect(text).not.toContain(CHROME_WORD);
        const plan = parseHtmlPlan(html);
        const content = JSON.stringify([plan.preamble, plan.sections, plan.items, plan.closing]);
        expect(content).not.toContain(CHROME_WORD);
      }),
      { numRuns: runs(300) },
    );
  });
});
