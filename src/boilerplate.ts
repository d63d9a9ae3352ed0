// Stage 3: portal chrome out. Lines are judged by their shape — separators,
// share of widget words, length, position — never by whole lines of known pages.
import type { Line } from './lines.js';
import type { BoilerplateReason, RemovedLine } from './schema.js';

export interface Stripped {
  /** Lines that may be content, metadata or notice (empty lines dropped). */
  kept: Line[];
  /** Lines removed as portal chrome, in source order. */
  removed: RemovedLine[];
}

// Words that only ever appear in page chrome. Each is matched as a whole token
// (a run between separators), so 打印 in 打印机 never counts.
const WIDGET_WORDS = new Set(
  [
    '我要纠错', '纠错', '打印', '打印本页', '打印此页', '关闭', '关闭窗口', '关闭本页', '收藏', '加入收藏', '分享', '分享到',
    '字体', '字号', '大', '中', '小', '默认', '放大', '缩小', '复制链接', '返回', '返回顶部', '返回首页', '顶部',
    '登录', '注册', '退出', '无障碍', '无障碍浏览', '长者模式', '关怀版', '繁体', '简体', '繁體', '简', '繁', 'English',
    '首页', '网站首页', '当前位置', '您的位置', '您当前的位置', '位置', '搜索', '检索', '高级搜索', '站内搜索',
    '文件下载', '下载', '附件下载', '相关附件', '政策咨询', '咨询', '政策解读', '图解', '解读', '相关链接', '相关文章',
    '相关阅读', '相关文件', '相关新闻', '上一篇', '下一篇', '上一条', '下一条', '标签', '保存', '保存本页',
    '微信', '微博', 'QQ', 'QQ空间', '朋友圈', '手机版', '移动版', '在看', '点赞', '赞', '阅读原文', '留言', '写留言',
    '分享给朋友', '扫一扫', '扫码', '二维码', '视力保护色', '背景色', '信息公开', '政务公开', '网站地图', '联系我们',
    '阅读', '评论', '查看', '更多', '导航', '主页', '菜单',
  ].map((w) => w.toLowerCase()),
);

// Label words whose value is chrome: a counter, an editor, a tag list.
const COUNTER = /^(阅读次数|阅读量|浏览次数|浏览量|点击数|点击量|点击率|访问量|访问次数|阅读|浏览|人气)\s*[:：]?\s*[\d,]*\s*(次)?$/i;

interface Rule {
  reason: BoilerplateReason;
  test: (t: string) => boolean;
}

