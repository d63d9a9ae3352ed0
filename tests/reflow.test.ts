// Reflow: hard-wrapped exports are rejoined, real paragraph and item
// boundaries are left alone.
import { describe, expect, it } from 'vitest';
import { displayWidth, reflow, wrapWidth } from '../src/reflow.js';
import { normalise } from '../src/normalise.js';
import { stripBoilerplate } from '../src/boilerplate.js';
import { extractMetadata } from '../src/metadata.js';
import { fixture, listFixtures } from './helpers.js';

const W = 24;
/** Cut paragraphs at a fixed width, as a PDF export does. */
const wrap = (...paras: string[]) => paras.flatMap((p) => p.match(new RegExp(`.{1,${W}}`, 'gu')) ?? []);

const PARAS = [
  '1.加强党的全面领导。健全学校党组织领导的校长负责制运行机制，完善议事决策制度，推动党建与业务深度融合。',
  '2.推进义务教育优质均衡。实施城乡学校结对帮扶，组建紧密型教育共同体8个，推动县域内师资、课程共建共享。',
  '3.加强教师队伍建设。开展师德师风专项整治，全年培训教师2000人次，评选县级骨干教师60名。',
  '4.守牢校园安全底线。落实校园安全主体责任，每月开展安全隐患排查，确保全年不发生重大安全责任事故。',
];

describe('wrapWidth', () => {
  it('finds the width of a hard-wrapped text', () => {
    expect(wrapWidth(normalise(wrap(...PARAS).join('\n')))).toBe(2 * W);
  });
  it('finds none in one-line-per-paragraph text', () => {
    expect(wrapWidth(normalise(PARAS.join('\n')))).toBeNull();
  });
});

describe('reflow', () => {
  it('rejoins wrapped lines into their paragraphs, without spaces at Chinese joins', () => {
    const blocks = reflow(normalise(wrap(...PARAS).join('\n')));
    expect(blocks.map((b) => b.text)).toEqual(PARAS);
    expect(blocks[0]!.start).toBe(1);
    expect(blocks[1]!.start).toBe(blocks[0]!.end + 1);
  });

  it('joins a sentence across a page break (number and running header removed)', () => {
    const lines = wrap(PARAS[0]!, PARAS[1]!);
    const text = ['某县教育局文件', ...lines.slice(0, 2), '', '- 2 -', '某县教育局文件', ...lines.slice(2)].join('\n');
    const { kept, removed } = stripBoilerplate(normalise(text));
    // The first 某县教育局文件 is not next to a page number: it stays, as its own block.
    expect(reflow(kept, removed).map((b) => b.text)).toEqual(['某县教育局文件', PARAS[0], PARAS[1]]);
  });

  it('does not join across other removed chrome', () => {
    const lines = wrap(PARAS[0]!, PARAS[1]!, PARAS[2]!);
    const text = [...lines.slice(0, 2), '【打印】【关闭】', ...lines.slice(2)].join('\n');
    const { kept, removed } = stripBoilerplate(normalise(text));
    expect(reflow(kept, removed).length).toBe(4);
  });

  it('keeps a short last line and a full line ending a sentence as paragraph ends', () => {
    const text = ['一、加强党的建设', ...wrap(PARAS[0]!), '本段为一行短文字', ...wrap(PARAS[1]!)].join('\n');
    const blocks = reflow(normalise(text));
    expect(blocks.map((b) => b.text)).toEqual(['一、加强党的建设', PARAS[0], '本段为一行短文字', PARAS[1]]);
  });

  it('keeps a space between Latin words at a join', () => {
    // The first line fills the page width (48 columns): Latin letters take one column, ideographs two.
    const text = ['1.推进人工智能教育，试点使用开源的平台软件Open', 'Source工具，全年覆盖学生5000名以上。', ...wrap(...PARAS.slice(1))].join('\n');
    const first = reflow(normalise(text))[0]!.text;
    expect(first).toBe('1.推进人工智能教育，试点使用开源的平台软件Open Source工具，全年覆盖学生5000名以上。');
  });

  it('joins an unwrapped line only where it stops on a comma', () => {
    const lines = normalise(['全县教育工作要坚持稳中求进工作总基调，深化教育综合改革，', '努力办好人民满意的教育。', '一、加强党的建设'].join('\n'));
    expect(reflow(lines).map((b) => b.text)).toEqual(['全县教育工作要坚持稳中求进工作总基调，深化教育综合改革，努力办好人民满意的教育。', '一、加强党的建设']);
  });

  it('leaves the seeds\' one-line paragraphs alone, blank lines or not', () => {
    for (const f of listFixtures('seeds')) {
      const { kept } = stripBoilerplate(normalise(fixture(`seeds/${f}`)));
      const { body } = extractMetadata(kept);
      // Spans of one line join back into one paragraph; lines of the seeds never join each other.
      expect(reflow(body).length, f).toBe(new Set(body.map((l) => l.no)).size);
    }
  });
});

describe('reflow by display width', () => {
  it('measures lines in columns: ideographs take two, digits and spaces one', () => {
    expect(displayWidth('全年培训教师')).toBe(12);
    expect(displayWidth('培训 2000 人次，')).toBe(16);
    expect(displayWidth('ＡＢ12')).toBe(6);
  });

  it('rejoins a PDF page whose lines hold many digits (char counts vary, widths do not)', () => {
    // about 50 columns each; a proportional font leaves some lines a few columns short
    const lines = [
      '本县今年计划新建幼儿园 3 所，新增学位 1,200 个，改扩建',
      '中小学 12 所，新增义务教育学位 4,500 个，全年培训教师',
      '2,000 人次，选派 150 名骨干教师到乡村学校支教，推动县',
      '域内优质教育资源共建共享，办好人民满意的教育。',
      '二、保障措施',
      '各学校要高度重视，切实加强组织领导，明确工作责任分工',
      '和完成时限，确保各项工作任务按时保质完成，取得实效。',
    ];
    const blocks = reflow(normalise(lines.join('\n')));
    expect(blocks.map((b) => b.text)).toEqual([lines.slice(0, 4).join(''), '二、保障措施', lines.slice(5).join('')]);
  });

  it('does not join a short unpunctuated line (a title, a heading) to the next', () => {
    const lines = ['某县教育局2024年工作要点', ...wrap(...PARAS)];
    const blocks = reflow(normalise(lines.join('\n')));
    expect(blocks.map((b) => b.text)).toEqual(['某县教育局2024年工作要点', ...PARAS]);
  });
});

describe('table rows written as text lines', () => {
  it('are not taken for a hard-wrapped paragraph, and each names its own figure', async () => {
    const { parsePlan } = await import('../src/parse.js');
    const rows = ['一、主要任务', '1 新建学校 3所', '2 学前教育毛入园率 达到95%', '3 投入资金 3500余万元', '4 新增面积 2000 ㎡', '5 体质测试平均分 80 分', '6 教师培训人次 达到500', '7 新增学位个数 1200个'];
    const plan = parsePlan(rows.join('\n'));
    const paragraphs = plan.sections[0]!.paragraphs;
    expect(paragraphs.map((p) => p.text)).toEqual(rows.slice(1));
    expect(paragraphs[1]!.targets.map((t) => [t.text, t.indicator])).toEqual([['达到95%', '学前教育毛入园率']]);
  });
});
