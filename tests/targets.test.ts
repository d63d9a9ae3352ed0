// Quantitative targets (spec section 3): every inclusion and exclusion rule
// with a test of its own, sentences in the style of real plans to guard the
// rules' generality, placement in the outline, and linear time.
import { describe, expect, it } from 'vitest';
import { findTargets, quotedRanges, sentenceAt } from '../src/targets.js';
import { parsePlan } from '../src/parse.js';
import { join } from 'node:path';
import { parsePlanFile } from '../src/read.js';
import { FIXTURES, allTargets, listFixtures } from './helpers.js';

/** text|value (or min-max)|unit|comparator|kind of every target found. */
function found(text: string): string[] {
  return findTargets(text).map((t) => `${t.text}|${t.value ?? `${t.min}-${t.max}`}|${t.unit}|${t.comparator}|${t.kind}`);
}

describe('spec examples are found', () => {
  it.each([
    ['公办园在园幼儿占比提升至66%', '提升至66%|66|%|gte|percent'],
    ['每天综合体育活动不低于2小时', '不低于2小时|2|小时|gte|frequency'],
    ['创建温馨校园14所', '14所|14|所|eq|count'],
    ['全市培育3—5个集团化办学示范校', '3—5个|3-5|个|range|count'],
    ['每所职业院校年培训500人次以上', '500人次以上|500|人次|gte|count'],
    ['确保年底95%的区属学校通过验收', '确保年底95%|95|%|gte|percent'],
    ['不少于12课时安全教育课程', '不少于12课时|12|课时|gte|duration'],
    ['完成泉州市第三实验小学等4所学校创建工作', '4所|4|所|eq|count'],
    ['学会1至2项艺术技能', '1至2项|1-2|项|range|count'],
    ['覆盖率达到百分之九十五', '达到百分之九十五|95|%|gte|percent'],
    ['学生午休两小时', '两小时|2|小时|eq|duration'],
  ])('%s', (text, want) => {
    expect(found(text)).toEqual([want]);
  });
});

describe('numbers', () => {
  it.each([
    ['full-width digits and point', '人均阅读３．５小时', 3.5, '小时'],
    ['thousands separator', '培训教师1,200名', 1200, '名'],
    ['full-width thousands separator', '培训教师１，２００名', 1200, '名'],
    ['magnitude on a decimal: 1.5万人 → 15000 人', '惠及学生1.5万人', 15000, '人'],
    ['magnitude before a money unit: 2000万元 → 20000000 元', '投入资金2000万元', 20000000, '元'],
    ['亿元', '总投入1.2亿元', 120000000, '元'],
    ['万平方米 → 平方米', '新建校舍3万平方米', 30000, '平方米'],
    ['3千', '新增学位3千个', 3000, '个'],
    ['Chinese numeral 二十八', '建成二十八所标准化学校', 28, '所'],
    ['Chinese numeral 一百零五', '一百零五所学校', 105, '所'],
    ['Chinese numeral 两千', '两千名教师', 2000, '名'],
    ['Chinese numeral 三万五千', '培训三万五千人次', 35000, '人次'],
    ['百分之九十五点五', '普及率百分之九十五点五', 95.5, '%'],
    ['百分之百', '百分之百完成', 100, '%'],
    ['full-width percent sign', '巩固率达９８％', 98, '%'],
  ])('%s', (_what, text, value, unit) => {
    const [t, ...rest] = findTargets(text);
    expect(rest).toEqual([]);
    expect(t).toMatchObject({ value, unit });
  });
});

describe('Traditional characters (繁體 portals)', () => {
  it('reads numerals, units and comparators written in Traditional characters', () => {
    expect(found('每天體育活動不低於2小時，新建學校兩所，投入資金3000萬元，覆蓋率達到95%以上，約300個')).toEqual([
      '不低於2小時|2|小时|gte|frequency',
      '兩所|2|所|eq|count',
      '3000萬元|30000000|元|eq|money',
      '達到95%以上|95|%|gte|percent',
      '約300個|300|个|approx|count',
    ]);
  });
});

