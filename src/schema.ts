// The single source of truth for planparse's output. Types are inferred from
// these schemas and `schemas/plan.schema.json` is generated from them.
// A namespace import lets esbuild drop what is unused (zod's 60 locales:
// 570 KB of the bundle, 10-25 ms of start-up); `import { z }` keeps them all.
import * as z from 'zod';

export const SCHEMA_VERSION = '1.0.0';

/** 1-based inclusive line range in the decoded input. */
export const LineRange = z
  .object({
    start: z.number().int().positive(),
    end: z.number().int().positive(),
  })
  .describe('1-based inclusive range of source lines');

export const Severity = z.enum(['error', 'warning', 'info']);

export const Diagnostic = z
  .object({
    code: z.string().describe('stable machine-readable code, e.g. item-number-gap'),
    severity: Severity,
    message: z.string(),
    line: z.number().int().positive().nullable().describe('1-based source line, null when the whole document is concerned'),
  })
  .describe('a problem found while parsing, with the line it concerns');

export const Comparator = z.enum(['eq', 'gte', 'gt', 'lte', 'lt', 'range', 'approx']);

export const TargetKind = z.enum([
  'percent',
  'count',
  'duration',
  'frequency',
  'money',
  'area',
  'age',
  'change',
  'other',
]);

export const TargetStatus = z
  .enum(['target', 'achieved'])
  .describe('target: a commitment; achieved: a figure the text reports as already reached (a review part, 已, 累计, a past year)');

export const TargetPlace = z
  .object({
    part: z.enum(['preamble', 'section', 'subsection', 'item', 'point', 'closing']).describe('the kind of node holding the target'),
    section: z.number().int().nonnegative().nullable().describe('number of the section (一、) it sits in'),
    subsection: z.number().int().nonnegative().nullable().describe('number of the sub-section ((一)) it sits in'),
    item: z.number().int().nonnegative().nullable().describe('number of the item (1.) it sits in'),
    point: z.number().int().nonnegative().nullable().describe('number of the sub-point ((1), ①, 一是) it sits in'),
  })
  .describe('where a target sits in the outline');

export const Target = z
  .object({
    text: z.string().describe('the span as written, comparator words included'),
    value: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string(),
    comparator: Comparator,
    kind: TargetKind,
    per: z.string().optional().describe('the period of a frequency as written: 每天, 每周, 每学年'),
    sentence: z.string().describe('the sentence the target sits in'),
    sentenceOffset: z
      .number()
      .int()
      .nonnegative()
      .describe(
        'where `text` starts in `sentence`, 0-based, counted in UTF-16 code units as JavaScript indexes strings (the character count unless the sentence holds characters outside the Basic Multilingual Plane): sentence.slice(sentenceOffset, sentenceOffset + text.length) is text. Tells apart two targets with the same text in one sentence',
      ),
    line: z.number().int().positive(),
    place: TargetPlace,
    status: TargetStatus,
    indicator: z
      .string()
      .nullable()
      .describe('what the number measures, as written and as short as still makes sense (公办园在园幼儿占比); null when the clause names nothing'),
    indicatorKey: z
      .string()
      .nullable()
      .describe('the stable key of the indicator in the vocabulary shipped with planparse (src/vocabulary/indicators.json), null when none fits'),
    direction: z.enum(['up', 'down']).optional().describe('for a change or a level moved to: up (提高5个百分点, 提升至66%) or down (下降0.5个百分点, 降至9.3%)'),
    by: z.string().optional().describe('the deadline as written, with its year when one is written: 年底前, 到2025年, 2024年底'),
    from: z.number().optional().describe('the baseline of a change: 从60%提高到66% → 60'),
  })
  .describe('a quantitative commitment: a number with a measuring unit');

export const Paragraph = z.object({
  text: z.string(),
  lines: LineRange,
  targets: z.array(Target),
});

export const Point = z
  .object({
    marker: z.string().describe('the marker as written: (1), ①, 一是'),
    number: z.number().int().nonnegative(),
    text: z.string(),
    lines: LineRange,
    targets: z.array(Target),
  })
  .describe('an inline sub-point of an item: (1), ①, 一是…二是…');

