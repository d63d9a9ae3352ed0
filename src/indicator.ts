// The indicator (spec section 3, "The indicator"): the name of what a number
// measures, as written in its clause and as short as still makes sense.
//
//   公办园在园幼儿占比提升至66%        → 公办园在园幼儿占比   (named before the figure)
//   至少建设1个紧密型教育集团           → 建设紧密型教育集团   (a count of the thing after it)
//   确保年底95%的区属学校通过验收       → 区属学校通过验收     (a share of the population after 的)
//   初中入学率、稳固率、毕业率分别为100%、99.9%、99.9% → 初中入学率, 稳固率, 毕业率
//
// Also here: the direction of a change, the deadline (by) and the baseline
// (from) written in the same clause. All functions work on the matching form
// of the text (folded one char for one char), so offsets index the text as
// written too.

/** Offsets of one target inside the (matching form of the) text. */
export interface TargetSpan {
  /** Where the clause holding the target starts (after the previous target, if any). */
  clauseStart: number;
  /** Start of the target's text (a comparator word before the number included). */
  from: number;
  /** Start of the number. */
  numberStart: number;
  /** End of the target's text (以上, 左右 included). */
  end: number;
  /** The measuring unit. */
  unit: string;
  /** The clause starts right after the previous target (…1家醇基燃料、8家加油站). */
  afterPrevious?: boolean;
}

// Clause marks that end an indicator's reach backwards.
const CLAUSE_MARK = /[，,；;。：:！!？?\n|]/;

// Words a clause opens with that are not part of the name: time, scope, commitment.
const LEADING = new RegExp(
  '^(?:' +
    [
      '到20\\d\\d年(?:底|末)?(?:前)?', '力争到20\\d\\d年', '至20\\d\\d年', '20\\d\\d年(?:度)?(?:底|末)?(?:前)?', '年底前', '年底', '年末', '年内', '全年', '今年', '明年',
      '全市', '全区', '全县', '全省', '全国', '全镇', '全乡', '我市', '我区', '我县', '我局', '本市', '本区', '本县', '本局', '本镇', '各地',
      '[一二三四五六七八九十]是', '\\d{1,2}[.．、]', '[（(][一二三四五六七八九十\\d]{1,2}[)）]', '每(?:年|月|周|天|日|学期|学年)(?=至少|不少于|不低于|不得少于)', '(?:计划|拟)?对(?![接于照标外象])', '首批', '确保', '力争', '争取', '努力', '进一步', '持续', '预计', '严格', '应当', '必须', '计划(?=完成|实施)', '(?:按|依|参)照(?:要求|规定)?', '拟', '要(?!求|点|素|件)', '将', '全力', '加快', '积极', '大力', '着力', '切实',
      '逐步', '继续', '全面', '稳步', '实现', '完成', '保障', '推动', '推进', '组织', '指导', '支持', '鼓励', '落实', '扎实', '深入', '开展',
      '其中', '同时', '并', '且', '和(?!谐)', '及(?!时)', '与', '共(?!享|建|同|育|治)', '总共', '至少', '不少于', '不低于', '保证', '新的一年',
    ].join('|') +
    ')',
);

// A clause opening with nothing else: 年底, 全市, 确保.
const ONLY_LEADING = new RegExp(`${LEADING.source.replace(/^\^/, '^(?:')})+$`);

// A name that is only a comparator or a copula: 至少, 不少于, 为.
const TRAILING_ONLY = /^(?:至少|最少|不少于|不低于|不得少于|不得低于|达到|达|为|是|约|近|超过|突破)$/;