describe('ranges', () => {
  it.each([
    ['3—5个', 3, 5, '个'],
    ['3-5个', 3, 5, '个'],
    ['3~5个', 3, 5, '个'],
    ['3～5个', 3, 5, '个'],
    ['3至5个', 3, 5, '个'],
    ['3个至5个', 3, 5, '个'],
    ['三到五所', 3, 5, '所'],
    ['两到三项', 2, 3, '项'],
    ['90%—95%', 90, 95, '%'],
    ['1-2万人', 10000, 20000, '人'],
    ['2—3岁', 2, 3, '岁'],
  ])('%s', (text, min, max, unit) => {
    expect(findTargets(`培育${text}`)).toMatchObject([{ min, max, unit, comparator: 'range', text }]);
  });

  it('a falling pair is not a range (5-3个 is read as 3个)', () => {
    expect(found('5-3个')).toEqual([]);
  });
});

describe('comparators', () => {
  it.each([
    ['不低于90%', 'gte'],
    ['不少于40场', 'gte'],
    ['至少2个', 'gte'],
    ['达到100%', 'gte'],
    ['达95%', 'gte'],
    ['提升至66%', 'gte'],
    ['提高到80%', 'gte'],
    ['力争达到98%', 'gte'],
    ['3个以上', 'gte'],
    ['95%及以上', 'gte'],
    ['超过80%', 'gt'],
    ['高于85%', 'gt'],
    ['500余人', 'gt'],
    ['10场次以上', 'gte'],
    ['不超过45人', 'lte'],
    ['控制在45人以内', 'lte'],
    ['3岁以下', 'lte'],
    ['30分钟以内', 'lte'],
    ['降至5%', 'lte'],
    ['低于5%', 'lt'],
    ['少于3次', 'lt'],
    ['约300人', 'approx'],
    ['300人左右', 'approx'],
    ['保持100%', 'eq'],
    ['14所', 'eq'],
  ])('%s → %s, with the comparator words in the text', (text, comparator) => {
    expect(findTargets(`学校${text}。`)).toMatchObject([{ text, comparator }]);
  });

  it('a commitment word a short verb away: 至少建设1个, 确保年底95%', () => {
    expect(found('指导各县至少建设1个紧密型教育集团')).toEqual(['至少建设1个|1|个|gte|count']);
    expect(found('确保年底95%的学校通过验收')).toEqual(['确保年底95%|95|%|gte|percent']);
    // 力争/确保 before a verb or a named rate state the amount itself (spec: 确保绑定率100%)
    expect(found('力争新建3所幼儿园')).toEqual(['力争新建3所|3|所|eq|count']);
    expect(found('确保绑定率100%')).toEqual(['确保绑定率100%|100|%|eq|percent']);
    expect(found('确保区内有2个示范基地')).toEqual(['确保区内有2个|2|个|eq|count']);
  });

  it('comparators seen in real plans: 30余个 gt, 降至2%左右 approx, 达到…以上 gte, 每周至少…一次 gte, 突破 gt', () => {
    expect(found('加快30余个高频事项标准化')).toEqual(['30余个|30|个|gt|count']);
    expect(found('近视率降至2%左右')).toEqual(['降至2%左右|2|%|approx|percent']);
    expect(found('优良率达到50%以上')).toEqual(['达到50%以上|50|%|gte|percent']);
    expect(found('家长每周至少和子女沟通交流一次')).toEqual(['至少和子女沟通交流一次|1|次|gte|frequency']);
    expect(found('在校生突破2000人')).toEqual(['突破2000人|2000|人|gt|count']);
  });

  it('a comparator after the number overrides a weak one before it (确保…以内)', () => {
    expect(findTargets('确保班额45人以内')).toMatchObject([{ comparator: 'lte', value: 45 }]);
  });

  it('a one-character comparator ending another word (下达, 制约, 附近) is not one', () => {
    expect(found('下达3个招生计划')).toEqual(['3个|3|个|eq|count']);
    expect(found('破解制约3个片区发展的难题')).toEqual(['3个|3|个|eq|count']);
    expect(found('统筹附近3所学校')).toEqual(['3所|3|所|eq|count']);
  });

  it('a commitment word across a clause mark does not reach the number', () => {
    expect(findTargets('确保安全，新建3所学校')).toMatchObject([{ comparator: 'eq', text: '3所' }]);
  });
});

