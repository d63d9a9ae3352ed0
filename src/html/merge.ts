// Putting a plan parsed from a page's rendered text back onto the page: line
// numbers into the HTML source, the chrome cut by structure into the audit
// trail, and the page's metadata into meta where the text leaves gaps.
import type { Diagnostic, FieldOrigin, Meta, MetadataField, PageMetaField, Plan, RemovedLine } from '../schema.js';
import { parseDate } from '../dates.js';
import { regionOf } from '../metadata.js';
import type { ChromeBlock } from './render.js';

/**
 * Rewrite every line number of a plan through `map` (rendered line → source
 * line), in place: any `line` or `titleLine` number and any `lines` range,
 * wherever it sits, so fields added to the plan later are covered too.
 */
export function remapLines(plan: Plan, map: (line: number) => number): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const rec = value as Record<string, unknown>;
    for (const [key, v] of Object.entries(rec)) {
      if ((key === 'line' || key === 'titleLine') && typeof v === 'number') rec[key] = map(v);
      else if (key === 'lines' && v !== null && typeof v === 'object' && 'start' in v && 'end' in v) {
        const range = v as { start: number; end: number };
        const start = map(range.start);
        rec[key] = { start, end: Math.max(start, map(range.end)) };
      } else visit(v);
    }
  };
  // source.lines is a count, not a position: the caller sets it.
  for (const [key, v] of Object.entries(plan)) if (key !== 'source') visit(v);
}

/** The text's boilerplate and the chrome cut by structure, in source order. */
export function mergeBoilerplate(removed: RemovedLine[], chrome: ChromeBlock[]): RemovedLine[] {
  const cut: RemovedLine[] = chrome.map((c) => ({ line: c.line, text: c.text, reason: c.reason, element: c.element, cue: c.cue }));
  // Stable: entries on the same line keep text-rule entries first.
  return [...removed, ...cut].sort((a, b) => a.line - b.line);
}

