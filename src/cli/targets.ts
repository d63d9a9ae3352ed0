// `planparse targets FILES…`: one row per quantitative target, with the
// document and the place in the outline it comes from — the table a
// researcher opens in a spreadsheet to compare what bureaus promised.
// Only commander is loaded up front; parsing, chalk and file expansion load
// when the command runs.
import { Command, Option } from 'commander';
import type { Comparator, Item, Plan, Target } from '../schema.js';
import type { StdinFormat } from '../read.js';
import { commitmentText } from '../commitment.js';

export type TargetsFormat = 'csv' | 'jsonl' | 'table';

/** Which figures to list: commitments (the default), results, or both. */
export type StatusFilter = 'target' | 'achieved' | 'all';

export interface TargetsOptions {
  format: TargetsFormat;
  status?: StatusFilter;
  bom?: boolean;
  /** -o FILE (see table-output.ts: atomic, never over an input, a BOM in a .csv file). */
  output?: string;
  color: boolean;
  stdinFormat?: StdinFormat;
}

/** One target with its document and its place: a row of the CSV, a line of the JSON Lines. */
export interface TargetRow {
  file: string;
  title: string | null;
  issuer: string | null;
  year: number | null;
  section: number | null;
  sectionHeading: string | null;
  subsection: number | null;
  item: number | null;
  itemTitle: string | null;
  point: number | null;
  part: Target['place']['part'];
  text: string;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  comparator: Comparator;
  kind: Target['kind'];
  per: string | null;
  sentence: string;
  sentenceOffset: number;
  line: number;
  status: Target['status'];
  indicator: string | null;
  indicatorKey: string | null;
  direction: 'up' | 'down' | null;
  by: string | null;
  from: number | null;
}

/** CSV columns, in order: header name and row field. */
export const CSV_COLUMNS: ReadonlyArray<[string, keyof TargetRow]> = [
  ['file', 'file'],
  ['title', 'title'],
  ['issuer', 'issuer'],
  ['year', 'year'],
  ['section', 'section'],
  ['section_heading', 'sectionHeading'],
  ['subsection', 'subsection'],
  ['item', 'item'],
  ['item_title', 'itemTitle'],
  ['point', 'point'],
  ['part', 'part'],
  ['text', 'text'],
  ['value', 'value'],
  ['min', 'min'],
  ['max', 'max'],
  ['unit', 'unit'],
  ['comparator', 'comparator'],
  ['kind', 'kind'],
  ['per', 'per'],
  ['sentence', 'sentence'],
  ['sentence_offset', 'sentenceOffset'],
  ['line', 'line'],
  ['status', 'status'],
  ['indicator', 'indicator'],
  ['indicator_key', 'indicatorKey'],
  ['direction', 'direction'],
  ['by', 'by'],
  ['from', 'from'],
];

const HELP = `
Columns (CSV header, JSON Lines keys in camelCase):
  file title issuer year       the document
  section section_heading subsection item item_title point part
                               where the target sits (part: preamble, section,
                               subsection, item, point, closing)
  text                         the target as written, comparator words included
  value | min max unit         the amount (value, or min and max for a range)
  comparator                   eq gte gt lte lt range approx
  kind per                     percent count duration frequency money area age
                               change other; per: the period of a frequency (每天 …)
  sentence sentence_offset line
                               the sentence it sits in, where the text starts
                               in it (0-based; tells apart two targets with the
                               same text in one sentence) and its source line
  status                       target (a commitment) or achieved (a result the
                               text reports as reached); --status chooses
  indicator indicator_key      what the number measures, as written, and its
                               key in the indicator vocabulary (empty: none)
  direction by from            up/down for changes, the deadline as written
                               (年底前, 到2025年), the baseline (从60%提高到66% → 60)

CSV is RFC 4180 (one header line, CRLF line ends, fields quoted when needed);
--bom starts it with a UTF-8 byte order mark so that Excel reads the Chinese
text correctly. The table is for reading in a terminal.

Exit status: 0 every input parsed, 1 some input failed (named on stderr), 2 usage error

Examples:
  $ planparse targets plans/*.txt > targets.csv
  $ planparse targets plans/ --format csv --bom > targets.csv
  $ planparse targets plan.txt --format table
  $ planparse targets 'portals/**/*.txt' --format jsonl | jq .unit
`;