// Words a clause puts between the name and the number: comparators, copulas, time.
const TRAILING = new RegExp(
  '(?:' +
    [
      '不低于', '不少于', '不小于', '不下于', '至少', '最少', '最低', '力争达到', '达到', '提升至', '提升到', '提高至', '提高到',
      '增加至', '增加到', '增长至', '增长到', '增至', '上升至', '上升到', '扩大至', '扩大到', '超过', '高于', '多于', '大于', '突破',
      '不超过', '不高于', '不多于', '不大于', '最多', '至多', '控制在', '降至', '降到', '降低至', '降低到', '下降至', '下降到',
      '减少至', '减少到', '压减至', '压缩至', '压缩到', '低于', '少于', '小于', '不足', '大约', '将近', '接近', '保持在', '稳定在',
      '保持', '分别为', '分别是', '分别达到', '分别', '均', '都', '各', '为', '是', '达', '约', '近', '实现', '完成', '全年', '年内', '共计', '总计',
      '合计', '共', '累计', '力争', '确保', '争取', '预计', '计划', '要', '将', '再', '可', '在',
    ].join('|') +
    ')$',
);

// Verbs that name what is delivered when the thing counted follows the number: 新建3所幼儿园.
const DELIVER_VERB =
  /(?:新建成|新建|改扩建|扩建|改建|建成|建设|创建|培育|打造|新增|开设|引进|培训|培养|招收|招聘|开展|实施|检查|选取|争创|创立|认定|评选|遴选|举办|开工|资助|表彰|发放|改造|提升|配备|增设|新开|开通|建立|设立|成立|申报|掌握|学会|安排|交付)$/;

// A name that is only a verb of delivering: 建成12所、…的寄宿制学校.
const DELIVER_ONLY = new RegExp(`^${DELIVER_VERB.source}`);

// A rate or share named before a percentage: 覆盖率达100%, 占比88%.
const RATE_NOUN = /(?:率|比例|占比|比重|水平|覆盖面|指数|增速|增幅|增长|提高|提升|下降|降低|减少)$/;

// Words that cannot open the name of the thing counted after a number.
const NOT_A_NOUN_START = /^(?:并|和|及|与|或|等|以|左右|目标|任务|已|均|各|共|其|分别|为|是|达|在(?!建)|次|后|前|内|中|上|下|里|用于|用|于|的|之|到|至|由|从|给|对|把|被|让|使|向|按|左|可|将|要|也|都|就|再|又|还|而|且|至少)/;

