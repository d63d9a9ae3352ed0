// Markup nested past any real page's depth (a thousand unclosed <b><i>, divs
// nested 2,000 deep) overflows the stack of the HTML tree builder, and only on
// some threads (a worker's stack is larger than the main thread's). So the
// depth is estimated from the source before parsing, the same on every
// thread, and a page past the limit is read with its inline and layout tags
// taken out: block ends become <br>, so every character is still read.

/** Deeper than this (open tags not closed), a page is read flat. Real pages nest a few dozen levels. */
export const MAX_DEPTH = 400;

// Elements with no end tag, and those a parser closes by itself (<p>, <li>, <td> …): they nest nothing.
const NEST_NOTHING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rt', 'rp',
]);
const TAG = /<(\/?)([a-zA-Z][\w-]*)\b[^>]*>/g;

/** The deepest nesting of open tags in the source, by a scan of its tags. */
export function sourceDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (NEST_NOTHING.has(name) || m[0].endsWith('/>')) continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

// Tags that shape layout or inline style, not where text breaks.
const INLINE = /^(?:a|abbr|b|big|cite|code|em|font|i|kbd|label|mark|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var|bdi|bdo|ins|del)$/i;

/** The source with every nesting tag taken out: inline ones vanish, block ones become <br>. */
export function flatSource(html: string): string {
  return html.replace(TAG, (tag, _close: string, name: string) => {
    const lower = name.toLowerCase();
    if (NEST_NOTHING.has(lower) || /^(?:html|head|body|title|script|style|table|pre|textarea|h[1-6])$/.test(lower)) return tag;
    return INLINE.test(lower) ? '' : '<br>';
  });
}
