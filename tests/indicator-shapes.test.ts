// Indicator rules by the shape of the clause, each with the case met on a real
// page, a variant worded as another portal might word it, and a case the rule
// must leave alone.
import { describe, expect, it } from 'vitest';
import { findTargets } from '../src/targets.js';

const indicators = (text: string) => findTargets(text).map((t) => t.indicator);
const first = (text: string) => findTargets(text)[0]!;

describe('a modifier before 的', () => {
  it('a restricting modifier stays in the name', () => {
    expect(first('本局纳入执法工作日计算的行政执法人员数量为51人').indicator).toBe('纳入执法工作日计算的行政执法人员数量');
    expect(first('对其它未列入直接监管的工商贸小微企业抽查不少于30家次').indicator).toBe('其它未列入直接监管的工商贸小微企业抽查');
    expect(first('全县取得高级职称的教师占比达到30%').indicator).toBe('取得高级职称的教师占比');
  });
  it('a role given with 作为…的 is dropped', () => {
    expect(first('2023年力争作为一产关键性指标的水产品产量达49万吨').indicator).toBe('水产品产量');
    expect(first('作为民生实事之一的新增学位达到3000个').indicator).toBe('新增学位');
  });
  it('a name too long to read is cut at its last 的, not in the middle of a word', () => {
    expect(first('落实引种台湾金钻凤梨、蜜香火龙果新品种的闽台涉农产业项目5个以上').indicator).toBe('闽台涉农产业项目');
    expect(first('推动开展面向全区中小学校和幼儿园青年教师的教学能力提升培训不少于20场').indicator).toBe('教学能力提升培训');
  });
});

describe('a figure in brackets right after another', () => {
  it('restates it, so it has the same indicator', () => {
    expect(indicators('抽查比例不少于50%（60家次）')).toEqual(['抽查比例', '抽查比例']);
    expect(indicators('课后服务覆盖率达到95%(约1200所学校)')).toEqual(['课后服务覆盖率', '课后服务覆盖率']);
  });
  it('a bracket that names its own thing keeps its own name', () => {
    expect(indicators('新建学校3所（其中小学2所）')).toEqual(['新建学校', '小学']);
  });
});

describe('a share of a group after 的', () => {
  it('keeps whose group it is, joined by the 的 as written', () => {
    expect(first('组织城镇学校10%以上的教师到乡村学校交流轮岗').indicator).toBe('城镇学校的教师到乡村学校交流轮岗');
    expect(first('推动县域内30%的骨干教师到薄弱学校任教').indicator).toBe('县域内的骨干教师到薄弱学校任教');
  });
  it('with nothing named before, it is the group alone', () => {
    expect(first('确保年底95%的区属学校通过验收').indicator).toBe('区属学校通过验收');
  });
});

describe('a rate that is the standard of a grant', () => {
  it('names what is granted, with whose rate it is', () => {
    const t = findTargets('按照小学1000元/年/生、初中1250元/年/生的标准给予寄宿制生活补助，走读生减半发放。');
    expect(t.map((x) => [x.text, x.indicator])).toEqual([
      ['1000元/年/生', '小学寄宿制生活补助标准'],
      ['1250元/年/生', '初中寄宿制生活补助标准'],
    ]);
    expect(first('按照760元/年/生的标准足额保障义务教育阶段学生营养改善资金。').indicator).toBe('义务教育阶段学生营养改善资金标准');
    expect(first('参照每生每年2000元的补助标准按时足额发放家庭经济困难学生生活费').indicator).toBe('家庭经济困难学生生活费标准');
  });
  it('an amount that is not a standard keeps its own name', () => {
    expect(first('落实营养改善专项资金97705万元').indicator).toBe('营养改善专项资金');
    expect(first('按照要求安排专项资金500万元用于校舍改造').indicator).toBe('安排专项资金');
  });
});

describe('where the name starts inside a long clause', () => {
  it('after an aside in brackets', () => {
    expect(indicators('医疗领域6个（含区医院、两岸互联网医院）民政养老领域1个（怡馨养老服务中心）')).toEqual(['医疗领域', '民政养老领域']);
    expect(first('（详见附件清单所列学校名单）义务教育学校课后服务覆盖率达到100%').indicator).toBe('义务教育学校课后服务覆盖率');
  });
  it('a short bracket inside the name stays', () => {
    expect(first('学前三年幼儿入园(班)率达90%').indicator).toBe('学前三年幼儿入园(班)率');
  });
  it('after a year inside it', () => {
    expect(first('推动民生建设项目化2023年策划生成重点项目46个').indicator).toBe('策划生成重点项目');
    expect(first('聚焦教育强区建设2024年度新增公办学位3000个').indicator).toBe('新增公办学位');
  });
  it('not after a year compared with', () => {
    expect(first('学生体质健康优良率比2020年提高5个百分点').indicator).toBe('学生体质健康优良率比2020年提高');
  });
});