describe('changes', () => {
  it.each([
    ['比上年提高5个百分点', 5, '个百分点', 'eq'],
    ['近视率下降0.5个百分点', 0.5, '个百分点', 'eq'],
    ['教育经费增长10%', 10, '%', 'eq'],
    ['同比提高10%以上', 10, '%', 'gte'],
  ])('%s', (text, value, unit, comparator) => {
    expect(findTargets(text)).toMatchObject([{ value, unit, comparator, kind: 'change' }]);
  });

  it('a level reached (提高到80%) is not a change, and the starting point of a change is no target', () => {
    expect(findTargets('优良率从60%提高到80%')).toMatchObject([{ value: 80, kind: 'percent', comparator: 'gte' }]);
  });
});

describe('frequencies', () => {
  it.each([
    ['每天校内体育活动时间不低于2小时', 2, '小时', '每天'],
    ['每学年开设不少于12课时安全教育课', 12, '课时', '每学年'],
    ['支持有条件的学校每天开设1节体育课', 1, '节', '每天'],
    ['每周开设3次课后服务', 3, '次', '每周'],
    ['每学期至少开展一次应急疏散演练', 1, '次', '每学期'],
  ])('%s', (text, value, unit, per) => {
    expect(findTargets(text)).toMatchObject([{ value, unit, per, kind: 'frequency' }]);
  });

  it('a period word in an earlier clause does not make a frequency', () => {
    for (const text of ['每天阅读。新建3所学校', '每生每年补助1000元，惠及幼儿3000人']) {
      const last = findTargets(text).pop()!;
      expect(last.kind).toBe('count');
      expect(last.per).toBeUndefined();
    }
  });

  it('money per period keeps its kind and records the period', () => {
    expect(findTargets('资助标准为每生每年1000元')).toMatchObject([{ value: 1000, kind: 'money', per: '每年' }]);
  });
});