export const Item = z
  .object({
    number: z.number().int().nonnegative(),
    marker: z.string().nullable().describe('the marker as written (1. 1、 1. 1)), null when inferred'),
    inferred: z.boolean(),
    title: z.string().nullable().describe('the lead sentence: text after the marker up to the first 。 or ；, null for an empty item'),
    lead: z.string().nullable().describe('the lead sentence (same as title; kept for readers of schema 1.0)'),
    text: z.string().describe('whole text of the item, continuation paragraphs included, marker excluded'),
    lines: LineRange,
    points: z.array(Point),
    targets: z.array(Target),
  })
  .describe('a numbered work item: 1. 1、 1. 1)');

export const Subsection = z
  .object({
    number: z.number().int().nonnegative(),
    marker: z.string(),
    heading: z.string(),
    text: z.string().describe('heading line text after the marker, including any body on the same line'),
    lines: LineRange,
    paragraphs: z.array(Paragraph).describe('unnumbered body paragraphs before the first item'),
    items: z.array(Item),
    targets: z.array(Target).optional().describe('targets in the heading line (the text after the marker); set by the parser'),
  })
  .describe('a sub-section （一） nested in its section');

export const Section = z
  .object({
    number: z.number().int().nonnegative(),
    marker: z.string(),
    heading: z.string().describe('heading without marker and trailing punctuation'),
    text: z.string().describe('heading line text after the marker, including any body on the same line'),
    lines: LineRange,
    paragraphs: z.array(Paragraph).describe('unnumbered body paragraphs that are not items'),
    subsections: z.array(Subsection),
    items: z.array(Item),
    targets: z.array(Target).optional().describe('targets in the heading line (the text after the marker); set by the parser'),
  })
  .describe('a top-level section 一、');

export const BoilerplateReason = z.enum([
  'blank-filler',
  'navigation',
  'breadcrumb',
  'widget',
  'counter',
  'qr-prompt',
  'download',
  'pager',
  'related',
  'editor',
  'footer',
  'share-site',
  'page-furniture',
  'social',
  'crawler',
  'toc',
  'repeated',
  'other',
]);

/** 1-based inclusive column range within one normalised line. */
export const ColumnRange = z
  .object({
    start: z.number().int().positive(),
    end: z.number().int().positive(),
  })
  .describe('1-based inclusive range of columns in the normalised line (spaces folded, invisible characters removed)');

export const RemovedLine = z
  .object({
    line: z.number().int().positive(),
    columns: ColumnRange.optional().describe('the part of the line that was cut; absent for a line that held only filler'),
    text: z.string(),
    reason: BoilerplateReason,
    element: z.string().optional().describe('HTML inputs: path of the element removed by the page structure (body > div.wrap > div.footer)'),
    cue: z.string().optional().describe('HTML inputs: what marked the element as chrome (<nav>, role=navigation, class share, 14 links (92% of the text))'),
  })
  .describe('a piece of portal chrome removed from the content: a whole line or a span of one');

export const Debris = z
  .object({
    line: z.number().int().positive(),
    column: z.number().int().positive().describe('1-based column in the normalised line'),
    text: z.string(),
  })
  .describe('text a mirror site inserted into a word (a pinyin gloss, a Traditional-character note), cut from the content');

export const MetadataField = z
  .object({
    line: z.number().int().positive(),
    label: z.string().describe('the label as written, possibly cut ("号")'),
    key: z
      .enum([
        'title',
        'indexNumber',
        'docNumber',
        'issuer',
        'source',
        'category',
        'written',
        'published',
        'generated',
        'effective',
        'expires',
        'subject',
        'author',
        'url',
        'other',
      ])
      .describe('what the label was recognised as'),
    value: z.string(),
  })
  .describe('one label: value cell of a disclosure table or page header');

export const MetadataLine = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  cells: z.array(MetadataField).describe("the line's label: value cells that hold a real value (none for a line of other metadata, a continuation, or cells without one)"),
});

export const Notice = z
  .object({
    title: z.string().describe('关于印发《…》的通知'),
    docNumber: z.string().nullable(),
    addressees: z.string().nullable(),
    body: z.string().nullable().describe('the transmittal text'),
    signature: z.string().nullable(),
    date: z.string().nullable().describe('ISO date of the signature, when certain'),
    dateText: z.string().nullable().describe('the signature date as written (kept when it cannot be read with certainty, e.g. 2021116)'),
    attachments: z.array(z.string()).describe('the attachment list (附件：1.… 2.…), titles as written'),
    lines: LineRange,
  })
  .describe('the notice wrapper that transmits the plan');