describe('the thing counted named after a list of modifiers', () => {
  it('a bare count, its attributes, 的, the thing', () => {
    expect(first('推进37个、总投资64.93亿元的数字经济项目').indicator).toBe('数字经济项目');
    expect(first('建成12所、覆盖全部乡镇的寄宿制学校').indicator).toBe('建成寄宿制学校');
  });
  it('modifiers joined by 、 and closed by 的 before the thing', () => {
    expect(first('确保区内有2个有机农业生产、线上线下销售、品牌运营的台湾团队常态化运营').indicator).toBe('区内有台湾团队常态化运营');
    expect(first('培育5个集教学、科研、实践于一体的示范基地').indicator).toBe('培育示范基地');
  });
  it('a list of counts keeps each count its own thing', () => {
    expect(indicators('新建3所小学、2所初中，')).toEqual(['新建小学', '初中']);
    expect(first('新建幼儿园3所、小学2所').indicator).toBe('新建幼儿园');
  });
});

describe('a list of named targets closed by 的年度目标', () => {
  it('keeps each figure the name before it', () => {
    expect(indicators('要实现粮食产量稳定在23万吨以上、出栏生猪65万头、农村居民人均可支配收入增长10%以上的年度目标')).toEqual(['粮食产量', '出栏生猪', '农村居民人均可支配收入增长']);
  });
});

describe('an owner named in the clause before', () => {
  it('owns the parts a body has (下设)', () => {
    expect(first('推动苏平片区中心医院建设，下设4个分院区').indicator).toBe('苏平片区中心医院分院区');
    expect(first('组建城南教育集团，下设3个校区').indicator).toBe('城南教育集团校区');
  });
  it('owns an investment named without an owner', () => {
    expect(first('支持企业自筹，实施台湾特色农业产业园项目，年度计划投资0.2亿元').indicator).toBe('台湾特色农业产业园项目年度计划投资');
    expect(first('实施集…于一体的生态观光产业园项目，计划完成年度投资1亿元').indicator).toBe('生态观光产业园项目年度投资');
    expect(first('启动城东学校新建工程，总投资1.2亿元').indicator).toBe('城东学校新建工程总投资');
  });
  it('no owner when the clause before has its own figure or names no project', () => {
    expect(indicators('项目总投资约205.31亿元，年度计划投资17.21亿元')).toEqual(['项目总投资', '年度计划投资']);
    expect(first('优化营商环境，年度投资增长10%').indicator).toBe('年度投资增长');
    expect(first('加强师资配备，下设3个教研组').indicator).toBe('教研组');
  });
});

describe('a category count that breaks down the count before it', () => {
  it('names the category and what the count before counts', () => {
    expect(indicators('一是推动8个在建重点项目建设。教育领域6个（含大卫幼儿园、龙山小学新校区）；医疗领域1个（中医院改扩建项目）。')).toEqual(['在建重点项目建设', '教育领域在建重点项目建设', '医疗领域在建重点项目建设']);
    expect(indicators('今年新建学校12所，其中城区学段5所、农村学段7所。')).toEqual(['新建学校', '城区学段新建学校', '农村学段新建学校']);
  });
  it('a detail that repeats a figure of the overview is named as the overview names it', () => {
    const text = '其中，在建重点项目8个；计划开工项目13个。一是推动8个在建重点项目建设。二是推动13个项目计划开工。教育领域6个；医疗领域7个。';
    expect(indicators(text).slice(-2)).toEqual(['教育领域计划开工项目', '医疗领域计划开工项目']);
    const other = '全年安排民生项目20个。推动20个项目落地。城区片区12个，乡镇片区8个。';
    expect(indicators(other).slice(-2)).toEqual(['城区片区安排民生项目', '乡镇片区安排民生项目']);
  });
  it('a category followed by what it counts keeps its own name', () => {
    expect(indicators('推动8个在建重点项目建设。教育领域新建学校6所。')).toEqual(['在建重点项目建设', '教育领域新建学校']);
  });
});

describe('a head noun shared by the members of a list', () => {
  it('is added to a member that names only its modifier', () => {
    expect(indicators('推动建成4个高级版、42个初级版绿盈村庄')).toEqual(['建成高级版绿盈村庄', '初级版绿盈村庄']);
    expect(first('新建3所公办、2所民办幼儿园').indicator).toBe('新建公办幼儿园');
  });
  it('members that name things of their own keep them', () => {
    expect(indicators('新建3所小学、2所初中')).toEqual(['新建小学', '初中']);
    expect(first('创建5个省级示范校、10个市级示范校').indicator).toBe('创建省级示范校');
  });
});

describe('the opening of a clause', () => {
  it('a numbered bracket still opens the clause, and a name does not start with 的', () => {
    expect(first('（3）对工矿商贸重点监管企业检查5家').indicator).toBe('工矿商贸重点监管企业检查');
    expect(indicators('确保20%的村集体经济达50万元以上')[1]).toBe('村集体经济');
  });
});

describe('per-head words at a clause start', () => {
  it('stay in the name (每人每年 like 每天)', () => {
    expect(first('每人每年参加培训不少于72学时').indicator).toBe('每人每年参加培训');
  });
});