/** The `targets` command, to be added to the program. */
export function targetsCommand(): Command {
  return new Command('targets')
    .description('list the quantitative targets of plan texts, one row per target')
    .argument('<inputs...>', 'plan texts: files, directories, glob patterns, or -')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['csv', 'jsonl', 'table']).default('csv'))
    .addOption(new Option('-s, --status <status>', 'which figures: commitments, results reported as reached, or both').choices(['target', 'achieved', 'all']).default('target'))
    .option('--bom', 'start the CSV with a UTF-8 byte order mark (for Excel)')
    .option('-o, --output <file>', 'write to FILE instead of stdout; a .csv file gets a byte order mark')
    .option('--no-bom', 'no byte order mark, even in a .csv file')
    .addOption(new Option('--stdin-format <format>', 'how to read standard input (-): auto tells a web page or Markdown by its shape').choices(['auto', 'text', 'markdown', 'html']).default('auto'))
    .option('--no-color', 'no colours in the table (also: NO_COLOR=1; never when piped)')
    .option('--color', 'colours even when piped or with NO_COLOR set')
    .addHelpText('after', HELP)
    .action(async (inputs: string[], flags: TargetsOptions) => {
      process.exitCode = await runTargets(inputs, flags);
    });
}

/** Add the `targets` command to a program. */
export function registerTargetsCommand(program: Command): void {
  program.addCommand(targetsCommand());
}

// ---------------------------------------------------------------- rows

interface Located {
  target: Target;
  item: Item | null;
  /** Position in the node's text, to keep an item's own targets and its points' in reading order. */
  order: number;
}

function itemTargets(item: Item): Located[] {
  const out: Located[] = inTextOrder(item.text, item.targets).map(({ target, order }) => ({ target, item, order }));
  let from = 0;
  for (const p of item.points) {
    const at = item.text.indexOf(p.text, from);
    const base = at >= 0 ? at : from;
    if (at >= 0) from = at + p.text.length;
    for (const { target, order } of inTextOrder(p.text, p.targets)) out.push({ target, item, order: base + Math.max(0, order) });
  }
  return out.sort((a, b) => a.target.line - b.target.line || a.order - b.order);
}

/**
 * Where each target sits in a text. Targets come in text order, so each
 * sentence is looked for from the previous one on: searching from the start
 * for every target made a long item quadratic (a 1 MB item took 5 s).
 */
function inTextOrder(text: string, targets: Target[]): Array<{ target: Target; order: number }> {
  let cursor = 0;
  return targets.map((target) => {
    let at = text.indexOf(target.sentence, cursor);
    if (at < 0) at = text.indexOf(target.sentence);
    if (at >= 0) cursor = at;
    return { target, order: at >= 0 ? at + Math.max(0, target.sentence.indexOf(target.text)) : 0 };
  });
}

/** Every target of a plan as a row, in document order. */
export function targetRows(plan: Plan, file: string): TargetRow[] {
  const located: Located[] = [];
  const paragraphs = (ps: Plan['preamble']) => ps.forEach((p) => p.targets.forEach((target) => located.push({ target, item: null, order: 0 })));
  paragraphs(plan.preamble);
  // A loop, not push(...): one item can hold more targets than a call takes arguments.
  const addItem = (it: Item) => {
    for (const l of itemTargets(it)) located.push(l);
  };
  plan.items.forEach(addItem);
  const heading = (targets: Target[] | undefined) => (targets ?? []).forEach((target) => located.push({ target, item: null, order: 0 }));
  for (const s of plan.sections) {
    heading(s.targets);
    paragraphs(s.paragraphs);
    s.items.forEach(addItem);
    for (const sub of s.subsections) {
      heading(sub.targets);
      paragraphs(sub.paragraphs);
      sub.items.forEach(addItem);
    }
  }
  paragraphs(plan.closing);

  const headings = new Map(plan.sections.map((s) => [s.number, s.heading]));
  return located.map(({ target: t, item }) => ({
    file,
    title: plan.meta.title,
    issuer: plan.meta.issuer,
    year: plan.meta.year,
    section: t.place.section,
    sectionHeading: t.place.section === null ? null : headings.get(t.place.section) ?? null,
    subsection: t.place.subsection,
    item: t.place.item,
    itemTitle: item ? item.title ?? item.lead ?? null : null,
    point: t.place.point,
    part: t.place.part,
    text: t.text,
    value: t.value ?? null,
    min: t.min ?? null,
    max: t.max ?? null,
    unit: t.unit,
    comparator: t.comparator,
    kind: t.kind,
    per: t.per ?? null,
    sentence: t.sentence,
    sentenceOffset: t.sentenceOffset,
    line: t.line,
    status: t.status,
    indicator: t.indicator,
    indicatorKey: t.indicatorKey,
    direction: t.direction ?? null,
    by: t.by ?? null,
    from: t.from ?? null,
  }));
}

