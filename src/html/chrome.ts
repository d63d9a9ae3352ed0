// Portal chrome recognised by the page's own structure, before any text rule:
// landmark elements (<nav>, a page-level <header>/<footer>, <aside>), ARIA
// landmark roles, class and id words that name chrome (nav, menu, breadcrumb,
// share, footer, header, sidebar, toolbar, search, login, copyright), and
// blocks whose text is mostly link text. One guard over all of them: the
// element that holds the article's text, and every element around it, is
// never chrome (a page wrapped in <div class="main-header-wrap"> or in an
// ASP.NET <form> still keeps its plan).
import type { Element, ElementContent, Root } from 'hast';
import type { BoilerplateReason } from '../schema.js';
import { classNames, idOf, isBlock, isElement, isSilent } from './elements.js';
import { cellsOf } from '../labels.js';
import { isRelatedHeading } from '../boilerplate.js';

export interface TextStats {
  /** Characters of visible text, spaces aside. */
  text: number;
  /** Of which inside links. */
  link: number;
  /** Links with text. */
  links: number;
}

export interface ChromeVerdict {
  reason: BoilerplateReason;
  /** What gave it away, for the audit trail: <nav>, role=navigation, class "share", 14 links (92% of the text). */
  cue: string;
}

/** Visible-text statistics of every element, computed once, bottom-up. */
export function textStats(root: Root): Map<Element, TextStats> {
  const stats = new Map<Element, TextStats>();
  const visit = (node: ElementContent | Root, inLink: boolean): TextStats => {
    if (node.type === 'text') {
      const n = node.value.replace(/\s+/g, '').length;
      return { text: n, link: inLink ? n : 0, links: 0 };
    }
    if (node.type !== 'element' && node.type !== 'root') return { text: 0, link: 0, links: 0 };
    // Hidden elements are counted: a page may hide its article until a script
    // shows it (WeChat's #js_content is saved with visibility: hidden).
    if (node.type === 'element' && isSilent(node)) {
      const none = { text: 0, link: 0, links: 0 };
      stats.set(node, none);
      return none;
    }
    const isLink = node.type === 'element' && node.tagName === 'a';
    const sum: TextStats = { text: 0, link: 0, links: 0 };
    for (const child of node.children) {
      const s = visit(child as ElementContent, inLink || isLink);
      sum.text += s.text;
      sum.link += s.link;
      sum.links += s.links;
    }
    if (isLink && sum.text > 0) sum.links++;
    if (node.type === 'element') stats.set(node, sum);
    return sum;
  };
  visit(root, false);
  return stats;
}

/**
 * The element that holds the article: from <body> down, into the child that
 * holds most of the text outside links while it holds at least 60% of it.
 * Where the text spreads over several children (the paragraphs), that is the
 * article's container. Returns it with its ancestors.
 */
export function articleChain(root: Root, stats: Map<Element, TextStats>): Set<Element> {
  const own = (el: Element) => {
    const s = stats.get(el);
    return s ? s.text - s.link : 0;
  };
  const chain = new Set<Element>();
  const body = findBody(root);
  if (!body) return chain;
  let at: Element = body;
  chain.add(at);
  for (;;) {
    let best: Element | null = null;
    for (const child of at.children) {
      // A landmark never holds the article, however much text it has (a mega-menu with descriptions).
      if (!isElement(child) || landmarkTag(child, [...chain]) !== null || landmarkRole(child) !== null) continue;
      if (best === null || own(child) > own(best)) best = child;
    }
    if (best === null || own(best) === 0 || own(best) < 0.6 * own(at)) return chain;
    at = best;
    chain.add(at);
  }
}

function findBody(root: Root): Element | null {
  const stack: (Root | Element)[] = [root];
  while (stack.length) {
    const node = stack.shift()!;
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.tagName === 'body') return child;
      if (child.tagName === 'html') stack.push(child);
    }
  }
  return null;
}

// Class and id words of chrome, matched as whole words of a name split at
// -, _, spaces and camelCase humps (top-nav, mainMenu, bdsharebuttonbox is not).
const WORDS: Record<string, BoilerplateReason> = {
  nav: 'navigation', navbar: 'navigation', navigation: 'navigation', menu: 'navigation', submenu: 'navigation', menubar: 'navigation',
  breadcrumb: 'breadcrumb', breadcrumbs: 'breadcrumb', crumb: 'breadcrumb', crumbs: 'breadcrumb',
  share: 'social',
  header: 'navigation', topbar: 'navigation',
  footer: 'footer', copyright: 'footer',
  sidebar: 'related',
  toolbar: 'widget', tool: 'widget', tools: 'widget', search: 'widget', login: 'widget',
};

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const LANDMARK_TAGS: Record<string, BoilerplateReason> = { nav: 'navigation', aside: 'related' };
const ROLES: Record<string, BoilerplateReason> = { navigation: 'navigation', banner: 'navigation', contentinfo: 'footer', search: 'widget', complementary: 'related' };
// <header> and <footer> are the page's banner and footer only outside
// sectioning content (as ARIA maps them); inside <article> they frame the article.
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);

/** Link-dense: a block with several links whose text is most of its text. */
const MIN_LINKS = 3;
const LINK_SHARE = 0.7;
/** A widget's heading is short: a few words. */
const EMPTY_WIDGET_TEXT = 12;

