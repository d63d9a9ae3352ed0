// The page's own metadata: the tags Chinese government portals must carry
// (政府网站发展指引, 2017: SiteName, SiteIDCode, ColumnName, ArticleTitle,
// PubDate, ContentSource, Keywords, Author, Url), the Open Graph title, the
// description and <title>. Each field keeps the tag it came from and its line.
import type { Element, Root } from 'hast';
import type { PageMetaField } from '../schema.js';
import { attr, isElement, lineOf } from './elements.js';

type Key = PageMetaField['key'];

// <meta name="…"> names, compared case-insensitively (KeyWords, keywords).
const NAMES: Record<string, Key> = {
  sitename: 'siteName',
  siteidcode: 'siteIdCode',
  columnname: 'column',
  articletitle: 'articleTitle',
  pubdate: 'published',
  // gov.cn's own pages and other CMSs
  firstpublishedtime: 'published',
  publishdate: 'published',
  contentsource: 'contentSource',
  keywords: 'keywords',
  author: 'author',
  url: 'url',
  description: 'description',
};
const PROPERTIES: Record<string, Key> = { 'og:title': 'ogTitle', 'og:description': 'description', 'og:url': 'url', 'article:published_time': 'published' };

function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

function textContent(el: Element): string {
  let s = '';
  for (const child of el.children) {
    if (child.type === 'text') s += child.value;
    else if (isElement(child)) s += textContent(child);
  }
  return s;
}

/** Every metadata field of the page, in source order; the first of each key wins later on. */
export function pageMeta(root: Root): PageMetaField[] {
  const out: PageMetaField[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      const line = lineOf(child) ?? 1;
      if (child.tagName === 'meta') {
        const name = attr(child, 'name');
        const property = attr(child, 'property');
        const value = collapse(attr(child, 'content') ?? '');
        const key = (name && NAMES[name.toLowerCase()]) || (property && PROPERTIES[property.toLowerCase()]) || null;
        if (key && value !== '') out.push({ key, tag: name ? `meta ${name}` : `meta ${property}`, value, line });
        continue;
      }
      if (child.tagName === 'title') {
        const value = collapse(textContent(child));
        if (value !== '') out.push({ key: 'title', tag: 'title', value, line });
        continue;
      }
      // Metadata lives in <head>, but broken pages put it anywhere; an SVG's <title> is the drawing's.
      if (child.tagName !== 'svg') visit(child);
    }
  };
  visit(root);
  return out;
}