describe('exclusions', () => {
  it('years, dates and periods', () => {
    expect(found('2024年2月28日印发，发布时间2020-08-28，规划(2017-2020年)，三年行动计划，3—5年内')).toEqual([]);
  });

  it('ordinals and names: 第25届, 第二批, 第一幼儿园, 首届, 七中', () => {
    expect(found('开展第25届推普周，评选第二批基地，泉州市第一幼儿园，举办首届论坛，泉州七中、衡水二中、南洲六完小')).toEqual([]);
  });

  it('anything inside “…” or 《…》', () => {
    expect(found('确保“两个只增不减”，编制“十四五”规划，落实《2022年教育工作要点》和“1+1+N”模式、学前“三率”')).toEqual([]);
    expect(found('落实“每天校园体育活动不低于2小时”要求')).toEqual([]);
  });

  it('a stray quotation mark does not hide the rest of the text', () => {
    expect(found(`“${'很长的说明'.repeat(50)}，新建3所学校`)).toEqual(['3所|3|所|eq|count']);
  });

  it('version numbers', () => {
    expect(found('推动教育信息化2.0逐步落实，建设智慧校园3.0版本，落实2.0项目')).toEqual([]);
  });

  it('hotlines and phone numbers', () => {
    expect(found('强化12345等渠道群众诉求办理，咨询电话：0564-3312345，热线12345')).toEqual([]);
  });

  it('doc and index numbers', () => {
    expect(found('白教字〔2024〕1号，索引号11220800013591858L/2024-0247，闽教〔2022〕3号文件')).toEqual([]);
  });

  it('numbers without a measuring unit', () => {
    expect(found('开展3，推出一批精品课，建设一批示范校，二级单位，三级网络')).toEqual([]);
  });

  it('counts that name how many slogans or listed items there are', () => {
    expect(found('确保两个“只增不减”')).toEqual([]);
    expect(found('突出“公平、优质、均衡”三个重点')).toEqual([]);
    expect(found('推进“资源扩容、质量提升、队伍建设”五项工程')).toEqual([]);
    expect(found('落实任务清单、风险清单、阵地清单三个清单内容')).toEqual([]);
    expect(found('建强三级网络宣传员队伍')).toEqual([]);
  });

  it('counts that name a policy set: 八项规定, 五项管理, 四个意识, 三个课堂', () => {
    expect(found('落实中央八项规定精神，抓好五项管理，增强四个意识，推进三个课堂建设，加强两支队伍建设')).toEqual([]);
  });

  it('but an Arabic count before a quotation counts real things (2个“冠名班”)', () => {
    expect(found('推进2个“冠名班”人才培养')).toEqual(['2个|2|个|eq|count']);
  });

  it('numeral formulas: 三位一体, 一人一案, 一岗双责', () => {
    expect(found('构建三位一体协同育人机制，落实一人一案，压实一岗双责')).toEqual([]);
  });

  it('meetings named by their number: 十二届四次全会, 七届七次全会', () => {
    expect(found('认真落实省委十二届四次全会、市委七届七次全会精神，召开四次党代会')).toEqual([]);
  });

  it('Chinese 一/两 as an article, unless committed', () => {
    expect(found('建设一个平台，打造一支队伍，举办一次活动，形成两种方式')).toEqual([]);
    expect(found('新建一所学校')).toEqual(['一所|1|所|eq|count']);
    // after its noun the numeral is a count
    expect(found('新建公办幼儿园一所，改扩建学校两所。')).toEqual(['一所|1|所|eq|count', '两所|2|所|eq|count']);
    expect(found('至少开展一次演练')).toEqual(['至少开展一次|1|次|gte|count']);
  });

  it('facts already achieved are results (status achieved), the present state is not reported', () => {
    expect(findTargets('已建成3所学校，累计培训教师500人次，先后荣获2项国家级奖励').map((t) => `${t.text}|${t.status}`)).toEqual([
      '3所|achieved', '500人次|achieved', '2项|achieved',
    ]);
    expect(found('全县共有中小学56所，局机关现有内设机构8个')).toEqual([]);
  });

  it('rankings, vague amounts, anniversaries', () => {
    expect(found('进入全省前10名，数十所学校参与，迎接建校100周年')).toEqual([]);
  });

  it('unit characters that start another word: 所有, 家长, 名师, 部门', () => {
    expect(found('确保2020年所有学校达标，组织3家长会，实施三名师培养，联合十一部门')).toEqual([]);
    expect(found('教师培训每五年一周期，开展5人制足球联赛')).toEqual([]);
    // …but after Arabic digits 名 is the measure word
    expect(found('推荐2名校长参加培训，招收10名师范生')).toEqual(['2名|2|名|eq|count', '10名|10|名|eq|count']);
    // …and a unit followed by 以上/以下 is a unit: 2所以上
    expect(found('实现2所以上高中集团化，特色学校达到30所以上')).toEqual(['2所以上|2|所|gte|count', '达到30所以上|30|所|gte|count']);
  });

  it('codes glued to letters or digits: 5G, ISO9001, V2', () => {
    expect(found('5G网络，ISO9001认证，V2版')).toEqual([]);
  });
});

