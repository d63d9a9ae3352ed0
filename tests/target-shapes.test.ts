// Target rules by the shape of the text around a figure, each with the case
// met on a real page, a variant worded as another portal might word it, and a
// case the rule must leave alone.
import { describe, expect, it } from 'vitest';
import { findTargets } from '../src/targets.js';

const texts = (text: string) => findTargets(text).filter((t) => t.status !== 'achieved').map((t) => t.text);

describe('a figure that states a condition', () => {
  it('ends a 的-phrase that closes its clause: not an amount to reach', () => {
    expect(texts('新发现的重点检查对象，至计划年度结束不足6个月的，纳入下一年度安排。')).toEqual([]);
    expect(texts('单个项目投资额在1000万元以上的，报市级部门审批。')).toEqual([]);
  });
  it('a 的 before a noun is a share of a population, still a target', () => {
    expect(texts('确保年底95%的区属学校通过验收。')).toEqual(['确保年底95%']);
    expect(texts('组织城镇学校10%以上的教师到乡村学校交流轮岗。')).toEqual(['10%以上']);
  });
});

describe('a number that numbers the rows of a list', () => {
  it('continues the row number before it: the unit-like character starts a name', () => {
    expect(texts('23宸鸿科技（平潭）有限公司 24宗仁科技（平潭）有限公司 25平潭县冠超市发展有限公司')).toEqual([]);
    expect(texts('检查名单：\n7实验小学\n8家乐幼儿园\n9城关中学')).toEqual([]);
  });
  it('a count after another count is still a target', () => {
    expect(texts('完成改造 3所，新建 4所。')).toEqual(['3所', '4所']);
    expect(texts('1.新建学校 2所')).toEqual(['2所']);
  });
});

describe('figures that name kinds of a thing', () => {
  it('a 、-run of one unit running straight into a noun names kinds, not amounts', () => {
    expect(texts('推出18小时、24小时、36小时、48小时游产品，以及亲子游线路。')).toEqual([]);
    expect(texts('开设3天、5天、7天等研学营，满足不同学段需要。')).toEqual([]);
  });
  it('a run that closes its clause, or ends with 以上, is a set of amounts', () => {
    expect(texts('初中入学率、巩固率、毕业率分别为100%、99.9%、99.9%。')).toEqual(['100%', '99.9%', '99.9%']);
    expect(texts('小学、初中每周体育课分别不少于4节、3节以上。')).toHaveLength(2);
    expect(texts('新建小学2所、初中1所。')).toEqual(['2所', '1所']);
  });
});

describe('a breakdown in brackets', () => {
  it('is read with the sentence it breaks down: parts of a present count are present', () => {
    expect(texts('涉及在册人数56人（其中局领导共2人；协调处、危化处共11人；安劳支队10人折算为7.5人）。')).toEqual([]);
    expect(texts('全区现有学校52所（其中小学30所；初中22所）。')).toEqual([]);
  });
  it('parts of a commitment are commitments', () => {
    expect(texts('新建学校5所（其中小学3所；初中2所）。')).toEqual(['5所', '3所', '2所']);
  });
  it('a sentence after the bracket closes is read on its own', () => {
    expect(texts('全区现有学校52所（含民办）；新建学校3所。')).toEqual(['3所']);
  });
});

describe('an organisation described', () => {
  it('what a body has under it (下辖) is the present state', () => {
    expect(texts('其它公共部门按1/8法定工作日计算（下辖9个行业执法支队）。')).toEqual([]);
    expect(texts('全市下辖5个区、3个县。')).toEqual([]);
  });
  it('a body to set up with branches is a commitment', () => {
    expect(texts('组建教育集团，新设3个分校。')).toEqual(['3个']);
  });
});

describe('the total of a list, and the calendar', () => {
  it('a list with its total that nothing is done to describes, it commits to nothing', () => {
    expect(texts('3.元旦、春节、清明、五一、端午、中秋、国庆节等共计11个法定假日。')).toEqual([]);
    expect(texts('本学期有语文、数学、英语、科学等共8门课程。')).toEqual([]);
  });
  it('a list of named deliverables with a doing word is a target', () => {
    expect(texts('完成实验小学、城关中学等共计4所学校创建工作。')).toEqual(['4所']);
  });
  it('the length of a year is the calendar', () => {
    expect(texts('1.全年总天数365日；')).toEqual([]);
    expect(texts('图书馆全年开放366天。')).toEqual([]);
    expect(texts('图书馆全年开放不少于300天。')).toEqual(['不少于300天']);
  });
});

describe('a unit named by the indicator', () => {
  const found = (text: string) => findTargets(text).map((t) => [t.text, t.value, t.unit, t.comparator]);
  it('人数/人次 before a comparator: the bare number counts people', () => {
    expect(found('城乡居民免费健康体检人数达1000万以上，')).toEqual([['达1000万以上', 10000000, '人', 'gte']]);
    expect(found('全年教师培训人次不少于5000。')).toEqual([['不少于5000', 5000, '人次', 'gte']]);
    expect(found('参保人数为1200。')).toEqual([['1200', 1200, '人', 'eq']]);
  });
  it('a bare number without such a name, or without a comparator, is no target', () => {
    expect(found('综合指数达85，')).toEqual([]);
    expect(found('参保人数1200。')).toEqual([]);
    expect(found('培训人数达2024年的两倍。')).toEqual([]);
  });
});

describe('words near 下辖 that describe no structure', () => {
  it('a sentence about a jurisdiction still commits its figures', () => {
    expect(texts('加强管辖区域内学校安全管理，排查隐患100处。')).toEqual(['100处']);
  });
});