// Marks and words that end the thing counted: 13处农村学校塑胶运动场地建成并投入使用 → …场地建成.
const NOUN_END = /^(?:[、（(《》]|并|等|及|和|以及|用于|参加|参与|做好|进行|达到|实现|实行|执行|推进|建成并)/;

// A year written inside a name: 2023年, 2023年度, 2023年底前.
const YEAR_INSIDE = /20\d\d年度?(?:底|末)?前?/g;

// A modifier that gives the thing a role rather than narrowing it: 作为一产关键性指标的, 身为…的.
const APPOSITIVE = /^(?:作为|身为|被列为|列为)/;

const SHORT_ASIDE = /^[（(][\u4e00-\u9fff、]{1,5}[)）]/;
const NOUN_END_FIRST = new Set('、（(《》并等及和以用参做进达实执推建');
const NOUN_OTHER = new Set('“”"');
const NOUN_MAX = 16;
const NAME_MAX = 24;

function isHan(c: string | undefined): boolean {
  return c !== undefined && c >= '\u4e00' && c <= '\u9fff';
}

/** The name of the thing counted right after the figure (14所学校 → 学校), or null. */
function nounAfter(f: string, at: number): { start: number; end: number } | null {
  const of = f[at] === '的';
  const start = of ? at + 1 : at;
  if (!isHan(f[start]) && f[start] !== '“') return null;
  if (!of && NOT_A_NOUN_START.test(f.slice(start, start + 4))) return null;
  let end = start;
  while (end < f.length && end - start < NOUN_MAX) {
    const c = f[end]!;
    // a short aside that widens the noun is part of it: 县（市、区）, 学校（园）
    if ((c === '（' || c === '(') && end > start) {
      const aside = SHORT_ASIDE.exec(f.slice(end, end + 8));
      if (aside) {
        end += aside[0].length;
        continue;
      }
    }
    if (!isHan(c) && !NOUN_OTHER.has(c) && !(c >= '0' && c <= '9') && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) break;
    // the end words are tested only where one can start (one Set lookup per character)
    if (end > start && NOUN_END_FIRST.has(c) && NOUN_END.test(f.slice(end, end + 3))) break;
    end++;
  }
  return end - start >= 2 ? { start, end } : null;
}

const LIST_HEAD_REACH = 40;

/**
 * The head noun after a list of modifiers, when the thing counted is named
 * only there: 推进37个、总投资64.93亿元的数字经济项目 (the count, its attributes, 的, the
 * thing), 确保区内有2个有机农业生产、线上线下销售、品牌运营的台湾团队 (modifiers joined by
 * 、 and closed by 的). Modifiers that hold another figure are other counts
 * (2个高级版、42个初级版…), unless the count itself stands bare before the 、 with
 * nothing named before it.
 */
function headAfterList(f: string, at: number, named: boolean): { start: number; end: number } | null {
  const bare = f[at] === '、';
  // 出栏生猪65万头、…增长10%以上的年度目标: a count named before it is one of a list of targets
  if (bare && named) return null;
  const first = bare ? null : nounAfter(f, at);
  if (!bare && (first === null || f[first.end] !== '、')) return null;
  const from = bare ? at : first!.end;
  let of = -1;
  for (let k = from; k < f.length && k - from < LIST_HEAD_REACH; k++) {
    const c = f[k]!;
    if (CLAUSE_MARK.test(c)) break;
    if (!bare && c >= '0' && c <= '9') return null;
    if (c === '的') of = k;
  }
  if (of < 0) return null;
  return nounAfter(f, of);
}

/**
 * 建成4个高级版、42个初级版绿盈村庄: the next count of the list names a modifier of the
 * same length and ending (高级版 / 初级版) and then the head noun both share. Returns that
 * head (绿盈村庄), or '' when the next member names a thing of its own (3所小学、2所初中).
 */
function sharedHead(f: string, raw: string, noun: { start: number; end: number }, unit: string): string {
  if (f[noun.end] !== '、') return '';
  let k = noun.end + 1;
  while (k < f.length && k - noun.end <= 8 && ((f[k]! >= '0' && f[k]! <= '9') || f[k] === '.' || '〇零一二两三四五六七八九十百千万'.includes(f[k]!))) k++;
  if (k === noun.end + 1 || !f.startsWith(unit, k)) return '';
  const other = nounAfter(f, k + unit.length);
  const width = noun.end - noun.start;
  if (!other || other.end - other.start < width + 2) return '';
  // the modifiers match in length and in their last character (高级版 / 初级版, 公办 / 民办)
  if (f[other.start + width - 1] !== f[noun.end - 1]) return '';
  return raw.slice(other.start + width, other.end);
}

/** Strip the words that open a clause or stand before the number; returns [start, end) inside `s`. */
function trimName(s: string): [number, number] {
  let a = 0;
  let b = s.length;
  for (let guard = 0; guard < 12; guard++) {
    const m = LEADING.exec(s.slice(a, b));
    // 完成率, 实现率: a leading word that a rate is made of stays
    if (m && m[0].length > 0 && m[0].length < b - a && s[a + m[0].length] !== '率') a += m[0].length;
    // （其中小学2所）: a clause opened inside brackets starts after them; 20%的村集体经济: not with 的
    else if (a + 1 < b && (s[a] === '（' || s[a] === '(' || s[a] === '的')) a++;
    else break;
  }
  // …两岸互联网医院）民政养老领域: an aside in brackets (a list, or long, or opened before the
  // clause) ends before the name; a short bracket inside it is part of it (入园(班)率)
  const close = Math.max(s.lastIndexOf('）', b - 1), s.lastIndexOf(')', b - 1));
  if (close >= a && b - close - 1 >= 2) {
    const open = Math.max(s.lastIndexOf('（', close), s.lastIndexOf('(', close));
    if (open < a || s.slice(open, close).includes('、') || close - open > 10) a = close + 1;
  }
  // 民生建设项目化2023年策划生成重点项目: a year inside starts the name (the words before it
  // are another phrase); not a year compared with (比2020年提高)
  for (const m of s.slice(a, b).matchAll(YEAR_INSIDE)) {
    const at = a + m.index;
    if (at > a && !'比较与同从由'.includes(s[at - 1]!) && b - (at + m[0].length) >= 2) a = at + m[0].length;
  }
  // 在乡镇小规模学校建设美丽乡村学校: the place before the verb is not the name
  if (s[a] === '在') {
    const v = /建设|新建|创建|增设|开展|培育|打造|组织|实施/.exec(s.slice(a, b));
    if (v) a += v.index;
  }
  for (let guard = 0; guard < 12; guard++) {
    const m = TRAILING.exec(s.slice(a, b));
    if (!m || m[0].length >= b - a) break;
    b -= m[0].length;
  }
  // quotes and brackets at the ends, unbalanced
  while (a < b && /[“”"《》）)\s、]/.test(s[a]!)) a++;
  // 监督检查工作日（684个工作日）: the figure in brackets after its name
  while (b > a && /[“”"《》\s、（(]/.test(s[b - 1]!)) b--;
  // 作为一产关键性指标的水产品产量: a role given before 的 (作为…的) is not part of the name;
  // a restricting modifier is (纳入执法工作日计算的行政执法人员数量, 未列入直接监管的企业), unless
  // the name is too long to read, where 的 is a better place to cut than a fixed width
  const of = s.lastIndexOf('的', b - 1);
  if (of >= a && b - of - 1 >= 2 && (APPOSITIVE.test(s.slice(a, of)) || b - a > NAME_MAX)) a = of + 1;
  // …锦标赛等重大赛事: the name is what the list is of
  const etc = s.lastIndexOf('等', b - 1);
  if (etc >= a && b - etc - 1 >= 2) a = etc + 1;
  // Too long to read: keep the end, cut where a word ends (after 、 ， or a space) rather than inside one
  if (b - a > NAME_MAX) {
    const from = b - NAME_MAX;
    const seps = /[、，,；;\s]/g;
    seps.lastIndex = from - 1;
    const sep = seps.exec(s.slice(0, b));
    a = sep && b - (sep.index + 1) >= 2 ? sep.index + 1 : from;
  }
  return [a, b];
}

/** A list named before 分别: 初中入学率、稳固率、毕业率分别为… → its members, or null. */
export function respectiveList(before: string): string[] | null {
  const m = /^(.*?)(?:分别|依次)(?:为|是|达到|达|保持在|提高到|提升至|控制在)?$/.exec(before);
  if (!m || !m[1]) return null;
  const [a, b] = trimName(m[1]);
  const list = m[1].slice(a, b).split(/[、和及与]/).filter((x) => x.length > 0);
  return list.length >= 2 ? list : null;
}

export interface Indicator {
  /** The name as written, or null when the clause names nothing. */
  text: string | null;
  /** Start offset of the name when it is one span before the figure (for 分别 lists). */
  list: string[] | null;
}

/**
 * The indicator of one target, from the matching form `f` (offsets) and the
 * text as written `raw` (the name is returned as written).
 */
export function indicatorOf(f: string, raw: string, span: TargetSpan): Indicator {
  const before = f.slice(span.clauseStart, span.numberStart);
  const list = respectiveList(before.replace(/[\s]/g, ''));
  if (list) return { text: list[0]!, list };
  const [a, b] = trimName(before);
  // 公办园在园幼儿占比从60%提高到66%: the baseline is no part of the name
  const nameBefore = raw.slice(span.clauseStart + a, span.clauseStart + b).trim().replace(BASELINE_TAIL, '');
  const standard = standardOf(f, raw, span);
  // whose rate it is (小学, 初中), not how it is counted (每生每年)
  if (standard) return { text: (ONLY_LEADING.test(nameBefore) || TRAILING_ONLY.test(nameBefore) || nameBefore.startsWith('每') ? '' : nameBefore) + standard, list: null };
  // 计划对3家以上行政事业单位开展内部控制检查: the count is of whom an action is done to; the action names it
  const action = /对(?:全[省市区县镇乡]|各[级类])?\s*$/.test(before) ? actionAfter(f, raw, span.end) : null;
  if (action) return { text: action, list: null };
  const percent = span.unit === '%';
  const named = nameBefore.length >= 2 && !ONLY_LEADING.test(nameBefore) && !DELIVER_ONLY.test(nameBefore);
  const after = headAfterList(f, span.end, named) ?? nounAfter(f, span.end);
  // a percentage names its population after 的 (95%的区属学校); a count names what it counts after it (3所幼儿园)
  const useAfter = after !== null && (!percent || f[span.end] === '的' || !RATE_NOUN.test(nameBefore)) && !(percent && nameBefore.length >= 2 && RATE_NOUN.test(nameBefore));
  if (useAfter) {
    const thing = raw.slice(after.start, after.end) + sharedHead(f, raw, after, span.unit);
    // 新建蛋鸡厂等3个项目, 档案大数据中心、数据跨境服务枢纽3个项目: a short generic noun takes the list before it
    if (thing.length <= 3 && (nameBefore.endsWith('等') || nameBefore.includes('、'))) return { text: nameBefore + thing, list: null };
    const verb = DELIVER_VERB.exec(f.slice(span.clauseStart + a, span.clauseStart + b).replace(TRAILING, ''));
    if (verb) return { text: verb[0] + thing, list: null };
    // 推动苏平片区中心医院建设，下设4个分院区: whose parts they are is said in the clause before
    if (STRUCTURE_ONLY.test(nameBefore)) return { text: (ownerBefore(f, raw, span.clauseStart) ?? '') + thing, list: null };
    // 泉山学校一期2座教学楼: a short name before the count says whose
    const whose = !span.afterPrevious && nameBefore.length <= 8 && !/[等、]$/.test(nameBefore) && !ONLY_LEADING.test(nameBefore) ? nameBefore : '';
    // 城镇学校10%以上的教师: the share's own 的 joins whose and what
    return { text: whose + (whose && f[span.end] === '的' ? '的' : '') + thing, list: null };
  }
  // 实施台湾特色农业产业园项目，年度计划投资0.2亿元: a measure with no owner belongs to the project before it
  if (OWNERLESS_MEASURE.test(nameBefore)) return { text: (ownerBefore(f, raw, span.clauseStart) ?? '') + nameBefore, list: null };
  // 开展幼儿园保教质量评估，覆盖率100%: a bare rate is the rate of the work the clause before names
  if (BARE_RATE.test(nameBefore)) {
    const work = workBefore(f, raw, span.clauseStart);
    if (work) return { text: work + nameBefore, list: null };
  }
  if (nameBefore.length >= 2 && !ONLY_LEADING.test(nameBefore) && !TRAILING_ONLY.test(nameBefore)) return { text: nameBefore, list: null };
  // 1 | 学前三年毛入园率 | 92.1% | 93% |: a figure alone in a table cell is named by its row's label cell
  const label = rowLabel(f, raw, span.clauseStart);
  if (label) return { text: label, list: null };
  // 确保每月至少1次与孩子班主任进行沟通交流: nothing named before, the activity follows
  const activity = /^(?:与|和|同|向|将)[\u4e00-\u9fff]{2,18}/.exec(f.slice(span.end, span.end + 19));
  return { text: activity ? raw.slice(span.end, span.end + activity[0].length) : null, list: null };
}

// 按照…1000元/年/生的标准给予寄宿制生活补助: a rate is the standard of what is granted after it.
const STANDARD_BY = /(?:按|依|参)照?[^，,；;。：:]*$/;
const STANDARD_AFTER = /^[^，,；;。：:]{0,40}?的(?:补助|资助|补贴|奖励|收费|拨付)?标准/;
const GRANT_VERB = /^(?:足额|全额|按时|及时|统一)*(?:给予|发放|保障|补助|补贴|拨付|核拨|安排|落实|核定|执行|提供|资助|奖励|下达|计算|兑现)/;
const STANDARD_REACH = 40;

/** The thing a rate is the standard of: 按照760元/年/生的标准足额保障…营养改善资金 → 营养改善资金标准. */
function standardOf(f: string, raw: string, span: TargetSpan): string | null {
  if (span.unit !== '元') return null;
  if (!STANDARD_BY.test(f.slice(Math.max(0, span.numberStart - STANDARD_REACH), span.numberStart))) return null;
  const m = STANDARD_AFTER.exec(f.slice(span.end, span.end + STANDARD_REACH + 8));
  if (!m) return null;
  const from = span.end + m[0].length;
  const verb = GRANT_VERB.exec(f.slice(from, from + 8));
  if (!verb) return null;
  let end = from + verb[0].length;
  while (end < f.length && end - from < NAME_MAX && isHan(f[end])) end++;
  const thing = raw.slice(from + verb[0].length, end).replace(/等$/, '');
  return thing.length >= 2 ? thing + '标准' : null;
}

// A clause that only says a body has parts: 下设4个分院区, 设有3个校区.
const STRUCTURE_ONLY = /^(?:下设|设有|下辖|包括|包含|含有)$/;
// A measure that needs an owner to mean anything: 年度投资, 年度计划投资, 计划总投资.
const OWNERLESS_MEASURE = /^(?:年度)?(?:计划)?(?:年度)?总?投资(?:额)?$/;
// What can own parts or an investment: a project, a works, a park, an institution.
const OWNER_NOUN = /(?:项目|工程|产业园|园区|基地|中心|医院|学校|学院|大学|集团|平台)$/;
// Verbs that open the clause naming the owner, and words that close it: 实施…项目, …医院建设.
const OWNER_VERB = /^(?:实施|启动|开工建设|建设|新建|推进|推动|加快|打造|组建|成立|创建|筹建)/;
const OWNER_TAIL = /(?:建设|工作|项目建设)$/;
const OWNER_REACH = 80;

/**
 * The owner named by the clause before (same sentence): 实施台湾特色农业产业园项目，… →
 * 台湾特色农业产业园项目; 推动苏平片区中心医院建设，… → 苏平片区中心医院. Null when that
 * clause holds a figure of its own or names no project or institution.
 */
function ownerBefore(f: string, raw: string, clauseStart: number): string | null {
  const mark = f[clauseStart - 1];
  if (mark !== '，' && mark !== ',') return null;
  let s = clauseStart - 1;
  while (s > 0 && clauseStart - s < OWNER_REACH && !CLAUSE_MARK.test(f[s - 1]!)) s--;
  const clause = f.slice(s, clauseStart - 1);
  if (/\d/.test(clause)) return null;
  const [a, b] = trimName(clause);
  let name = raw.slice(s + a, s + b).replace(OWNER_VERB, '');
  // …于一体的生态观光产业园项目: the owner is named after its last 的
  const of = name.lastIndexOf('的');
  if (of >= 0 && name.length - of - 1 >= 2) name = name.slice(of + 1);
  if (!OWNER_NOUN.test(name)) name = name.replace(OWNER_TAIL, '');
  return name.length >= 2 && OWNER_NOUN.test(name) ? name : null;
}

// The verb of an action done to whom was counted: 对3家单位开展检查, 对50所学校进行督导.
const ACTION_VERB = /开展|进行|实施|组织|完成/;
const ACTION_REACH = 16;

/** The action after a counted object (…单位开展行政事业单位内部控制检查 → 开展…检查), up to its clause end; or null. */
function actionAfter(f: string, raw: string, at: number): string | null {
  const verb = ACTION_VERB.exec(f.slice(at, at + ACTION_REACH));
  if (!verb || verb.index < 2 || /[，,；;。：:、\d]/.test(f.slice(at, at + verb.index))) return null;
  const from = at + verb.index;
  let end = from;
  while (end < f.length && end - from < NAME_MAX && !CLAUSE_MARK.test(f[end]!) && f[end] !== '（' && f[end] !== '(') end++;
  const action = raw.slice(from, end).trim();
  return action.length > verb[0].length + 1 ? action : null;
}

const LABEL_REACH = 120;

/**
 * The label of a table row whose cell at `clauseStart` holds only a figure: the
 * last cell before it that names something in words and holds no figure of its
 * own (序号 and value cells are skipped). Null outside a table cell.
 */
function rowLabel(f: string, raw: string, clauseStart: number): string | null {
  let k = clauseStart - 1;
  while (k >= 0 && f[k] === ' ') k--;
  if (f[k] !== '|' && f[k] !== '｜') return null;
  const lineStart = Math.max(f.lastIndexOf('\n', k) + 1, k - LABEL_REACH);
  let end = k;
  for (let i = k - 1; i >= lineStart - 1; i--) {
    if (i >= lineStart && f[i] !== '|' && f[i] !== '｜') continue;
    const cell = raw.slice(i + 1, end).trim();
    if (/[\u4e00-\u9fff]/.test(cell) && !/[\d０-９]/.test(cell) && cell.length <= NAME_MAX) return cell.replace(/[（(][^)）]{1,4}[)）]$/, '');
    end = i;
  }
  return null;
}

// A rate that names no population or work: 覆盖率, 完成率, 达标率, 参与率.
const BARE_RATE = /^(?:覆盖|完成|达标|参与|参加|合格|普及|知晓|使用|验收|通过|执行|落实|开课|开出|建档|录入|上线)率$/;
// Verbs that open a clause naming a work to be done: 开展…评估, 实施…工程, 组织…培训.
const WORK_VERB = /^(?:全面|深入|扎实|持续|积极|认真)?(?:开展|实施|推进|推行|组织|落实|推动|完成|举办|建立|健全|启动)/;
const WORK_REACH = 40;

/**
 * The work named by the clause before in the same sentence (开展幼儿园保教质量评估，… →
 * 幼儿园保教质量评估), when it opens with a verb of doing and holds no figure; else null.
 */
function workBefore(f: string, raw: string, clauseStart: number): string | null {
  const mark = f[clauseStart - 1];
  if (mark !== '，' && mark !== ',') return null;
  let s = clauseStart - 1;
  while (s > 0 && clauseStart - s < WORK_REACH && !CLAUSE_MARK.test(f[s - 1]!)) s--;
  const clause = f.slice(s, clauseStart - 1);
  if (/\d/.test(clause)) return null;
  const verb = WORK_VERB.exec(clause);
  if (!verb) return null;
  const work = raw.slice(s + verb[0].length, clauseStart - 1).trim();
  return work.length >= 2 && work.length <= NAME_MAX && isHan(work[work.length - 1]) ? work : null;
}

/** Where the clause holding a figure at `at` starts: the last clause mark, or `floor` (the previous target's end). */
const COMPARATOR_CELL = /^(?:达到|达|不低于|不少于|不超过|不高于|超过|高于|低于|提高到|提高至|提升到|提升至|增加到|增至|降至|保持在|控制在|力争达到|力争|确保|至少|约)$/;

export function clauseStartOf(f: string, at: number, floor: number): number {
  let s = at;
  // A space before a Chinese word, after a word or a number, parts two table
  // cells (项目名称 目标任务 1 新建公办幼儿园 6所): prose has none. The space
  // right before the figure (新增学位 2000个) parts nothing.
  const cellStart = (k: number) => f[k - 1] === ' ' && isHan(f[k]) && (isHan(f[k - 2]) || /\d/.test(f[k - 2] ?? ''));
  while (s > floor && !CLAUSE_MARK.test(f[s - 1]!) && !cellStart(s)) s--;
  // A cell that holds only the comparator (学前教育毛入园率 达到95%): the name is the cell before it.
  if (s > floor && cellStart(s) && COMPARATOR_CELL.test(f.slice(s, at))) {
    s--;
    while (s > floor && !CLAUSE_MARK.test(f[s - 1]!) && !cellStart(s)) s--;
  }
  // right after a previous target: skip the link to this one (、 和 及)
  if (s === floor) while (s < at && /[、和及与）)\s]/.test(f[s]!)) s++;
  return s;
}

// A change verb that ends a name (普通高中一本上线率提高): the name of the level is what stands before it.
const CHANGE_TAIL = /(?:同比)?(?:提高|提升|增长|增加|上升|扩大|下降|降低|减少)$/;

/**
 * The indicator of a level that names nothing, right after a change of the same
 * figure in its sentence: 一本上线率提高2个百分点，力争达到35% → 一本上线率.
 */
export function levelAfterChange(previous: string): string | null {
  const name = previous.replace(CHANGE_TAIL, '');
  return name.length >= 2 ? name : null;
}

// ---------------------------------------------------------------- direction, deadline, baseline

const UP = /(?:提高|提升|增长|增加|上升|扩大|增至|增幅)(?:了|到|至)?$/;
const DOWN = /(?:下降|降低|减少|压减|压缩|降至|降到|降幅)(?:了|到|至)?$/;

/** up or down, when a verb before the figure moves it: 提高5个百分点, 下降0.5个百分点, 降至9.3%. */
export function directionOf(f: string, span: TargetSpan): 'up' | 'down' | null {
  const before = f.slice(Math.max(span.clauseStart, span.numberStart - 8), span.numberStart).replace(/(?:约|近|了)$/, '');
  if (UP.test(before)) return 'up';
  if (DOWN.test(before)) return 'down';
  return null;
}

const DEADLINE = /(?:到|至|力争到|力争在|在)?20\d\d年(?:底|末|年底)?(?:前|以前)?|(?:今|本|明)?年(?:底|末)前?|年内|学期末|学年末/g;

/** The deadline written before the figure in its sentence, as written: 年底前, 到2025年, 2024年底. */
export function deadlineOf(f: string, raw: string, sentenceStart: number, span: TargetSpan): string | null {
  const s = f.slice(sentenceStart, span.numberStart);
  if (!s.includes('年') && !s.includes('期末')) return null;
  let found: { index: number; text: string } | null = null;
  for (const m of s.matchAll(DEADLINE)) {
    const prev = s[m.index - 1];
    // 比2020年, 较上年, 从2019年: a year compared with, not a deadline
    if (prev === '比' || prev === '较' || prev === '从' || prev === '与' || prev === '由') continue;
    found = { index: m.index, text: m[0] };
  }
  if (!found) return null;
  return raw.slice(sentenceStart + found.index, sentenceStart + found.index + found.text.length);
}

const BASELINE = /[从由]\s*(\d+(?:\.\d+)?)\s*(万|亿)?\s*(?:%|％|[\u4e00-\u9fff]{0,3}?)(?:[/／][\u4e00-\u9fff]{1,2}){0,3}\s*(?:提高|提升|增加|增长|上升|扩大|降低|下降|减少|降|压减|压缩)/;

// The baseline left at the end of a name once the verb is trimmed: 从60%, 由90.5%, 从8700元/年.
const BASELINE_TAIL = /\s*[从由]\s*[\d０-９.．,，]+\s*(?:万|亿)?\s*(?:%|％|[\u4e00-\u9fff]{0,3}?)(?:[/／][\u4e00-\u9fff]{1,2}){0,3}$/;

/** The baseline of a change written in the clause: 从60%提高到66% → 60. */
export function baselineOf(f: string, span: TargetSpan): number | null {
  const m = BASELINE.exec(f.slice(span.clauseStart, span.numberStart));
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === '万' ? n * 1e4 : m[2] === '亿' ? n * 1e8 : n;
}