describe('sentences in the style of real plans', () => {
  it.each([
    [
      '全面提升学前教育普及普惠水平，学前三年毛入园率达到92%以上，普惠性幼儿园覆盖率稳定在85%以上，新建、改扩建公办幼儿园6所，新增学位1800个。',
      ['达到92%以上|92|%|gte|percent', '85%以上|85|%|gte|percent', '6所|6|所|eq|count', '1800个|1800|个|eq|count'],
    ],
    [
      '落实“双减”政策，确保义务教育学校课后服务覆盖率100%，初中生书面作业平均完成时间不超过90分钟。',
      ['确保义务教育学校课后服务覆盖率100%|100|%|eq|percent', '不超过90分钟|90|分钟|lte|duration'],
    ],
    [
      '实施教师素质提升工程，全年培训中小学教师3000人次，遴选市级骨干教师100名、学科带头人20名，每名教师每年参加培训不少于72学时。',
      ['3000人次|3000|人次|eq|count', '100名|100|名|eq|count', '20名|20|名|eq|count', '不少于72学时|72|学时|gte|frequency'],
    ],
    [
      '开展第十届中小学生运动会，组织全市20所学校参加“阳光体育”展演，学生体质健康测试优良率提高3个百分点。',
      ['20所|20|所|eq|count', '3个百分点|3|个百分点|eq|change'],
    ],
    [
      '新开通校车线路5条，组建志愿服务队10支，开展送教下乡活动20场次，围绕一条主线。',
      ['5条|5|条|eq|count', '10支|10|支|eq|count', '20场次|20|场次|eq|count'],
    ],
    [
      '投入资金1.2亿元，完成12所薄弱学校改造，新增校舍面积2.5万平方米，配备计算机1500台。',
      ['1.2亿元|120000000|元|eq|money', '12所|12|所|eq|count', '2.5万平方米|25000|平方米|eq|area', '1500台|1500|台|eq|count'],
    ],
    [
      '学前教育资助标准为每生每年1000元，惠及幼儿约3000人。',
      ['1000元|1000|元|eq|money', '约3000人|3000|人|approx|count'],
    ],
    [
      '招收2—3岁幼儿，大班额控制在56人以内，班额超过45人的学校实行分流。',
      // 2—3岁幼儿: an age that qualifies a population is not a target
      ['控制在56人以内|56|人|lte|count', '超过45人|45|人|gt|count'],
    ],
  ])('%s', (text, want) => {
    expect(found(text)).toEqual(want);
  });
});

describe('quotedRanges', () => {
  it('finds nested quotations and titles as one merged range', () => {
    const text = '落实《关于“双减”的意见》要求';
    expect(quotedRanges(text)).toEqual([[2, 13]]);
  });

  it('ignores an opening mark without a closer within reach', () => {
    expect(quotedRanges('“' + '字'.repeat(300) + '”')).toEqual([]);
  });
});

describe('sentenceAt', () => {
  it('returns the sentence around an offset', () => {
    const text = '第一句。创建温馨校园14所。第三句';
    expect(sentenceAt(text, text.indexOf('14'))).toBe('创建温馨校园14所。');
  });
});