/** Landmark elements: <nav>, <aside>, a page-level <header>/<footer>. */
function landmarkTag(el: Element, ancestors: readonly Element[]): ChromeVerdict | null {
  const tag = LANDMARK_TAGS[el.tagName];
  if (tag) return { reason: tag, cue: `<${el.tagName}>` };
  if ((el.tagName === 'header' || el.tagName === 'footer') && !ancestors.some((a) => SECTIONING.has(a.tagName))) {
    return { reason: el.tagName === 'header' ? 'navigation' : 'footer', cue: `<${el.tagName}>` };
  }
  return null;
}

/** ARIA landmark roles of chrome: navigation, banner, contentinfo, search, complementary. */
function landmarkRole(el: Element): ChromeVerdict | null {
  const role = typeof el.properties.role === 'string' ? el.properties.role.toLowerCase() : null;
  return role && ROLES[role] ? { reason: ROLES[role], cue: `role=${role}` } : null;
}

/**
 * Whether `el` is chrome by structure, and why. `ancestors` are its
 * ancestors from the root; `article` is the article's element and its
 * ancestors (never chrome).
 */
export function chromeOf(el: Element, ancestors: readonly Element[], stats: Map<Element, TextStats>, article: Set<Element>): ChromeVerdict | null {
  if (article.has(el)) return null;
  const landmark = landmarkTag(el, ancestors);
  if (landmark) return landmark;
  // The page's main heading is never inside chrome (an article header named "detail-header").
  const names = [...classNames(el).map((c) => ['class', c] as const), ...(idOf(el) ? [['id', idOf(el)!] as const] : [])];
  for (const [kind, name] of names) {
    for (const w of wordsOf(name)) {
      const reason = WORDS[w];
      if (reason && !holdsH1(el) && !(reason !== 'footer' && holdsDisclosure(el, stats))) return { reason, cue: `${kind} ${name}` };
    }
  }
  // After the class words, which name the kind more closely (a breadcrumb with role=navigation).
  const role = landmarkRole(el);
  if (role) return role;
  const s = stats.get(el);
  if (s && isBlock(el) && s.text > 0 && s.text <= EMPTY_WIDGET_TEXT && holdsEmptyList(el, stats)) {
    return { reason: 'related', cue: 'a heading over an empty list' };
  }
  if (s && isBlock(el) && s.links >= MIN_LINKS && s.text > 0 && s.link / s.text >= LINK_SHARE) {
    return { reason: 'navigation', cue: `${s.links} links (${Math.round((100 * s.link) / s.text)}% of the text)` };
  }
  // A box headed 相关解读 or 推荐阅读 beside the article: its excerpts are other pages' text.
  const head = isBlock(el) ? firstText(el, stats) : null;
  if (head !== null && isRelatedHeading(head)) return { reason: 'related', cue: `a box headed ${head}` };
  return null;
}

/**
 * A link list that a script fills in the browser, saved empty ("相关链接",
 * "附件下载" over a <ul> of template <li>s): only its heading is left.
 */
function holdsEmptyList(el: Element, stats: Map<Element, TextStats>): boolean {
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if ((child.tagName === 'ul' || child.tagName === 'ol') && (stats.get(child)?.text ?? 0) === 0) return true;
    if (holdsEmptyList(child, stats)) return true;
  }
  return false;
}

// The facts a disclosure bar gives: a date or a document number after its label.
const DISCLOSED = new Set(['published', 'written', 'docNumber', 'indexNumber']);

/**
 * Whether a block named as chrome (class "info-header", "toolbar") holds the
 * page's disclosure facts (发布时间：2024-01-16, 发文字号：…): its text goes to
 * the metadata stage, whose own rules drop the widget words beside them.
 */
function holdsDisclosure(el: Element, stats: Map<Element, TextStats>): boolean {
  // (the counted text first: a large block is no bar, and its text is not built)
  if ((stats.get(el)?.text ?? 0) > DISCLOSURE_TEXT_MAX) return false;
  const text = textOf(el);
  return cellsOf(text).some((c) => c.value.trim() !== '' && c.keys.some((k) => DISCLOSED.has(k)));
}
const DISCLOSURE_TEXT_MAX = 600;
// A box's heading is a few words (isRelatedHeading takes at most 16 characters).
const HEADING_TEXT_MAX = 16;

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || isSilent(node)) return '';
  // cells and spans side by side are apart: 发布时间：2024-01-16 来源：…
  return node.children.map(textOf).join(' ');
}

/**
 * The text of a block's first child that has any, trimmed (its heading, when
 * it has one); null when that child holds more than a heading's length (its
 * text is then not built: every block of a page is asked).
 */
function firstText(el: Element, stats: Map<Element, TextStats>): string | null {
  for (const child of el.children) {
    if (child.type === 'text') {
      if (child.value.trim() !== '') return child.value.trim();
      continue;
    }
    if (!isElement(child) || isSilent(child)) continue;
    const counted = stats.get(child)?.text ?? 0;
    if (counted === 0) continue;
    if (counted > HEADING_TEXT_MAX) return null;
    const t = textOf(child).trim();
    if (t !== '') return t;
  }
  return null;
}

function holdsH1(el: Element): boolean {
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'h1' || holdsH1(child)) return true;
  }
  return false;
}
