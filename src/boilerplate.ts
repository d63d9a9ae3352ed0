// Stage 3: portal chrome out. Lines are judged by their shape — separators,
// share of widget words, length, position on the page — never by whole lines
// of known pages. Three passes:
//   1. shape rules that are safe anywhere (a breadcrumb, a counter, a copyright line);
//   2. page furniture of PDF/Word exports (page numbers, running headers);
//   3. looser rules for the head and tail of the page, where chrome clusters
//      (before the first and after the last line that is clearly plan text).
// A line that opens an outline entry and reads as a sentence is never chrome.
import type { Line } from './lines.js';
import type { BoilerplateReason, RemovedLine } from './schema.js';
import { isMarkerLine, listEntryNumber, markerOf } from './markers.js';
import { toSimplified } from './hant.js';
import { splitLine } from './spans.js';
import { cellsOf } from './labels.js';
import { columnBeforeDebris } from './debris.js';

export interface Stripped {
  /** Lines that may be content, metadata or notice (empty lines dropped). `fold` is also folded to Simplified. */
  kept: Line[];
  /** Lines removed as portal chrome, in source order. */
  removed: RemovedLine[];
}

// Words that only ever appear in page chrome. Each is matched as a whole token
// (a run between separators), so 打印 in 打印机 never counts.
const WIDGET_WORDS = new Set(
  [
    '我要纠错', '纠错', '打印', '列印', '打印本页', '打印此页', '打印本文', '打印此文', '打印该页', '打印文档', '打印文章', '关闭', '关闭窗口', '关闭本页', '收藏', '加入收藏', '分享', '分享到',
    '字体', '字号', '大', '中', '小', '默认', '放大', '缩小', '复制链接', '返回', '返回顶部', '返回首页', '顶部',
    '登录', '注册', '退出', '个人中心', '无障碍', '无障碍浏览', '长者模式', '关怀版', '适老化', '繁体', '简体', '繁體', '简体版', '繁体版', '繁體版', '简', '繁', 'English',
    '首页', '网站首页', '当前位置', '您的位置', '您当前的位置', '位置', '搜索', '检索', '高级搜索', '站内搜索',
    '文件下载', '下载', '附件下载', '下载文档', '下载本文', '相关附件', '政策咨询', '咨询', '在线咨询', '政策解读', '图解', '解读', '相关链接', '相关文章',
    '相关阅读', '相关文件', '相关新闻', '上一篇', '下一篇', '上一条', '下一条', '标签', '保存', '保存本页', '举报', '评分',
    '微信', '微博', 'QQ', 'QQ空间', '朋友圈', '手机版', '移动版', '在看', '点赞', '赞', '阅读原文', '留言', '写留言',
    '分享给朋友', '扫一扫', '扫码', '二维码', '视力保护色', '背景色', '信息公开', '政务公开', '网站地图', '联系我们',
    '阅读', '评论', '查看', '更多', '导航', '主页', '菜单', '隐私声明', '关于我们', '使用帮助', '网站声明',
    // captions of the QR codes and badges in a portal's footer
    '微信公众号', '公众号', '政务微博', '官方微博', '官方微信', '移动客户端', '手机客户端', '客户端', '政务新媒体', '新媒体矩阵', '党政机关',
    '适老化服务', '无障碍阅读', '读屏',
  ].map((w) => w.toLowerCase()),
);

// Label words whose value is chrome: a counter.
const COUNTER = /^(阅读次数|阅读量|浏览次数|浏览量|点击数|点击量|点击率|访问量|访问次数|阅读|浏览|人气|访问人次)\s*(?:[:：]?\s*[\d,]*|[(（]\s*[\d,]+\s*[)）])\s*(次)?$/i;

// Headings of link lists (related articles, recommendations); the lines after
// one at the end of the page are links.
// A mirror site may put the page's title in brackets before it: 【2024年工作要点（精选）】相关文章：
const RELATED_HEADING = /^(?:[【\[][^】\]]{1,40}[】\]])?[【\[]?(友情链接|相关链接|相关文章|相关阅读|相关解读|相关政策|政策解读|相关新闻|相关文件|相关稿件|相关文档|相关文档推荐|相关推荐|关联文件|关联信息|相关信息|推荐阅读|热点推荐|热门推荐|热门文章|精彩推荐|往期推荐|往期回顾|猜你喜欢|延伸阅读|更多阅读|为您推荐)[】\]]?\s*[:：]?/;

/** The heading of a link list or a box of related items (相关阅读, 相关解读：, 【推荐阅读】). */
export function isRelatedHeading(t: string): boolean {
  return RELATED_HEADING.test(t) && t.length <= 16;
}

interface Rule {
  reason: BoilerplateReason;
  test: (t: string) => boolean;
}