describe('targets in the outline', () => {
  const plan = parsePlan(
    [
      '某区教育局2025年工作要点',
      '2025年，全区学前三年毛入园率达到95%。',
      '一、推进教育优质均衡',
      '1.扩大学位供给。新建学校3所，新增学位2000个。',
      '2.强化体育工作。一是保障学生每天校内体育活动不低于1小时；二是开齐开足体育课，每周不少于3节。',
      '二、加强教师队伍建设',
      '3.开展教师培训。全年培训教师1000人次。',
    ].join('\n'),
  );

  it('every target lives in exactly one node, with its place, line and sentence', () => {
    const all = allTargets(plan);
    expect(all.map((t) => t.text)).toEqual(['达到95%', '3所', '2000个', '不低于1小时', '不少于3节', '1000人次']);
    const byText = new Map(all.map((t) => [t.text, t]));
    expect(byText.get('达到95%')!.place).toEqual({ part: 'preamble', section: null, subsection: null, item: null, point: null });
    expect(byText.get('3所')!.place).toEqual({ part: 'item', section: 1, subsection: null, item: 1, point: null });
    expect(byText.get('不低于1小时')!.place).toMatchObject({ part: 'point', section: 1, item: 2, point: 1 });
    expect(byText.get('不少于3节')!.place).toMatchObject({ part: 'point', section: 1, item: 2, point: 2 });
    expect(byText.get('1000人次')!.place).toMatchObject({ part: 'item', section: 2, item: 3 });
    expect(byText.get('1000人次')!.line).toBe(7);
    expect(byText.get('3所')!.sentence).toBe('新建学校3所，新增学位2000个。');
    expect(byText.get('不少于3节')!.per).toBe('每周');
  });

  it('a section or sub-section heading line keeps the targets of its body', () => {
    const withBodies = parsePlan(['某区教育局2025年工作要点', '一、推进优质均衡。全年新建学校3所。', '（一）扩大供给。新增学位2000个。', '二、加强队伍。培训教师1000人次。'].join('\n'));
    const [first, second] = withBodies.sections;
    expect(first!.targets).toMatchObject([{ text: '3所', line: 2, place: { part: 'section', section: 1, subsection: null, item: null } }]);
    expect(first!.subsections[0]!.targets).toMatchObject([{ text: '2000个', line: 3, place: { part: 'subsection', section: 1, subsection: 1 } }]);
    expect(second!.targets).toMatchObject([{ text: '1000人次', line: 4, place: { part: 'section', section: 2 } }]);
    expect(allTargets(withBodies)).toHaveLength(3);
  });

  it('an item does not repeat the targets of its points', () => {
    const item2 = plan.sections[0]!.items[1]!;
    expect(item2.targets).toEqual([]);
    expect(item2.points.flatMap((p) => p.targets.map((t) => t.value))).toEqual([1, 3]);
  });
});

describe('the offset of a target in its sentence', () => {
  it('tells apart two targets with the same text in one sentence', () => {
    const plan = parsePlan(['某区教育局2025年工作要点', '1.扩大学位供给。新建幼儿园3所，改扩建幼儿园3所，提升改造幼儿园3所。'].join('\n'));
    const all = allTargets(plan);
    expect(all.map((t) => t.text)).toEqual(['3所', '3所', '3所']);
    const sentence = '新建幼儿园3所，改扩建幼儿园3所，提升改造幼儿园3所。';
    expect(all.map((t) => t.sentence)).toEqual([sentence, sentence, sentence]);
    expect(all.map((t) => t.sentenceOffset)).toEqual([5, 14, 24]);
  });

  it('points at the text in the sentence for every target of the seeds and the real pages', async () => {
    let checked = 0;
    for (const [dir, ext] of [['seeds', '.txt'], ['real/docs', '.txt'], ['real/pages', '.txt'], ['pages', '.txt']] as const) {
      for (const f of listFixtures(dir, ext)) {
        for (const t of allTargets(await parsePlanFile(join(FIXTURES, dir, f)))) {
          expect(t.sentence.slice(t.sentenceOffset, t.sentenceOffset + t.text.length), `${f}: ${t.text}`).toBe(t.text);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('linear time', () => {
  // Each input is built to defeat a naive scan (an unmatched quotation mark
  // searched to the end, a digit run re-read from every position …).
  it.each([
    ['unmatched quotation marks', '“3所'],
    ['one long digit run', '1'],
    ['one long Chinese numeral run', '一'],
    ['comma-separated digits', '1,'],
    ['range separators', '3-'],
    ['targets without sentence ends', '每天开设1节体育课不低于2小时'],
  ])('%s', (_what, unit) => {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const started = performance.now();
    findTargets(text);
    // a quadratic scan of 1 MB takes minutes; the bound leaves room for a busy machine
    expect(performance.now() - started).toBeLessThan(15000);
  });
});