describe('per-mille and class-size categories (found by the second portal probe)', () => {
  it('千分之 and ‰ give unit ‰', () => {
    expect(findTargets('辍学率控制在千分之三以内').map((t) => [t.value, t.unit, t.comparator])).toEqual([[3, '‰', 'lte']]);
    expect(findTargets('学校安全事故发生率控制在千分之零点五以下').map((t) => [t.value, t.unit])).toEqual([[0.5, '‰']]);
    expect(findTargets('近视率控制在5‰以内').map((t) => [t.value, t.unit])).toEqual([[5, '‰']]);
    expect(findTargets('千家万户都受益')).toEqual([]);
  });
  it('a class size that defines 大班额 is no target; a class-size limit is', () => {
    expect(findTargets('全面消除56人以上大班额')).toEqual([]);
    expect(findTargets('66人及以上超大班额全部清零')).toEqual([]);
    expect(findTargets('班额控制在45人以内').map((t) => t.value)).toEqual([45]);
  });
});

describe('amounts written the way reports round them', () => {
  const read = (text: string) => findTargets(text).map((t) => [t.text, t.value, t.unit, t.comparator]);
  it('余/多 before the magnitude is more than the number (3500余万元)', () => {
    expect(read('发放资助资金3500余万元。')).toEqual([['3500余万元', 35000000, '元', 'gt']]);
    expect(read('惠及学生20多万人次。')).toEqual([['20多万人次', 200000, '人次', 'gt']]);
    // after the magnitude, as before
    expect(read('惠及学生2.1万余人次。')).toEqual([['2.1万余人次', 21000, '人次', 'gt']]);
  });
  it('a share in tenths (九成, 8成以上) is a percentage', () => {
    expect(read('家访率不低于九成。')).toEqual([['不低于九成', 90, '%', 'gte']]);
    expect(read('优良率达到8成以上。')).toEqual([['达到8成以上', 80, '%', 'gte']]);
  });
  it('leaves 成 alone where it is no share', () => {
    expect(read('评价标准一成不变。')).toEqual([]);
    expect(read('学生三五成群结伴上学。')).toEqual([]);
    expect(read('建成学校。')).toEqual([]);
  });
});

describe('拥有 in the name of a ratio', () => {
  it('每千人口拥有…达到4.5个 is a commitment, not the present state', () => {
    expect(texts('每千人口拥有3岁以下婴幼儿托位数达到4.5个。')).toEqual(['达到4.5个']);
    expect(texts('到年底，人均拥有图书达到30册。')).toEqual(['达到30册']);
  });
  it('拥有 on its own still tells the present state', () => {
    expect(texts('全县拥有教师3000人。')).toEqual([]);
  });
});

describe('scores and square metres', () => {
  const read = (text: string) => findTargets(text).map((t) => [t.text, t.value, t.unit]);
  it('分 after Arabic digits is a score', () => {
    expect(read('体育中考分值提高到60分。')).toEqual([['提高到60分', 60, '分']]);
    expect(read('评估得分90分以上。')).toEqual([['90分以上', 90, '分']]);
  });
  it('分 in words is not (十分, 三分之一, 5分类), and 分钟 stays a duration', () => {
    expect(read('这十分重要，三分之一的学校按5分类推进。')).toEqual([]);
    expect(read('每节课40分钟。')).toEqual([['40分钟', 40, '分钟']]);
  });
  it('㎡, m² and m2 (m<sup>2</sup> as text) are areas', () => {
    expect(read('建设运动场地5.2万㎡。')).toEqual([['5.2万㎡', 52000, '㎡']]);
    expect(read('新增校舍3.5万m2，改造运动场8000m²。')).toEqual([['3.5万m2', 35000, 'm2'], ['8000m²', 8000, 'm²']]);
    expect(read('采购型号m23设备。')).toEqual([]);
  });
});

describe('a change from a baseline', () => {
  const read = (text: string) => findTargets(text).map((t) => [t.text, t.value, t.indicator, t.from]);
  it('names the measure without its baseline, and keeps the baseline as from', () => {
    expect(read('公办园在园幼儿占比从60%提高到66%。')).toEqual([['提高到66%', 66, '公办园在园幼儿占比', 60]]);
    expect(read('学前三年毛入园率由90.5%提升至92%。')).toEqual([['提升至92%', 92, '学前三年毛入园率', 90.5]]);
  });
  it('a rate keeps its period between the baseline and the verb (元/年)', () => {
    expect(read('城乡低保标准从8700元/年提高至10560元/年。')).toEqual([['提高至10560元/年', 10560, '城乡低保标准', 8700]]);
  });
});

describe('hostile cases of the new units', () => {
  const read = (text: string) => findTargets(text).map((t) => [t.text, t.value, t.unit]);
  it('a space between the number and its magnitude (100 万元, 3500 余万元)', () => {
    expect(read('经费保障 100 万元。')).toEqual([['100 万元', 1000000, '元']]);
    expect(read('投入 3500 余万元。')).toEqual([['3500 余万元', 35000000, '元']]);
  });
  it('八成新 is a condition, 九成九 is 99%', () => {
    expect(read('形成八成新的校舍。')).toEqual([]);
    expect(read('九成九的学校达标。')).toEqual([['九成九', 99, '%']]);
  });
  it('the minutes of a time of day are no score', () => {
    expect(read('2024年9月1日9时10分开始。')).toEqual([]);
    expect(read('下午2点30分集合。')).toEqual([]);
  });
});