// Shapes that are chrome wherever they stand. Each is anchored on a structural
// cue (a label at the start, a separator pattern, a site-notice phrase).
const RULES: Rule[] = [
  // 首页 > 栏目 > 正文, 当前位置：…, A >> B >> C
  { reason: 'breadcrumb', test: (t) => /^(当前位置|您的位置|您当前的位置|您现在的位置|位置)\s*[:：]/.test(t) && !runsOnAfterCrumbs(t) },
  { reason: 'breadcrumb', test: (t) => /(>|»|›|→|＞)/.test(t) && /^(首页|网站首页|主页)/.test(t) && !runsOnAfterCrumbs(t) },
  { reason: 'breadcrumb', test: (t) => (t.match(/\s*(>>|>|»|›|＞)\s*/g) ?? []).length >= 2 && t.length <= 90 && !/[。；;]/.test(t) && !runsOnAfterCrumbs(t) },
  { reason: 'pager', test: (t) => /^(上一篇|下一篇|上一条|下一条|上篇|下篇|上一页|下一页)\s*[:：]?/.test(t) },
  { reason: 'related', test: (t) => RELATED_HEADING.test(t) && t.length <= 60 },
  { reason: 'editor', test: (t) => /^[【\[(（]?\s*(责任编辑|责编|编辑|校对|审核|审校|初审|终审|复审|撰稿|供稿|文字|图片|图片来源|摄影|排版|美编|监制|统筹|策划|出品|投稿邮箱|投稿|通讯员)\s*[:：|｜丨]/.test(t) && t.length <= 60 && !/[。]/.test(t) && !/(发布|成文|发文)/.test(t) },
  // A social post's credits set with a bar (来源｜丰城教育, 转自丨…): 来源： with a colon is the page's metadata.
  { reason: 'editor', test: (t) => /^(来源|转自|转载自|本文转自)\s*[|｜丨]|^(转自|转载自|本文转自)\s*[:：]/.test(t) && t.length <= 60 && !/[。]/.test(t) },
  // The repost note of a social post: 声明：本文部分内容转载自…，版权归原作者所有。
  { reason: 'share-site', test: (t) => t.length <= 200 && /(版权归原作者|版权归作者|转载请注明|转载须注明|如涉及版权|如有侵权)/.test(t) },
  // An ask to like or share (觉得不错，请点赞↓, 喜欢就点个在看吧)
  { reason: 'social', test: (t) => t.length <= 24 && /(点赞|点个赞|在看|转发|分享)/.test(t) && /(觉得|喜欢|不错|支持|请|记得|欢迎|一下|吧)/.test(t) && !/[。；]/.test(t) },
  { reason: 'counter', test: (t) => COUNTER.test(t) },
  // A QR prompt opens with the scan cue, or is a short line about scanning to read/open/share
  // (a wrapped plan line such as 推广使用校园二维码门禁系统 is neither).
  { reason: 'qr-prompt', test: (t) => /(扫一扫|扫码|二维码|扫描)/.test(t) && t.length <= 60 && (/^(扫|微信扫|用手机|手机扫|请使用|长按)/.test(t) || (t.length <= 20 && /(手机|阅读|打开|查看|关注|分享|浏览|访问)/.test(t))) },
  // A template site's blurb around its sample (下面是小编为大家带来的…，希望大家可以喜欢), and document-site upload blurbs.
  { reason: 'share-site', test: (t) => t.length <= 300 && /(小编|希望(大家|对你|对您)(可以|能够)?喜欢|希望对(你|您|大家)有所?帮助|由会员分享|可在线阅读|更多相关《|分享文档赚钱|\d+页珍藏版|此处隐藏\d*字|下载后查看|(下载|购买)(后|才能)(可)?(查看|阅读)(全文|完整)?)/.test(t) },
  { reason: 'share-site', test: (t) => /^(本文|文章|原文)?来源\s*[:：]\s*(https?:\/\/|www\.)\S+$/i.test(t) || /^(https?:\/\/|www\.)\S+$/i.test(t) },
  // Reading-time and word-count lines of blogs: 共计227683个字，预计阅读时长759分钟
  { reason: 'counter', test: (t) => t.length <= 60 && /(共计?|全文)\s*\d+\s*个?字.{0,3}(预计)?阅读(时长|时间|需要)?/.test(t) },
  { reason: 'navigation', test: (t) => t.length <= 60 && (/^(>>|»|›)?\s*(查看更多|更多>>|更多»)/.test(t) || /[【\[]\s*返回[^】\]]{0,24}[】\]]/.test(t)) },
  { reason: 'social', test: (t) => t.length <= 60 && /^(网友评论|发表评论|我要评论|评论功能已关闭|评论已关闭|已有\d+条评论|共\d+条评论)/.test(t) },
  { reason: 'share-site', test: (t) => /((预览|试读)[^，。,]{0,4}已?结束|本文档由.{0,12}上传|下载券|VIP|付费(阅读|下载)|剩余.{0,8}未读|点击.{0,6}(下载|阅读全文|继续阅读)|(全文|文档)(共|含).{0,8}页|原创力文档|(百度|道客|豆丁|人人|免费)文库|文库(会员|VIP)|如有侵权.{0,6}(联系|删除)|侵权(投诉|举报)|仅供(学习|参考|交流))/i.test(t) },
  // Upload notices of document-sharing sites: 上传人：… 上传时间：… 下载：12次; 文档格式：docx 页数：4页
  { reason: 'share-site', test: (t) => /(上传人|上传者|上传用户|贡献者|文档格式|文件格式|文档大小|页数)\s*[:：]/.test(t) && t.length <= 100 && !/[。]/.test(t) },
  { reason: 'share-site', test: (t) => /(原价|售价|价格)\s*[:：]?\s*[¥￥]/.test(t) },
  { reason: 'footer', test: (t) => /(版权所有|Copyright|©|ICP备|ICP证|网站标识码|公网安备|政府网站找错|建议使用.{0,16}(浏览器|分辨率)|分辨率.{0,12}浏览)/i.test(t) && !/[。]$/.test(t) },
  { reason: 'footer', test: (t) => /(主办单位|承办单位|主办|承办|协办|技术支持|维护单位|运维单位|网站维护)\s*[:：]/.test(t) && t.length <= 100 && !/[。]$/.test(t) },
  { reason: 'social', test: (t) => /^(阅读原文|点赞|在看|分享|收藏|写留言|留言|赞赏|喜欢此内容的人还喜欢|喜欢作者|继续滑动看下一个|轻触阅读原文|向上滑动看下一个|知道了|取消|允许|预览时标签不可点|微信扫一扫.*)\s*[\d,]*$/.test(t) },
  { reason: 'social', test: (t) => /(关注(我们|该公众号|本公众号|(微信)?公众号)|点击上方.{0,8}(关注|蓝字)|长按(识别|扫描)?(二维码|关注)|轻点两下取消|微信扫一扫可打开|点击.{0,4}[“"「]?阅读原文)/.test(t) && t.length <= 80 },
  // The sign-off of a social post: 点个在看你最好看, 点赞在看, 返回搜狐，查看更多
  { reason: 'social', test: (t) => t.length <= 20 && (/^点个?(在看|赞)/.test(t) || /^返回.{1,6}[，,]?\s*(查看|阅读)更多$/.test(t)) },
  // A self-media platform's disclaimer: 该文观点仅代表作者本人，…仅提供信息存储空间服务。
  { reason: 'share-site', test: (t) => t.length <= 200 && /(观点仅代表作者|仅代表作者(本人)?(的)?观点|仅提供信息存储空间服务|不代表本(站|网|平台)(的)?(立场|观点))/.test(t) },
  // A repost note naming a site by its address: （本文来源：某某网 www.example.com 转载请保留）
  { reason: 'share-site', test: (t) => t.length <= 120 && /(转载|来源|出处|原文)/.test(t) && /(https?:\/\/|www\.)[\w.-]+|\b[\w-]+\.(com|cn|net|org)\b/i.test(t) && !/[。]$/.test(t) },
  // Greetings and the date ticker of a portal banner.
  { reason: 'widget', test: (t) => /^欢迎(访问|光临|来到|进入|您)/.test(t) && t.length <= 80 },
  { reason: 'widget', test: (t) => (/(今天是|今日是)/.test(t) || /星期[一二三四五六日天]/.test(t)) && /\d{4}\s*[年\-/.]\s*\d{1,2}/.test(t) && t.length <= 60 && !/[。，,]/.test(t) },
  { reason: 'widget', test: (t) => /请输入(关键字|关键词|搜索|检索)/.test(t) },
  // Site-visitor address: plans never speak to "您"; portals do (如果您对…有疑问, 若您需要…).
  // (Not a line of label: value cells: 来源：本站原创 点击数：2047 更新时间：2023-2-15 is the page's metadata.)
  { reason: 'widget', test: (t) => /(您|本站|本网站|本网页|本页面)/.test(t) && t.length <= 120 && cellsOf(t).length < 2 },
  { reason: 'download', test: (t) => /^(文件下载|附件下载|相关附件|附件列表|附件清单|政策咨询|政策解读|图文解读|解读文件|图解)\s*[:：]?$/.test(t) },
  // A link to a file: 相关附件：计划.docx, 下载：要点.pdf
  { reason: 'download', test: (t) => /\.(docx?|pdf|xlsx?|wps|ofd|zip|rar|et)\s*$/i.test(t) && t.length <= 100 && !/[。，,]/.test(t) },
  // A crawler's own furniture: ==== 正文 ====, a note pointing at its local files (详见 links.tsv).
  { reason: 'crawler', test: (t) => /^[=\-—*#~_]{3,}\s*[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ]{0,7}\s*[=\-—*#~_]{3,}$/.test(t) },
  { reason: 'crawler', test: (t) => t.length <= 80 && /[\w\u4e00-\u9fff]\.(tsv|csv|jsonl?|xml|sqlite|db)\b/i.test(t) && !/[。，；,;]/.test(t) },
  // Lines of separator symbols only: ----, ———, ***, ▼, END
  { reason: 'blank-filler', test: (t) => /^[-—–_=*~·•.。…▼▲►▶◆◇■□★☆\s]+$/.test(t) || /^[-—–=\s]*(END|End|end)[-—–=\s]*$/.test(t) },
  // Emoji and symbols with no word or number among them: 🌟, 👆👆👆, ✨✨
  { reason: 'blank-filler', test: (t) => t.length <= 20 && /\p{Extended_Pictographic}/u.test(t) && !/[\p{L}\p{N}]/u.test(t) },
];

/**
 * Whether a line goes on after its breadcrumb (首页 > 部门文件 > 区教育局 某区教育局2024年工作要点):
 * past the last separator, a space and then a long run. Such a line is cut into spans, not dropped.
 */
function runsOnAfterCrumbs(t: string): boolean {
  const last = t.split(/>>|>|»|›|＞|→/).pop()!.trim();
  const space = last.search(/\s/);
  return space > 0 && last.slice(space).trim().length >= 8;
}

/** Tokens of a line, split on spaces, bars, slashes, brackets and colons. */
function tokens(t: string): string[] {
  return t
    .split(/[\s|｜/\\【】[\]()（）:：,，、·•>»›<«‹]+/)
    .filter((s) => s.length > 0);
}

// A page action and what it acts on (返回列表, 打印本页, 我要打印, 回到顶部, 关闭此页):
// portals name their buttons by this pattern more than by any fixed list.
const ACTION_BUTTON = /^(?:我要|点击)?(?:返回|回到|打印|关闭|收藏|分享|保存|下载|纠错|加入收藏)(?:本页|此页|该页|页面|列表|上页|上一页|前页|顶部|首页|窗口|全文|本文|此文|文章|栏目|本站)?$|^(?:top|↑|▲)$/;

/** A line (or a table cell) made entirely of widget words (打印 | 关闭 | 【字体：大 中 小】), or of brackets and bars alone. */
export function isWidgetLine(t: string): boolean {
  if (t.length > 80) return false;
  const ts = tokens(t);
  if (ts.length === 0) return /^[\s|｜/\\【】[\]()（）:：,，、·•>»›<«‹-]+$/.test(t);
  return ts.every((w) => WIDGET_WORDS.has(w.toLowerCase()) || ACTION_BUTTON.test(w.toLowerCase()) || gluedWidgets(w.toLowerCase()));
}

// Widget words of two characters or more: glued together they are still a
// toolbar (微信微博QQ空间, 打印关闭); a lone 大 or 中 glued to a word is not.
const GLUED_MIN = 2;
const GLUED_MAX = Math.max(...[...WIDGET_WORDS].map((w) => w.length));

/**
 * Whether a token is widget words written with nothing between them (links
 * side by side in the page: <a>微信</a><a>微博</a><a>QQ空间</a>).
 */
function gluedWidgets(t: string): boolean {
  if (t.length < 2 * GLUED_MIN || t.length > 40) return false;
  // reach[i]: t.slice(0, i) is a run of widget words
  const reach = new Array<boolean>(t.length + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i < t.length; i++) {
    if (!reach[i]) continue;
    for (let n = GLUED_MIN; n <= GLUED_MAX && i + n <= t.length; n++) if (WIDGET_WORDS.has(t.slice(i, i + n))) reach[i + n] = true;
  }
  return reach[t.length]!;
}

/**
 * Where a run of widget words glued to the end of a value starts
 * (某县教育局打印关闭 → 5), or the value's length when it ends in none.
 */
export function widgetTail(t: string): number {
  const lower = t.toLowerCase();
  for (let at = Math.max(1, t.length - 40); at < t.length - 1; at++) {
    const tail = lower.slice(at);
    if (WIDGET_WORDS.has(tail) ? tail.length >= GLUED_MIN : gluedWidgets(tail)) return at;
  }
  return t.length;
}

/** Share of tokens that are widget words, for the looser head/tail rule. */
function widgetShare(t: string): number {
  const ts = tokens(t);
  if (ts.length < 2) return 0;
  return ts.filter((w) => WIDGET_WORDS.has(w.toLowerCase())).length / ts.length;
}

/** Navigation bars: many short tokens, no sentence punctuation (首页 机构 公开 服务 互动). */
function isNavigation(t: string): boolean {
  // Menus hold neither sentence punctuation nor numbers; table rows (序号 任务 时限) hold both or name their columns.
  if (/[。；;，,\d]/.test(t) || t.length > 120 || /(序号|任务|责任|牵头|时限|完成时间|配合)/.test(t)) return false;
  const ts = t.split(/\s*[|｜]\s*|\s{1,}/).filter(Boolean);
  if (ts.length < 4) return false;
  const short = ts.filter((w) => w.length <= 6).length;
  return short / ts.length >= 0.9 && !/\d{4}[-年.]/.test(t);
}

/** Page numbers of PDF/Word exports: - 3 -, — 3 —, 第 3 页 共 9 页, 第3页，共9页, 3/9, Page 3 of 9. */
export function isPageNumber(t: string): boolean {
  return (
    /^[-—–－~]+\s*\d{1,3}\s*[-—–－~]+$/.test(t) ||
    /^第\s*\d{1,3}\s*页\s*[，,、/]?\s*(共\s*\d{1,3}\s*页)?$/.test(t) ||
    /^共\s*\d{1,3}\s*页\s*[，,、/]?\s*第\s*\d{1,3}\s*页$/.test(t) ||
    /^\d{1,3}\s*\/\s*\d{1,3}$/.test(t) ||
    /^page\s*\d{1,3}(\s*(of|\/)\s*\d{1,3})?$/i.test(t)
  );
}

/** An outline entry that reads as a sentence: plan text, whatever words it holds. */
function isContentEntry(t: string): boolean {
  return isMarkerLine(t) && /[，。；,;]/.test(t);
}

/** Clearly plan text: an outline entry, or prose (long and punctuated like a sentence). */
function isAnchor(t: string): boolean {
  return isMarkerLine(t) || (t.length >= 30 && /[，。；,;]/.test(t));
}

/** Classify one line by the rules that hold anywhere on the page; null when it is not chrome. */
export function boilerplateReason(text: string): BoilerplateReason | null {
  const t = toSimplified(text.trim());
  if (t === '') return 'blank-filler';
  if (isPageNumber(t)) return 'page-furniture';
  // A table-of-contents entry: a title, leader dots, a page number (一、指导思想……3).
  if (t.length <= 120 && /(\.{3,}|…{2,}|·{3,}|-{4,}|_{4,}|\s{0}[.。]{4,})\s*\d{1,4}$/.test(t)) return 'toc';
  // A numbered upload notice of a document site (1、本文档由用户上传…, 2.…归上传者、原创力文档所有) is chrome though it is numbered.
  if (/本文档由.{0,12}上传|此处隐藏\d*字|归上传者|原创力文档|(百度|道客|豆丁|人人)文库/.test(t) && t.length <= 200) return 'share-site';
  if (isContentEntry(t)) return null;
  for (const rule of RULES) if (rule.test(t)) return rule.reason;
  if (isWidgetLine(t)) return 'widget';
  if (isNavigation(t)) return 'navigation';
  return null;
}

/** Looser rules for lines above the plan or below it. */
function edgeReason(t: string, zone: 'head' | 'tail'): BoilerplateReason | null {
  if (t.length <= 40 && !/[。，；,;]/.test(t) && widgetShare(t) >= 0.6) return 'widget';
  // Site banners: 青原区人民政府门户网站, XX教育信息网
  if (t.length <= 30 && /(门户网站|政府网站|网站|政务网|信息网|官网|官方网站)$/.test(t)) return 'navigation';
  if (zone === 'tail' && !/联系人/.test(t) && t.length <= 120) {
    const contact = t.match(/(地址|电话|联系电话|邮编|邮政编码|传真|邮箱|E-?mail)\s*[:：]/gi) ?? [];
    if (contact.length >= 2) return 'footer';
  }
  return null;
}

/**
 * Running headers and footers: short lines that repeat and sit next to a page
 * number. The first copy, away from any page number, is kept (it is often the
 * document's own header, e.g. XX教育局文件).
 */
function runningHeaders(folds: string[], reasons: Array<BoilerplateReason | null>): void {
  const pages = folds.map((_, i) => i).filter((i) => reasons[i] === 'page-furniture');
  if (pages.length === 0) return;
  const count = new Map<string, number>();
  for (const t of folds) if (t !== '') count.set(t, (count.get(t) ?? 0) + 1);
  // The nearest non-empty line on each side: a footer above the number, the next page's header below it.
  const near = (p: number, step: 1 | -1) => {
    const out: number[] = [];
    for (let i = p + step; i >= 0 && i < folds.length && out.length < 1; i += step) {
      if (folds[i] === '') continue;
      out.push(i);
    }
    return out;
  };
  for (const p of pages) {
    for (const i of [...near(p, -1), ...near(p, 1)]) {
      const t = folds[i]!;
      if (reasons[i] !== null || t.length > 40 || /[。，；,;]/.test(t) || isMarkerLine(t)) continue;
      if ((count.get(t) ?? 0) >= 2) reasons[i] = 'page-furniture';
    }
  }
}

/** Lines in a repeated run shorter than this are not an article printed twice. */
const REPEATED_RUN = 5;

/**
 * A page that prints its article twice (a mirror's or CMS's template): the
 * second copy of a run of at least REPEATED_RUN lines, one of them a sentence
 * and one a section heading,
 * that repeats the lines of an earlier run one for one. Lines (`text`) come
 * without spaces; empty lines are skipped on both sides. Only a second copy:
 * a text of many copies is left as it is (its opening line is there more than twice).
 */
function repeatedArticle(text: string[], reasons: Array<BoilerplateReason | null>): void {
  const firstAt = new Map<string, number>();
  // A line printed more than twice belongs to a file of many copies, not to a page printing its article twice.
  const count = new Map<string, number>();
  for (const t of text) if (t.length >= 8) count.set(t, (count.get(t) ?? 0) + 1);
  const next = (i: number) => {
    let k = i + 1;
    while (k < text.length && text[k] === '') k++;
    return k;
  };
  for (let j = 0; j < text.length; j++) {
    const t = text[j]!;
    if (t.length < 8 || reasons[j] !== null || count.get(t) !== 2) continue;
    const i = firstAt.get(t);
    if (i === undefined) {
      firstAt.set(t, j);
      continue;
    }
    // how far the lines from i and from j run alike (the second copy starts after the first begins)
    const run: number[] = [];
    let sentence = false;
    let heading = false;
    for (let a = i, b = j; b < text.length && a < j && text[a] === text[b] && reasons[b] === null; a = next(a), b = next(b)) {
      run.push(b);
      if (!sentence && /[。；;]/.test(text[b]!)) sentence = true;
      if (!heading && markerOf(text[b]!)?.level === 'section') heading = true;
    }
    // An article holds its headings: a run of items alone repeats in many plans (the same
    // routine tasks under 三月份 and 四月份) and is theirs to keep.
    if (run.length >= REPEATED_RUN && sentence && heading) for (const k of run) reasons[k] = 'repeated';
    // Any later start inside this run gives a part of it: it is read once (linear on pages of many twice-printed lines).
    if (run.length > 1) j = run[run.length - 1]!;
  }
}

/** Whether a span holds only widget words (微信, 打印, QQ空间): chrome only beside other chrome or at a line's edge. */
function isWidgetToken(t: string): boolean {
  return isWidgetLine(t) && tokens(t).length <= 2;
}

// A line shorter than this is cut into spans only when a piece of it is chrome;
// a longer one is cut anyway (a flattened page).
const LONG_LINE = 80;
// A line longer than this without any space is a page flattened by a crawler that dropped its spaces too.
const FLATTENED = 1000;
// A page flattened with its title run into section 一、 (…工作计划范文一、指导思想…).
const TITLE_THEN_SECTION = /^[^。，,；;：:！？!?\s]{4,60}一[、.]/;
const CJK_SPACE = /[\u3000-\u303f\u3400-\u9fff\uff01-\uff60“”] | [\u3000-\u303f\u3400-\u9fff\uff01-\uff60“”]/;

/**
 * A line that is not chrome as a whole, as spans with their reasons. The line
 * stays whole unless it is long (a flattened page) or a piece of it is chrome;
 * a lone widget word amid prose (加强 阅读 指导) is not chrome.
 */
function spansOf(line: Line): Array<{ span: Line; reason: BoilerplateReason | null }> {
  // A short line of label: value cells is the metadata stage's to read whole.
  if (line.fold.length <= LONG_LINE && cellsOf(line.fold).length > 0) return [{ span: line, reason: null }];
  // A paragraph of prose (no space beside a Chinese word, not a whole page's length) is one block as scraped:
  // cutting it would only cost time (sentences are joined back by reflow).
  if (line.fold.length <= FLATTENED && !CJK_SPACE.test(line.text) && !TITLE_THEN_SECTION.test(line.fold)) return [{ span: line, reason: null }];
  const spans = splitLine(line);
  if (spans.length === 1) return [{ span: line, reason: null }];
  const folds = spans.map((sp) => toSimplified(sp.fold));
  const reasons = folds.map((t) => boilerplateReason(t));
  const widget = folds.map((t, i) => reasons[i] === 'widget' && isWidgetToken(t));
  for (let i = 0; i < spans.length; i++) {
    if (!widget[i]) continue;
    const edge = i === 0 || i === spans.length - 1;
    const besideChrome = (reasons[i - 1] ?? null) !== null || (reasons[i + 1] ?? null) !== null;
    if (!edge && !besideChrome) reasons[i] = null;
  }
  // A widget cluster (admin 分享 加入收藏 共计…字): short leftovers amid chrome are chrome too.
  const chrome = reasons.filter((r) => r !== null).length;
  if (chrome >= 2 && chrome / spans.length >= 0.6) {
    folds.forEach((t, i) => {
      if (reasons[i] === null && t.length <= 10 && !/[。，；,;]/.test(t) && !isMarkerLine(t)) reasons[i] = 'widget';
    });
  }
  // A title printed twice on one line (学校德育工作展望 学校德育工作展望): the pieces are metadata's to read.
  const repeated = folds.some((t, i) => i > 0 && t === folds[i - 1] && t.length >= 4);
  // (unless the outline starts inside it: 某县2024年教育工作要点 一、加强基础建设 — the title and section 一 apart)
  const outlineInside = folds.some((t, i) => i > 0 && markerOf(t) !== null);
  if (line.fold.length <= LONG_LINE && !repeated && !outlineInside && reasons.every((r) => r === null)) return [{ span: line, reason: null }];
  return spans.map((span, i) => ({ span, reason: reasons[i]! }));
}

/**
 * Whether a long line judged chrome by its head (a breadcrumb opening a
 * flattened page) goes on with plan text: a span that is prose or an outline
 * entry and not chrome. Reasons that describe the whole line (a template
 * blurb, a page summary, a table of contents) stand.
 */
function holdsPlanText(line: Line, reason: BoilerplateReason): boolean {
  if (reason === 'blank-filler' || reason === 'related' || reason === 'toc' || line.fold.length <= LONG_LINE) return false;
  if (reason === 'share-site' && line.fold.length <= 300) return false;
  return splitLine(line).some((sp) => isAnchor(toSimplified(sp.fold)) && boilerplateReason(sp.fold) === null);
}

// A page-chunk number of a document-sharing site's preview: 1、 2、 3、 opening each
// page of the extracted text, wherever the page broke (…森林消防实现50公里3、飞行半径…).
const CHUNK_NUMBER = /(?<![\d.．、])(\d{1,3})、/g;
const STOP_BEFORE = /[。！？!?；;：:”」）)\s]$/;
const HAN = /[\u3400-\u9fff]/;

/**
 * Cut the page-chunk numbers of a document-sharing page out of the kept spans
 * (in place; each number becomes a span of page furniture). They are the run
 * 1、 2、 3、 … through the text, and the page shows them for what they are:
 * at least one breaks a sentence (glued between two words, or opening a line
 * after a long line cut mid-word). A plan's own items 1、 2、 stand after a
 * sentence end or a heading, so a plan without such a break keeps them.
 */
function cutPageChunks(units: Line[], folds: string[], reasons: Array<BoilerplateReason | null>): void {
  const found: Array<{ unit: number; at: number; length: number }> = [];
  let expected = 1;
  let breaks = 0;
  let previous = '';
  for (let i = 0; i < units.length; i++) {
    const t = folds[i]!;
    if (t === '' || reasons[i] !== null) continue;
    for (const m of t.matchAll(CHUNK_NUMBER)) {
      if (Number(m[1]) !== expected) continue;
      const at = m.index;
      const after = t[at + m[0].length] ?? '';
      const before = at > 0 ? t.slice(0, at) : units[i]!.col === 0 ? previous : '';
      if (at > 0 ? HAN.test(after) && /[\u3400-\u9fff\d%]$/.test(before) : before.length >= 40 && !STOP_BEFORE.test(before)) breaks++;
      found.push({ unit: i, at, length: m[0].length });
      expected++;
    }
    previous = t;
  }
  if (found.length < 2 || breaks === 0) return;
  // Cut from the last so earlier offsets stay valid; a unit may hold several numbers.
  for (let k = found.length - 1; k >= 0; k--) {
    const { unit: i, at, length } = found[k]!;
    const u = units[i]!;
    const t = folds[i]!;
    const piece = (from: number, to: number): Line => ({ ...u, col: u.col + from, text: u.text.slice(from, to), fold: u.fold.slice(from, to) });
    const parts: Array<[Line, string, BoilerplateReason | null]> = [];
    if (at > 0) parts.push([piece(0, at), t.slice(0, at), null]);
    parts.push([piece(at, at + length), t.slice(at, at + length), 'page-furniture']);
    if (at + length < u.text.length) parts.push([piece(at + length, u.text.length), t.slice(at + length), null]);
    units.splice(i, 1, ...parts.map((p) => p[0]));
    folds.splice(i, 1, ...parts.map((p) => p[1]));
    reasons.splice(i, 1, ...parts.map((p) => p[2]));
  }
}

/** The columns (1-based, inclusive, in the normalised line) a span covers. */
export function columnsOf(span: Line): { start: number; end: number } {
  return { start: columnBeforeDebris(span.debris, span.col) + 1, end: columnBeforeDebris(span.debris, span.col + span.text.length - 1) + 1 };
}

/**
 * Split lines into possible content and removed chrome. Lines are judged
 * whole first (a menu bar is chrome only as a whole); a line that is not
 * chrome as a whole is cut into spans (spans.ts), and the chrome spans go while
 * the rest stays. Empty lines are neither: they only separate paragraphs and
 * are not listed (NBSP/space-only filler lines are listed as blank-filler).
 * `split: false` keeps every line whole (Markdown: blocks, not flattened pages).
 */
export function stripBoilerplate(lines: Line[], options: { split?: boolean } = {}): Stripped {
  const lineFolds = lines.map((l) => toSimplified(l.fold));
  const lineReasons: Array<BoilerplateReason | null> = lineFolds.map((t) => (t === '' ? null : boilerplateReason(t)));
  runningHeaders(lineFolds, lineReasons);
  // Each line without its spaces, made once for the two checks that compare lines.
  const compact = lineFolds.map((t) => t.replace(/\s+/g, ''));
  repeatedArticle(compact, lineReasons);
  // A page's summary: the opening of the text cut short, printed just above the text itself.
  for (let i = 0; i < lineFolds.length; i++) {
    const t = compact[i]!;
    if (t.length < 40 || lineReasons[i] !== null) continue;
    for (let j = i + 1; j < Math.min(lineFolds.length, i + 4); j++) {
      const u = compact[j]!;
      if (u.length > t.length + 20 && u.startsWith(t)) {
        lineReasons[i] = 'related';
        break;
      }
    }
  }

  // Lines become spans.
  const units: Line[] = [];
  const folds: string[] = [];
  const reasons: Array<BoilerplateReason | null> = [];
  lines.forEach((line, i) => {
    // A long line is chrome as a whole only when none of its spans is plan text
    // (a flattened page opens with its breadcrumb and goes on with the plan).
    if (lineReasons[i] !== null && holdsPlanText(line, lineReasons[i]!)) lineReasons[i] = null;
    const whole = lineReasons[i] !== null || line.text === '' || options.split === false || line.heading !== undefined || line.list !== undefined || line.last !== undefined;
    if (whole) {
      units.push(line);
      folds.push(lineFolds[i]!);
      reasons.push(lineReasons[i]!);
      return;
    }
    for (const { span, reason } of spansOf(line)) {
      units.push(span);
      folds.push(span === line ? lineFolds[i]! : toSimplified(span.fold));
      reasons.push(reason);
    }
  });

  // Head and tail: before the first and after the last span that is clearly plan text.
  let first = -1;
  let last = -1;
  folds.forEach((t, i) => {
    if (t === '' || reasons[i] !== null || units[i]!.heading !== undefined || !isAnchor(t)) return;
    if (first < 0) first = i;
    last = i;
  });
  for (let i = 0; i < folds.length; i++) {
    const t = folds[i]!;
    if (t === '' || reasons[i] !== null || isContentEntry(t)) continue;
    if (first < 0 || i < first) reasons[i] = edgeReason(t, 'head');
    else if (i > last) reasons[i] = edgeReason(t, 'tail');
  }
  // A table of contents: 目录, then entries that end with a page number (1.高新区…工作计划 3).
  for (let i = 0; i < folds.length; i++) {
    if (!/^目\s*录$/.test(folds[i]!)) continue;
    reasons[i] = 'toc';
    for (let j = i + 1; j < folds.length; j++) {
      const t = folds[j]!;
      if (t === '') continue;
      if (t.length > 100 || /[。；;，,]/.test(t) || !/\D\s*\d{1,4}$/.test(t)) break;
      reasons[j] = 'toc';
    }
  }
  // Link lists under a related-articles heading at the end of the page.
  for (let i = Math.max(last + 1, 0); i < folds.length; i++) {
    if (reasons[i] !== 'related' || !RELATED_HEADING.test(folds[i]!)) continue;
    for (let j = i + 1; j < folds.length; j++) {
      const t = folds[j]!;
      if (t === '') break;
      // the next heading reads its own list (a page of headings stays linear)
      if (reasons[j] === 'related' && RELATED_HEADING.test(t)) break;
      if (reasons[j] !== null) continue;
      if (t.length > 60 || /[。；;]/.test(t) || isMarkerLine(t)) break;
      reasons[j] = 'related';
    }
  }
  // A numbered link list (相关文章：1.X 2.Y) reads as items, so it counts among the
  // plan's anchors: claimed when its heading ends with a colon, its entries are
  // titles numbered from 1, and no sentence follows it to the end of the page.
  // Whether an unclaimed sentence stands at or after each line, computed once (entries claimed below hold none).
  const sentenceFrom = new Array<boolean>(folds.length + 1).fill(false);
  for (let k = folds.length - 1; k >= 0; k--) sentenceFrom[k] = sentenceFrom[k + 1]! || (reasons[k] === null && /[。；;]/.test(folds[k]!));
  for (let i = 0; i <= last; i++) {
    if (reasons[i] !== 'related' || !RELATED_HEADING.test(folds[i]!) || !/[:：]$/.test(folds[i]!)) continue;
    const entries: number[] = [];
    for (let j = i + 1; j < folds.length; j++) {
      const t = folds[j]!;
      if (reasons[j] === 'related' && RELATED_HEADING.test(t)) break;
      if (t === '' || reasons[j] !== null) continue;
      if (listEntryNumber(t) !== entries.length + 1 || t.length > 60 || /[。；;，,]/.test(t)) break;
      entries.push(j);
    }
    const after = entries.length > 0 ? entries[entries.length - 1]! + 1 : folds.length;
    const sentenceAfter = sentenceFrom[after]!;
    if (entries.length >= 2 && !sentenceAfter) for (const j of entries) reasons[j] = 'related';
  }

  if (options.split !== false && reasons.includes('share-site')) cutPageChunks(units, folds, reasons);

  const kept: Line[] = [];
  const removed: RemovedLine[] = [];
  // A Markdown block spans source lines up to its `last`; the lines inside belong to it.
  let blockEnd = 0;
  units.forEach((unit, i) => {
    if (unit.text === '') {
      if (unit.filler && unit.no > blockEnd) removed.push({ line: unit.no, text: '', reason: 'blank-filler' });
      return;
    }
    blockEnd = Math.max(blockEnd, unit.last ?? unit.no);
    const reason = reasons[i];
    if (reason) {
      removed.push(options.split === false ? { line: unit.no, text: unit.text, reason } : { line: unit.no, columns: columnsOf(unit), text: unit.text, reason });
      // The other source lines of a removed block go with it (listed without text).
      for (let n = unit.no + 1; n <= (unit.last ?? unit.no); n++) removed.push({ line: n, text: '', reason });
    } else kept.push(folds[i] === unit.fold ? unit : { ...unit, fold: folds[i]! });
  });
  return { kept, removed };
}
