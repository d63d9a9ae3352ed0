// `planparse compare FILES…`: indicators (rows) × plans (columns), each cell
// the commitment as a reader writes it. Only commander is loaded up front;
// parsing and file expansion load when the command runs.
import { editDistance } from './edit-distance.js';
import { Command, Option } from 'commander';
import type { Comparison } from '../compare.js';

export type CompareFormat = 'table' | 'csv' | 'md' | 'jsonl';

export interface CompareFlags {
  format: CompareFormat;
  status: 'target' | 'achieved' | 'all';
  indicator?: string[];
  bom?: boolean;
  /** -o FILE (see table-output.ts: atomic, never over an input, a BOM in a .csv file). */
  output?: string;
  color: boolean;
  stdinFormat?: 'auto' | 'text' | 'markdown' | 'html';
}

const HELP = `
Rows are indicators: a key of the indicator vocabulary (src/vocabulary/
indicators.json in the package, e.g. public_kindergarten_share), or, when no
key fits, the indicator as the plan writes it. Commitments that name no
indicator cannot be lined up and are left out; how many is said below the
table, or on stderr for the other formats (planparse targets lists them).
Columns are plans: issuer, year and file in CSV and Markdown; issuer and
year in the table, with the file name where two plans share them. A cell is the plan's commitment as a reader writes it: ≥66%, 3–5个,
每天≥2小时, +5个百分点; several commitments are joined with "; ".

Formats:
  table   aligned, for a terminal (the default): as wide as the terminal (100
          columns when piped); plans that do not fit side by side are paged,
          and a cell too long for its column is cut with … (the others are whole)
  csv     one row per indicator, one column per plan (RFC 4180; written to a
          .csv file with -o it starts with a byte order mark, for Excel;
          --no-bom leaves it out, --bom adds it on stdout)
  md      a Markdown table
  jsonl   long form: one line per plan × indicator, for DuckDB or pandas

Exit status: 0 every input parsed, 1 some input failed (named on stderr), 2 usage error

Examples:
  $ planparse compare plans/ --format table
  $ planparse compare 'plans/**/*.txt' --indicator public_kindergarten_share --format csv -o kindergartens.csv
  $ planparse compare a.txt b.txt --format jsonl | duckdb -c "select * from read_json_auto('/dev/stdin')"
`;

function collect(value: string, previous: string[] = []): string[] {
  return previous.concat(value.split(',').map((v) => v.trim()).filter(Boolean));
}

/** The `compare` command, to be added to the program. */
export function compareCommand(): Command {
  return new Command('compare')
    .description('line up the commitments of several plans by indicator: indicators × plans')
    .argument('<inputs...>', 'plan texts: files, directories, glob patterns, or -')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'md', 'jsonl']).default('table'))
    .addOption(new Option('-s, --status <status>', 'which figures: commitments, results reported as reached, or both').choices(['target', 'achieved', 'all']).default('target'))
    .option('-i, --indicator <key>', 'only this vocabulary key (repeat, or separate with commas)', collect)
    .option('--bom', 'start the CSV with a UTF-8 byte order mark (for Excel)')
    .option('-o, --output <file>', 'write to FILE instead of stdout; a .csv file gets a byte order mark')
    .option('--no-bom', 'no byte order mark, even in a .csv file')
    .addOption(new Option('--stdin-format <format>', 'how to read standard input (-): auto tells a web page or Markdown by its shape; files are read by extension').choices(['auto', 'text', 'markdown', 'html']).default('auto'))
    .option('--no-color', 'no colours in the table (also: NO_COLOR=1; never when piped)')
    .option('--color', 'colours even when piped or with NO_COLOR set')
    .addHelpText('after', HELP)
    .action(async (inputs: string[], flags: CompareFlags) => {
      process.exitCode = await runCompare(inputs, flags);
    });
}

// ---------------------------------------------------------------- renderers