/** Letters only, full-width folded: titles compared across punctuation and spacing. */
function bare(s: string): string {
  return s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Two titles agree when one holds the other (a notice title holds the plan's). */
function agree(a: string, b: string): boolean {
  const x = bare(a);
  const y = bare(b);
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
}

/**
 * <title> often is "Article title_Column_Site" or "Column_Site": its longest
 * part, when it is not the site's name or the column's.
 */
function titleFromTitleTag(value: string, page: PageMetaField[]): string | null {
  const parts = value.split(/\s*(?:[_|｜]|\s-\s|——|--)\s*/).filter((p) => p !== '');
  const known = page.filter((f) => f.key === 'siteName' || f.key === 'column').map((f) => bare(f.value));
  const left = parts.filter((p) => !known.includes(bare(p)));
  const best = left.sort((a, b) => b.length - a.length)[0];
  return best !== undefined && bare(best).length >= 6 ? best : null;
}

function first(page: PageMetaField[], key: PageMetaField['key']): PageMetaField | null {
  return page.find((f) => f.key === key) ?? null;
}

const fromText = (line: number | null): FieldOrigin => ({ from: 'text', tag: null, line });

/**
 * The line the text gave a value of `key` on: the metadata cell (or head or
 * signature line) of that key holding the value, else the first of that key;
 * a value read from the title (an issuer, a year) is on the title's line.
 */
function textLine(meta: Meta, key: MetadataField['key'], value?: string | null): number | null {
  let first: number | null = null;
  for (const f of meta.fields) {
    for (const c of f.cells) {
      if (c.key !== key) continue;
      if (value && c.value.includes(value)) return c.line;
      first ??= c.line;
    }
  }
  if (first !== null) return first;
  return value && meta.title?.includes(value) ? meta.titleLine : null;
}
const fromPage = (f: PageMetaField): FieldOrigin => ({ from: 'page', tag: f.tag, line: f.line });

// The names of bodies end in one of these (局, 委员会, 人民政府, 办公室, 学校 …).
const BODY_END = /(?:局|委|委员会|厅|部|办|办公室|政府|中心|院|校|学校|学院|大学|会|所|处|室|站|馆|园)$/;

/** The issuing body a title opens with, up to its year: null when the words before the year are no body's name. */
function issuerOfTitle(title: string): string | null {
  const m = /^(.{4,30}?)(?:19|20)\d{2}\s*年/.exec(title.trim());
  const head = m?.[1]?.trim() ?? '';
  return head !== '' && BODY_END.test(head) && !/[，,。；;：:《》“”"]/.test(head) ? head : null;
}

function titleYear(title: string): number | null {
  const m = /((?:19|20)\d{2})\s*(?:年|－|-)/.exec(title);
  return m ? Number(m[1]) : null;
}

/**
 * Page metadata merged into the text's meta. The plan's own title and dates,
 * read from the text, stand when present and when they agree with the page;
 * the page fills what the text leaves empty. Where the two disagree:
 * - title: the page's ArticleTitle / og:title wins (the text's guess came
 *   from rendered chrome); a <title> tag never overrides;
 * - published: the page's PubDate wins (it is the portal's publication date
 *   by definition), the text's date is reported.
 * Every disagreement is an info diagnostic on the page field's line.
 */
export function mergeMeta(meta: Meta, page: PageMetaField[]): { meta: Meta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out: Meta = { ...meta, dates: { ...meta.dates }, page };
  const origins: NonNullable<Meta['origins']> = {
    title: meta.title !== null ? fromText(meta.titleLine ?? textLine(meta, 'title')) : null,
    // the year is read from the title when the title holds it
    year: meta.year !== null ? fromText(meta.title?.includes(`${meta.year}年`) ? meta.titleLine : null) : null,
    issuer: meta.issuer !== null ? fromText(textLine(meta, 'issuer', meta.issuer)) : null,
    written: meta.dates.written !== null ? fromText(textLine(meta, 'written')) : null,
    published: meta.dates.published !== null ? fromText(textLine(meta, 'published')) : null,
  };

  const trusted = first(page, 'articleTitle') ?? first(page, 'ogTitle');
  if (trusted) {
    if (out.title === null || !agree(out.title, trusted.value)) {
      if (out.title !== null) {
        diagnostics.push({ code: 'page-title-differs', severity: 'info', message: `the page's ${trusted.tag} "${trusted.value}" replaces the title read from the text "${out.title}"`, line: trusted.line });
      }
      out.title = trusted.value;
      out.titleLine = trusted.line;
      origins.title = fromPage(trusted);
    }
  } else if (out.title === null) {
    const tag = first(page, 'title');
    const title = tag ? titleFromTitleTag(tag.value, page) : null;
    if (tag && title) {
      out.title = title;
      out.titleLine = tag.line;
      origins.title = fromPage(tag);
    }
  }
  if (out.year === null && out.title !== null && origins.title?.from === 'page') {
    const year = titleYear(out.title);
    if (year !== null) {
      out.year = year;
      origins.year = origins.title;
    }
  }

  const pub = first(page, 'published');
  const pubDate = pub ? parseDate(pub.value) : null;
  if (pub && pubDate) {
    if (out.dates.published !== null && out.dates.published !== pubDate) {
      diagnostics.push({ code: 'page-date-differs', severity: 'info', message: `the page's ${pub.tag} ${pubDate} replaces the publication date read from the text ${out.dates.published}`, line: pub.line });
    }
    if (out.dates.published !== pubDate) {
      out.dates.published = pubDate;
      origins.published = fromPage(pub);
    }
  }

  // ContentSource is the body that supplied the article; Author is often an editor's name, never used.
  const source = first(page, 'contentSource');
  if (out.issuer === null && source) {
    out.issuer = source.value;
    out.region = regionOf(source.value);
    origins.issuer = fromPage(source);
  }
  // A portal's ArticleTitle names its author first: 某某区行政审批局2023年工作计划.
  // It fills a gap, and it replaces an issuer read from the text that is only
  // the portal's own name (来源：<site name> says where the page was posted).
  const named = trusted ? issuerOfTitle(trusted.value) : null;
  const site = first(page, 'siteName');
  const isSite = out.issuer !== null && site !== null && bare(out.issuer) === bare(site.value);
  if (named !== null && trusted && (out.issuer === null || (isSite && bare(named) !== bare(out.issuer)))) {
    if (out.issuer !== null) {
      diagnostics.push({ code: 'page-issuer-differs', severity: 'info', message: `the issuer read from the text "${out.issuer}" is the site's name; the page's ${trusted.tag} names "${named}"`, line: trusted.line });
    }
    out.issuer = named;
    out.region = regionOf(named);
    origins.issuer = fromPage(trusted);
  }
  out.origins = origins;
  return { meta: out, diagnostics };
}