// Shapes. Each is anchored on a structural cue, not on a page's full text.
const RULES: Rule[] = [
  // 首页 > 栏目 > 正文, 当前位置：…, A >> B >> C
  { reason: 'breadcrumb', test: (t) => /^(当前位置|您的位置|您当前的位置|位置)\s*[:：]/.test(t) },
  { reason: 'breadcrumb', test: (t) => /(>|»|›|→|＞)/.test(t) && /^(首页|网站首页|主页)/.test(t) },
  { reason: 'breadcrumb', test: (t) => (t.match(/\s*(>>|>|»|›|＞)\s*/g) ?? []).length >= 2 && t.length <= 90 && !/[。；]/.test(t) },
  { reason: 'pager', test: (t) => /^(上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]?/.test(t) },
  { reason: 'related', test: (t) => /^(相关链接|相关文章|相关阅读|相关新闻|相关文件|相关稿件|推荐阅读|热点推荐)\s*[:：]?/.test(t) && t.length <= 60 },
  { reason: 'editor', test: (t) => /^[【\[(（]?\s*(责任编辑|责编|编辑|校对|审核|审校|初审|终审|复审|来源|撰稿|供稿|文字|图片|摄影)\s*[:：]/.test(t) && t.length <= 60 && !/[。]/.test(t) && !/(发布|成文|发文)/.test(t) },
  { reason: 'counter', test: (t) => COUNTER.test(t) },
  { reason: 'qr-prompt', test: (t) => /(扫一扫|扫码|二维码|用手机扫描|微信扫描)/.test(t) && t.length <= 60 },
  { reason: 'share-site', test: (t) => /(预览阅读已结束|预览已结束|试读已结束|本文档由.{0,12}上传|下载券|VIP|付费(阅读|下载)|剩余.{0,8}未读|点击.{0,6}(下载|阅读全文|继续阅读)|(全文|文档)(共|含).{0,8}页|原创力文档|文库)/i.test(t) },
  { reason: 'footer', test: (t) => /(版权所有|Copyright|©|ICP备|ICP证|网站标识码|公网安备|主办单位|承办单位|技术支持|建议使用.{0,12}浏览器|分辨率|网站地图|联系我们|政府网站找错)/i.test(t) && !/[。]$/.test(t) },
  { reason: 'social', test: (t) => /^(阅读原文|点赞|在看|分享|收藏|写留言|留言|赞赏|喜欢此内容的人还喜欢|继续滑动看下一个|轻触阅读原文|向上滑动看下一个|微信扫一扫.*)\s*[\d,]*$/.test(t) },
  // Site-visitor address: plans never speak to "您"; portals do (如果您对…有疑问, 若您需要…).
  { reason: 'widget', test: (t) => /(您|本站|本网|本页|本网站)/.test(t) && t.length <= 120 && !/^[一二三四五六七八九十\d]/.test(t) },
  { reason: 'download', test: (t) => /^(文件下载|附件下载|相关附件|政策咨询|政策解读|图文解读|解读文件)\s*[:：]?$/.test(t) },
];

/** Tokens of a line, split on spaces, bars, slashes, brackets and colons. */
function tokens(t: string): string[] {
  return t
    .split(/[\s|｜/\\【】[\]()（）:：,，、·•>»›<«‹]+/)
    .filter((s) => s.length > 0);
}

/** A line made entirely of widget words (打印 | 关闭 | 【字体：大 中 小】). */
function isWidgetLine(t: string): boolean {
  if (t.length > 80) return false;
  const ts = tokens(t);
  if (ts.length === 0) return /^[\s|｜/\\【】[\]()（）:：,，、·•>»›<«‹-]+$/.test(t);
  return ts.every((w) => WIDGET_WORDS.has(w.toLowerCase()));
}

/** Navigation bars: many short tokens, no sentence punctuation (首页 机构 公开 服务 互动). */
function isNavigation(t: string): boolean {
  if (/[。；;，,]/.test(t) || t.length > 120) return false;
  const ts = t.split(/\s*[|｜]\s*|\s{1,}/).filter(Boolean);
  if (ts.length < 4) return false;
  const short = ts.filter((w) => w.length <= 6).length;
  return short / ts.length >= 0.9 && !/\d{4}[-年.]/.test(t);
}

/** Classify one non-empty line; null when it is not chrome. */
export function boilerplateReason(text: string): BoilerplateReason | null {
  const t = text.trim();
  if (t === '') return 'blank-filler';
  if (isWidgetLine(t)) return 'widget';
  for (const rule of RULES) if (rule.test(t)) return rule.reason;
  if (isNavigation(t)) return 'navigation';
  return null;
}

/**
 * Split lines into possible content and removed chrome. Empty lines are
 * neither: they only separate paragraphs and are not listed.
 */
export function stripBoilerplate(lines: Line[]): Stripped {
  const kept: Line[] = [];
  const removed: RemovedLine[] = [];
  for (const line of lines) {
    if (line.text === '') {
      if (line.filler) removed.push({ line: line.no, text: '', reason: 'blank-filler' });
      continue;
    }
    const reason = boilerplateReason(line.fold);
    if (reason) removed.push({ line: line.no, text: line.text, reason });
    else kept.push(line);
  }
  return { kept, removed };
}
