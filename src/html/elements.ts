// What the HTML elements are to a reader: which make lines, which show
// nothing, how to name one in an audit trail. Facts of HTML and CSS defaults,
// no page-specific knowledge.
import type { Element, Root, RootContent } from 'hast';

// Elements whose default display is block-like (the user agent style sheet):
// each starts and ends a line.
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table',
  'tbody', 'tfoot', 'thead', 'tr', 'ul', 'xmp',
]);

// innerText puts a blank line around these (two required line breaks).
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Never rendered as text: metadata, scripts, embedded content and controls.
// (<form> is not here: some portals wrap the whole page in one; see chrome.ts.)
const SILENT = new Set([
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'canvas', 'svg', 'math', 'audio', 'video', 'source', 'track', 'img', 'picture', 'map', 'area', 'button',
  'select', 'option', 'optgroup', 'datalist', 'textarea', 'input', 'progress', 'meter', 'output', 'param', 'wbr',
]);

export function isBlock(el: Element): boolean {
  return BLOCK.has(el.tagName);
}

export function isParagraph(el: Element): boolean {
  return PARAGRAPH.has(el.tagName);
}

export function isSilent(el: Element): boolean {
  return SILENT.has(el.tagName);
}

/** Hidden from view by the page itself: the hidden attribute or an inline display:none / visibility:hidden. */
export function isHidden(el: Element): boolean {
  if (el.properties.hidden !== undefined && el.properties.hidden !== false && el.properties.hidden !== null) return true;
  const style = el.properties.style;
  return typeof style === 'string' && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style);
}

export function classNames(el: Element): string[] {
  const c = el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/).filter(Boolean) : [];
}

export function idOf(el: Element): string | null {
  const id = el.properties.id;
  return typeof id === 'string' && id !== '' ? id : null;
}

export function attr(el: Element, name: string): string | null {
  const v = el.properties[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.join(' ');
  return null;
}

/** One step of an element path: tag, #id, and up to two classes (div#zoom.article.TRS_Editor). */
export function stepOf(el: Element): string {
  const id = idOf(el);
  const classes = classNames(el).slice(0, 2);
  return el.tagName + (id ? `#${id}` : '') + classes.map((c) => `.${c}`).join('');
}

/** The element's path from <body> down, for the audit trail: body > div.wrap > div.footer. */
export function pathOf(ancestors: readonly Element[], el: Element): string {
  const from = ancestors.findIndex((a) => a.tagName === 'body');
  return [...ancestors.slice(from === -1 ? 0 : from), el].filter((a) => a.tagName !== 'html').map(stepOf).join(' > ');
}

export function lineOf(node: RootContent | Root): number | null {
  return node.position?.start.line ?? null;
}

export function isElement(node: RootContent | Root): node is Element {
  return node.type === 'element';
}