/** The comparison as CSV: indicator_key, indicator, then one column per plan. */
export async function compareCsv(c: Comparison): Promise<string> {
  const { csvField } = await import('./targets.js');
  const { cellText, planHeading } = await import('../compare.js');
  const line = (cells: Array<string | null>) => cells.map(csvField).join(',') + '\r\n';
  let out = line(['indicator_key', 'indicator', ...c.plans.map(planHeading)]);
  for (const r of c.rows) out += line([r.key, r.name, ...r.cells.map(cellText)]);
  return out;
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The comparison as a Markdown table. */
export async function compareMarkdown(c: Comparison): Promise<string> {
  const { cellText, planHeading } = await import('../compare.js');
  const row = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |\n`;
  let out = row(['indicator', 'key', ...c.plans.map(planHeading)]);
  out += row(['---', '---', ...c.plans.map(() => '---')]);
  for (const r of c.rows) out += row([r.name, r.key ?? '', ...r.cells.map(cellText)]);
  return out;
}

interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
}

/** Widest a plan's column may be in the table; a longer cell is cut with … (CSV, Markdown and JSON Lines keep it whole). */
const PLAN_COLUMN_MAX = 22;
/** Widest the indicator column may be. */
const INDICATOR_COLUMN_MAX = 24;
const GAP = 2;

/**
 * The comparison as an aligned terminal table, at most `width` columns wide.
 * At corpus scale (dozens of plans) one table would be hundreds of columns
 * wide, so the plans are paged: as many plan columns as fit side by side,
 * then the next plans under them, each block with the indicator column again
 * and only the indicators some plan of the block sets.
 */
export async function compareTable(c: Comparison, paint: Paint, width = 100): Promise<string> {
  const { displayWidth } = await import('./targets.js');
  const { cellText } = await import('../compare.js');
  let cut = false;
  const fit = (s: string, max: number) => {
    if (displayWidth(s) <= max) return s;
    cut = true;
    let out = '';
    for (const ch of s) {
      if (displayWidth(out + ch) > max - 1) break;
      out += ch;
    }
    return out + '…';
  };
  // plan labels of one region share their start (平潭综合实验区…): keep their end, where the bureau and the year are
  const fitEnd = (s: string, max: number) => {
    if (displayWidth(s) <= max) return s;
    const chars = [...s];
    let out = '';
    for (let i = chars.length - 1; i >= 0; i--) {
      if (displayWidth(chars[i] + out) > max - 1) break;
      out = chars[i] + out;
    }
    return '…' + out;
  };
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  // a terminal is narrow: plans without any commitment here are named below instead of taking a column
  const shown = c.plans.map((_, i) => c.rows.some((r) => r.cells[i]!.length > 0));
  const columns = c.plans.map((p, i) => ({ plan: p, index: i })).filter((col) => shown[col.index]);
  // two plans of one bureau and year: their file names tell the columns apart
  const shared = (label: string) => columns.filter((col) => col.plan.label === label).length > 1;
  const heading = (p: Comparison['plans'][number]) => (shared(p.label) ? `${p.label} (${p.file.split(/[\\/]/).pop()})` : p.label);
  const indicatorWidth = Math.min(INDICATOR_COLUMN_MAX, Math.max(displayWidth('indicator'), ...c.rows.map((r) => displayWidth(r.name))));
  // a plan column is as wide as its widest cell or heading, within bounds; on a very narrow terminal, what is left beside the indicators
  const planMax = Math.max(6, Math.min(PLAN_COLUMN_MAX, width - indicatorWidth - GAP));
  const sized = columns.map((col) => {
    const natural = Math.max(displayWidth(heading(col.plan)), ...c.rows.map((r) => displayWidth(cellText(r.cells[col.index]!))));
    return { ...col, width: Math.min(planMax, natural) };
  });
  // pages of plans: as many columns as fit beside the indicator column
  const pages: (typeof sized)[] = [];
  let used = indicatorWidth;
  for (const col of sized) {
    const page = pages[pages.length - 1];
    if (page && used + GAP + col.width <= width) {
      page.push(col);
      used += GAP + col.width;
    } else {
      pages.push([col]);
      used = indicatorWidth + GAP + col.width;
    }
  }
  const line = (cells: string[], widths: number[], first: (s: string) => string, rest: (s: string) => string) =>
    cells.map((x, i) => (i === 0 ? first(pad(x, widths[i]!)) : rest(pad(x, widths[i]!)))).join(' '.repeat(GAP)).trimEnd() + '\n';
  let out = '';
  let first = 0;
  pages.forEach((page, p) => {
    const widths = [indicatorWidth, ...page.map((col) => col.width)];
    if (pages.length > 1) {
      const last = first + page.length;
      out += (p > 0 ? '\n' : '') + paint.dim(`plans ${first + 1}${page.length > 1 ? `–${last}` : ''} of ${columns.length}`) + '\n';
      first = last;
    }
    out += paint.bold(line(['indicator', ...page.map((col) => fitEnd(heading(col.plan), col.width))], widths, (s) => s, (s) => s));
    for (const r of c.rows) {
      if (!page.some((col) => r.cells[col.index]!.length > 0)) continue;
      out += line([fit(r.name, indicatorWidth), ...page.map((col) => fit(cellText(r.cells[col.index]!), col.width))], widths, (s) => s, paint.cyan);
    }
  });
  const keyed = c.rows.filter((r) => r.key !== null).length;
  const leftOut = c.unnamed > 0 ? `; ${c.unnamed} ${commitmentWord(c.unnamed)} naming no indicator left out` : '';
  // the notes below the table wrap at the width, as the table keeps to it
  const note = (text: string) => wrapWords(text, width, displayWidth).map((l) => paint.dim(l) + '\n').join('');
  if (pages.length > 1) out += '\n';
  out += note(`${c.rows.length} indicator${c.rows.length === 1 ? '' : 's'} (${keyed} in the vocabulary) in ${c.plans.length} plan${c.plans.length === 1 ? '' : 's'}${leftOut}`);
  if (cut) out += note('… marks a cell or name cut to fit: --format csv, md or jsonl give them whole');
  const without = c.plans.filter((_, i) => !shown[i]);
  if (without.length > 0) {
    const files = without.map((p) => p.file).join(', ');
    // none anywhere: the list would be every input again
    if (without.length === c.plans.length && without.length > 1) out += note(`no commitment found in any of the ${without.length} plans`);
    else out += note(without.length === 1 ? `no commitment found in: ${files}` : `no commitment found in ${without.length} plans: ${files}`);
  }
  return out;
}

/** Text broken at spaces into lines of at most `width` columns, the lines after the first indented; a longer word stands alone. */
export function wrapWords(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (measure(line) + 1 + measure(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = `  ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Vocabulary keys a mistyped or partial key may mean: those holding it or
 * held by it (kindergarten_share → public_kindergarten_share), else those a
 * few edits away (pubilc_kindergarten_share); at most three.
 */
export function similarKeys(wanted: string, keys: readonly string[]): string[] {
  const w = wanted.toLowerCase().replace(/[-\s]+/g, '_');
  if (w.length < 3) return [];
  const containing = keys.filter((k) => k.includes(w) || (w.includes(k) && k.length >= 4));
  if (containing.length) return containing.slice(0, 3);
  const near = keys
    .map((k) => ({ k, d: editDistance(w, k) }))
    .filter(({ k, d }) => d <= Math.max(2, Math.floor(k.length / 6)))
    .sort((a, b) => a.d - b.d);
  return near.slice(0, 3).map(({ k }) => k);
}

function commitmentWord(n: number): string {
  return n === 1 ? 'commitment' : 'commitments';
}

// ---------------------------------------------------------------- the command

export async function runCompare(operands: string[], flags: CompareFlags): Promise<number> {
  const { expandInputs, displayName, recordedName, stdinReadFormat, emptyWarning, PLAN_EXTENSIONS: extensions } = await import('./inputs.js');
  const { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, errorMessage, fsReason } = await import('./messages.js');
  const { readStdin } = await import('./io.js');
  const { indicatorByKey } = await import('../vocabulary.js');

  if (flags.bom && flags.format !== 'csv') {
    process.stderr.write('planparse compare: --bom applies to --format csv only\n(planparse compare --help shows the usage)\n');
    return EXIT_USAGE;
  }
  const unknown = (flags.indicator ?? []).filter((k) => indicatorByKey(k) === undefined);
  if (unknown.length > 0) {
    const { INDICATORS } = await import('../vocabulary.js');
    const keys = INDICATORS.map((e) => e.key);
    const hints = unknown.map((k) => similarKeys(k, keys)).flat();
    const hint = hints.length ? `; did you mean ${[...new Set(hints)].join(', ')}?` : '';
    process.stderr.write(`planparse compare: unknown indicator key ${unknown.join(', ')}${hint} (the keys are listed in src/vocabulary/indicators.json, shipped as planparse/indicators.json)\n`);
    return EXIT_USAGE;
  }
  const { inputs, empty } = await expandInputs(operands, extensions);
  for (const e of empty) process.stderr.write(emptyWarning(e, extensions) + '\n');
  if (inputs.length === 0) {
    process.stderr.write('planparse compare: no input files found\n');
    return EXIT_USAGE;
  }

  const { parsePlanBytes, parsePlanFile } = await import('../read.js');
  const { comparePlans, longForm } = await import('../compare.js');
  const parsed: Array<{ file: string; plan: Awaited<ReturnType<typeof parsePlanFile>> }> = [];
  let failed = 0;
  for (const input of inputs) {
    const name = displayName(input);
    try {
      const plan = input.kind === 'stdin' ? await parsePlanBytes(await readStdin(), null, stdinReadFormat(flags.stdinFormat)) : await parsePlanFile(input.path);
      // A column names its file as source.path does, however it was typed.
      parsed.push({ file: recordedName(input), plan });
    } catch (e) {
      failed++;
      process.stderr.write(`planparse: ${name}: ${errorMessage(e)}\n`);
    }
  }
  // Every input failed (each named above): an empty table would only hide that.
  if (parsed.length === 0) return EXIT_FAILED;
  const comparison = comparePlans(parsed, { status: flags.status, indicators: flags.indicator ?? [] });
  let text: string;
  if (flags.format === 'csv') text = await compareCsv(comparison);
  else if (flags.format === 'md') text = await compareMarkdown(comparison);
  else if (flags.format === 'jsonl') text = longForm(comparison).map((r) => JSON.stringify(r) + '\n').join('');
  else {
    const { colourFor } = await import('./ui.js');
    // A table written to a file (-o) holds no escape codes.
    // As wide as the terminal; piped or written to a file, 100 columns.
    const width = !flags.output && process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 100;
    text = await compareTable(comparison, colourFor(process.stdout, flags.color && !flags.output), width);
  }
  // The table says it below itself; a CSV, Markdown or JSON Lines reader gets data only, so stderr says it.
  if (comparison.unnamed > 0 && flags.format !== 'table') {
    const n = comparison.unnamed;
    process.stderr.write(`planparse compare: ${n} ${commitmentWord(n)} ${n === 1 ? 'names' : 'name'} no indicator and ${n === 1 ? 'is' : 'are'} left out (planparse targets lists them)\n`);
  }
  // The parsed plans are read before the output opens, so a failure to write leaves no half file.
  const { openTableOutput } = await import('./table-output.js');
  const { statOrNull } = await import('./write.js');
  try {
    const inputStats = await Promise.all(inputs.map((i) => (i.kind === 'file' ? statOrNull(i.path) : null)));
    const out = await openTableOutput(flags, inputStats.filter((s) => s !== null));
    try {
      if (text) await out.write(text);
      await out.commit();
    } catch (e) {
      await out.discard();
      throw e;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`planparse compare: ${e.message}\n(planparse compare --help shows the usage)\n`);
      return EXIT_USAGE;
    }
    // A reader closing standard output early (| head) is handled for every command in bin/.
    if (flags.output === undefined) throw e;
    process.stderr.write(`planparse: ${flags.output}: cannot write: ${fsReason(e)}\n`);
    return EXIT_FAILED;
  }
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}