/** Rows whose status the filter keeps. */
export function byStatus(rows: TargetRow[], status: StatusFilter = 'target'): TargetRow[] {
  return status === 'all' ? rows : rows.filter((r) => r.status === status);
}

// ---------------------------------------------------------------- CSV and JSON Lines

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
 * break; quotes doubled. A text cell that a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return) gets a leading
 * quote mark, as OWASP advises; numbers stay numbers.
 */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return CSV_COLUMNS.map(([name]) => name).join(',') + '\r\n';
}

export function csvRow(row: TargetRow): string {
  return CSV_COLUMNS.map(([, key]) => csvField(row[key])).join(',') + '\r\n';
}

export function jsonlRow(row: TargetRow): string {
  return JSON.stringify(row) + '\n';
}

// ---------------------------------------------------------------- table

/** Columns a character takes in a terminal: East Asian wide and full-width forms take two. */
function charWidth(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
    ? 2
    : 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Cut to `max` columns, with … when cut. */
function fit(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** The amount as `compare` writes it (≈205.31亿元, 每天≥2小时, 1–2所), not as a bare number (≈20531000000 元). */
function amount(r: TargetRow): string {
  return commitmentText({
    value: r.value ?? undefined,
    min: r.min ?? undefined,
    max: r.max ?? undefined,
    unit: r.unit,
    comparator: r.comparator,
    per: r.per ?? undefined,
    direction: r.direction ?? undefined,
    kind: r.kind,
  });
}

function where(r: TargetRow): string {
  if (r.item !== null) return `${r.section !== null ? `${r.section}.` : ''}${r.item}${r.point !== null ? `(${r.point})` : ''}`;
  if (r.section !== null) return `${r.section}${r.subsection !== null ? `.(${r.subsection})` : ''}`;
  return r.part;
}

interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
  yellow(s: string): string;
}

/**
 * A document's targets as an aligned table: place, status, text, amount,
 * kind, indicator; at most `width` columns wide (the indicator column takes
 * what is left, and the heading line cuts the title first).
 */
export function tableFor(rows: TargetRow[], file: string, plan: Pick<Plan, 'meta'>, paint: Paint, width = Infinity): string {
  const facts = [plan.meta.issuer, plan.meta.year].filter((x) => x !== null && x !== undefined).join(' · ');
  const room = width - displayWidth(file) - 2 - (facts ? displayWidth(facts) + 3 : 0);
  const title = fit(plan.meta.title ?? '(untitled)', Math.max(12, room));
  let out = `${paint.bold(facts ? `${title} · ${facts}` : title)}  ${paint.dim(file)}\n`;
  if (rows.length === 0) return out + paint.dim('  no targets') + '\n\n';
  const header = ['place', 'status', 'target', 'amount', 'kind', 'indicator'] as const;
  const firstFive = rows.map((r) => [where(r), r.status, fit(r.text, 28), amount(r), r.kind] as const);
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(displayWidth(header[i]!), ...firstFive.map((c) => displayWidth(c[i]!))));
  // two spaces before each column
  const used = widths.reduce((n, w) => n + w + 2, 0) + 2;
  const indicatorWidth = Math.max(10, Math.min(30, width - used));
  const cells = rows.map((r, i) => [...firstFive[i]!, fit(r.indicator ?? '', indicatorWidth)] as const);
  const line = (c: readonly string[], paintText: (s: string) => string, paintAmount: (s: string) => string, paintItem: (s: string) => string) =>
    `  ${pad(c[0]!, widths[0]!)}  ${pad(c[1]!, widths[1]!)}  ${paintText(pad(c[2]!, widths[2]!))}  ${paintAmount(pad(c[3]!, widths[3]!))}  ${pad(c[4]!, widths[4]!)}  ${paintItem(c[5]!)}`.trimEnd() + '\n';
  out += paint.dim(line(header, (s) => s, (s) => s, (s) => s));
  for (const c of cells) out += line(c, paint.yellow, paint.cyan, paint.dim);
  return out + '\n';
}