export const RegionLevel = z.enum(['province', 'city', 'district', 'county', 'town', 'unknown']);

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PageMetaField = z
  .object({
    key: z.enum(['siteName', 'siteIdCode', 'column', 'articleTitle', 'published', 'contentSource', 'keywords', 'author', 'url', 'description', 'ogTitle', 'title']),
    tag: z.string().describe('where it was read: meta ArticleTitle, meta og:title, title'),
    value: z.string(),
    line: z.number().int().positive(),
  })
  .describe("one field of a web page's own metadata (portal meta tags, Open Graph title, description, <title>)");

export const FieldOrigin = z
  .object({
    from: z.enum(['text', 'page']).describe("text: read from the plan's text; page: from the page's metadata"),
    tag: z.string().nullable().describe('the page field it came from (meta PubDate), null for text'),
    line: z.number().int().positive().nullable().describe('the line it was read on (for text, its metadata cell or the title holding it); null when no one line holds it'),
  })
  .describe('where a metadata value came from');

export const Meta = z.object({
  title: z.string().nullable().describe("the plan's own title, not the notice's"),
  titleLine: z.number().int().positive().nullable(),
  year: z.number().int().nullable().describe('null for template years like 202x'),
  issuer: z.string().nullable(),
  region: z
    .object({ name: z.string(), level: RegionLevel })
    .nullable(),
  docNumber: z.string().nullable().describe('as written, brackets normalised to 〔〕'),
  indexNumber: z.string().nullable(),
  category: z.string().nullable(),
  dates: z.object({
    written: IsoDate.nullable(),
    published: IsoDate.nullable(),
  }),
  notice: Notice.nullable(),
  fields: z.array(MetadataLine).describe('every metadata line found, with its parsed label: value cells'),
  page: z.array(PageMetaField).optional().describe("HTML inputs: the page's own metadata fields, in source order"),
  origins: z
    .object({ title: FieldOrigin.nullable(), year: FieldOrigin.nullable(), issuer: FieldOrigin.nullable(), written: FieldOrigin.nullable(), published: FieldOrigin.nullable() })
    .optional()
    .describe('HTML inputs: where title, year, issuer and dates came from (the text or the page metadata); null where the value is null'),
});

export const Encoding = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'big5']);

export const Source = z.object({
  path: z.string().nullable(),
  encoding: Encoding,
  format: z.enum(['text', 'markdown', 'html']),
  bytes: z.number().int().nonnegative(),
  lines: z.number().int().nonnegative(),
});

export const Plan = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: Source,
    meta: Meta,
    preamble: z.array(Paragraph),
    sections: z.array(Section),
    items: z.array(Item).describe('items outside any section (plans without sections)'),
    closing: z.array(Paragraph),
    boilerplate: z.array(RemovedLine),
    debris: z.array(Debris).describe('mirror-site debris cut out of words, in source order'),
    diagnostics: z.array(Diagnostic),
  })
  .describe('one parsed work plan (工作要点 / 工作计划)');

export type LineRange = z.infer<typeof LineRange>;
export type Severity = z.infer<typeof Severity>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type Comparator = z.infer<typeof Comparator>;
export type TargetKind = z.infer<typeof TargetKind>;
export type TargetPlace = z.infer<typeof TargetPlace>;
export type TargetStatus = z.infer<typeof TargetStatus>;
export type Target = z.infer<typeof Target>;
export type Paragraph = z.infer<typeof Paragraph>;
export type Point = z.infer<typeof Point>;
export type Item = z.infer<typeof Item>;
export type Subsection = z.infer<typeof Subsection>;
export type Section = z.infer<typeof Section>;
export type BoilerplateReason = z.infer<typeof BoilerplateReason>;
export type RemovedLine = z.infer<typeof RemovedLine>;
export type ColumnRange = z.infer<typeof ColumnRange>;
export type Debris = z.infer<typeof Debris>;
export type MetadataField = z.infer<typeof MetadataField>;
export type MetadataLine = z.infer<typeof MetadataLine>;
export type Notice = z.infer<typeof Notice>;
export type RegionLevel = z.infer<typeof RegionLevel>;
export type Meta = z.infer<typeof Meta>;
export type PageMetaField = z.infer<typeof PageMetaField>;
export type FieldOrigin = z.infer<typeof FieldOrigin>;
export type Encoding = z.infer<typeof Encoding>;
export type Source = z.infer<typeof Source>;
export type Plan = z.infer<typeof Plan>;