// ---------------------------------------------------------------- the command

export async function runTargets(operands: string[], opts: TargetsOptions): Promise<number> {
  const { expandInputs, displayName, recordedName, stdinReadFormat, emptyWarning, PLAN_EXTENSIONS: extensions } = await import('./inputs.js');
  const { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, errorMessage, fsReason } = await import('./messages.js');
  const { readStdin, writeStdout } = await import('./io.js');

  if (opts.bom && opts.format !== 'csv') {
    process.stderr.write('planparse targets: --bom applies to --format csv only\n(planparse targets --help shows the usage)\n');
    return EXIT_USAGE;
  }
  const { inputs, empty } = await expandInputs(operands, extensions);
  for (const e of empty) process.stderr.write(emptyWarning(e, extensions) + '\n');
  if (inputs.length === 0) {
    process.stderr.write('planparse targets: no input files found\n');
    return EXIT_USAGE;
  }

  const { parsePlanBytes, parsePlanFile } = await import('../read.js');
  let paint: Paint | null = null;
  let tableWidth = 100;
  if (opts.format === 'table') {
    const { colourFor } = await import('./ui.js');
    // A table written to a file (-o) holds no escape codes.
    paint = colourFor(process.stdout, opts.color && !opts.output);
    // As wide as the terminal; piped or written to a file, 100 columns (as compare).
    tableWidth = !opts.output && process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 100;
  }

  // A reader closing the pipe early (| head) is handled for every command in bin/.
  let failed = 0;
  let total = 0;
  /** Rows left out by --status, named in the table's last line. */
  let otherStatus = 0;
  const { openTableOutput } = await import('./table-output.js');
  const { statOrNull } = await import('./write.js');
  let out;
  try {
    const inputStats = await Promise.all(inputs.map((i) => (i.kind === 'file' ? statOrNull(i.path) : null)));
    out = await openTableOutput(opts, inputStats.filter((s) => s !== null));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`planparse targets: ${e.message}\n(planparse targets --help shows the usage)\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`planparse: ${opts.output}: cannot write: ${fsReason(e)}\n`);
    return EXIT_FAILED;
  }
  if (opts.format === 'csv') await out.write(csvHeader());
  for (const input of inputs) {
    const name = displayName(input);
    let plan: Plan;
    try {
      plan = input.kind === 'stdin' ? await parsePlanBytes(await readStdin(), null, stdinReadFormat(opts.stdinFormat)) : await parsePlanFile(input.path);
    } catch (e) {
      failed++;
      process.stderr.write(`planparse: ${name}: ${errorMessage(e)}\n`);
      continue;
    }
    // Rows name the file as source.path does, however it was typed.
    const all = targetRows(plan, recordedName(input));
    const rows = byStatus(all, opts.status);
    total += rows.length;
    otherStatus += all.length - rows.length;
    let chunk = '';
    if (opts.format === 'csv') for (const r of rows) chunk += csvRow(r);
    else if (opts.format === 'jsonl') for (const r of rows) chunk += jsonlRow(r);
    else chunk = tableFor(rows, recordedName(input), plan, paint!, tableWidth);
    if (chunk) await out.write(chunk);
  }
  if (opts.format === 'table') {
    const files = inputs.length - failed;
    // The converter's summary counts every figure; say why this count is smaller.
    const notListed = otherStatus === 0 ? '' : opts.status === 'achieved'
      ? `; ${otherStatus} commitment${otherStatus === 1 ? '' : 's'} not listed (--status all)`
      : `; ${otherStatus} achieved figure${otherStatus === 1 ? '' : 's'} not listed (--status all)`;
    await out.write(`${total} ${opts.status === 'achieved' ? 'achieved figure' : 'target'}${total === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${notListed}\n`);
  }
  try {
    await out.commit();
  } catch (e) {
    await out.discard();
    process.stderr.write(`planparse: ${opts.output}: cannot write: ${fsReason(e)}\n`);
    return EXIT_FAILED;
  }
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}
