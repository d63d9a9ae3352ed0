// What humans see on stderr: colours (only for a terminal, never with
// NO_COLOR or --no-color, always with --color), a progress bar (only when
// stderr is a terminal), and the closing summary.
import { Chalk, type ChalkInstance } from 'chalk';

/** `--color` on the command line: colours even when piped, whatever NO_COLOR says. */
let colourForced = false;

export function forceColour(): void {
  colourForced = true;
}

function terminalLevel(stream: NodeJS.WriteStream): 1 | 2 | 3 {
  return stream.hasColors?.(2 ** 24) ? 3 : stream.hasColors?.(256) ? 2 : 1;
}

/**
 * The colours for one stream. `wanted` is false with --no-color. An empty
 * NO_COLOR does not count as set (no-color.org); an explicit --color beats
 * the environment, as a command-line flag should.
 */
export function colourFor(stream: NodeJS.WriteStream, wanted: boolean): ChalkInstance {
  const env = process.env;
  let level: 0 | 1 | 2 | 3 = 0;
  if (colourForced && wanted) level = stream.isTTY ? terminalLevel(stream) : 1;
  else if (wanted && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '')) {
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') level = 1;
    else if (stream.isTTY && env.TERM !== 'dumb') level = terminalLevel(stream);
  }
  return new Chalk({ level });
}

/**
 * Colours inside data (JSON keys on stdout): only for a terminal or an
 * explicit --color. FORCE_COLOR, often set for a whole CI job, must not put
 * escape codes into JSON that a program reads from a pipe.
 */
export function dataColour(stream: NodeJS.WriteStream, wanted: boolean): ChalkInstance {
  return stream.isTTY || colourForced ? colourFor(stream, wanted) : new Chalk({ level: 0 });
}

/** JSON is indented by default only where a person reads it: a terminal, not a file or a pipe. */
export function prettyByDefault(o: { output?: string; outDir?: string }): boolean {
  return process.stdout.isTTY === true && !o.output && !o.outDir;
}

/** Lines on stderr that share the terminal with a progress bar. */
export class StatusLine {
  /** What the terminal shows now, and the bar to redraw after a message. */
  private shown = '';
  private bar = '';
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  /** Print a message line, keeping the bar below it. */
  log(line: string): void {
    this.clear();
    this.stream.write(line + '\n');
    if (this.enabled && this.bar) this.draw(this.bar);
  }

  progress(done: number, total: number, failed: number, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 80 && done < total) return;
    this.lastDraw = now;
    const columns = this.stream.columns || 80;
    const counts = ` ${done}/${total} files${failed ? `, ${failed} failed` : ''}`;
    const width = Math.max(10, Math.min(40, columns - counts.length - 4));
    const filled = total === 0 ? width : Math.round((done / total) * width);
    this.bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${counts}`;
    this.draw(this.bar);
  }

  private draw(bar: string): void {
    this.stream.write(`\r\x1b[K${bar}`);
    this.shown = bar;
  }

  clear(): void {
    if (this.shown) {
      this.stream.write('\r\x1b[K');
      this.shown = '';
    }
  }

  /** Remove the bar for good (end of batch). */
  done(): void {
    this.clear();
    this.bar = '';
  }
}

export interface BatchStats {
  files: number;
  converted: number;
  skipped: number;
  failed: number;
  sections: number;
  items: number;
  targets: number;
  /** Of the targets, figures reported as achieved. */
  achieved: number;
  warnings: number;
  /** How often each warning (and error) code occurred, in order of first sight. */
  warningCodes: Map<string, number>;
  startedAt: number;
}

export function newStats(files: number): BatchStats {
  return { files, converted: 0, skipped: 0, failed: 0, sections: 0, items: 0, targets: 0, achieved: 0, warnings: 0, warningCodes: new Map(), startedAt: performance.now() };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Count the codes of the diagnostics a summary speaks of (warnings and errors, not infos). */
export function tallyCodes(codes: Map<string, number>, diagnostics: readonly { severity: string; code: string }[]): void {
  for (const d of diagnostics) if (d.severity !== 'info') codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
}

/** `item-number-inferred ×3, item-number-gap ×1`: most frequent first, ties in order of first sight. */
export function formatCodes(codes: ReadonlyMap<string, number>): string {
  return [...codes].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ×${n}`).join(', ');
}

/**
 * The line a terminal user sees after converting one file with warnings:
 * `planparse: 3 warnings (item-number-inferred ×3) — planparse check FILE shows them`.
 */
export function formatWarningHint(count: number, codes: ReadonlyMap<string, number>, file: string, c: ChalkInstance): string {
  const which = codes.size ? ` (${formatCodes(codes)})` : '';
  const shown = file === '<stdin>' ? 'planparse check - shows them' : `planparse check ${shellWord(file)} shows them`;
  return `planparse: ${c.yellow(plural(count, 'warning'))}${which} — ${shown}`;
}

/** A path as it can be pasted back into a POSIX shell. */
export function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * One line: what was done, what failed, what the outputs hold (up-to-date
 * ones included, from the freshness record), how long it took.
 */
export function formatSummary(s: BatchStats, c: ChalkInstance, interrupted = false): string {
  const done = s.converted + s.skipped + s.failed;
  const head = interrupted
    ? c.yellow(`interrupted after ${done} of ${plural(s.files, 'file')}`)
    : plural(s.files, 'file');
  // "0 converted" beside "50 up to date" reads as if nothing happened: a re-run says only what it found.
  const outcome = [
    ...(s.converted || !s.skipped ? [`${s.converted} converted`] : []),
    ...(s.skipped ? [`${s.skipped} up to date`] : []),
    s.failed ? c.red(`${s.failed} failed`) : '0 failed',
  ].join(', ');
  const content = [
    plural(s.sections, 'section'),
    plural(s.items, 'item'),
    // planparse targets lists commitments only by default: say how many of these are results.
    plural(s.targets, 'target') + (s.achieved ? ` (${s.achieved} reported as achieved)` : ''),
    s.warnings ? c.yellow(plural(s.warnings, 'warning')) + (s.warningCodes.size ? ` (${formatCodes(s.warningCodes)})` : '') : '0 warnings',
  ].join(', ');
  return `planparse: ${head}: ${outcome}; ${content}; ${formatElapsed(performance.now() - s.startedAt)}`;
}
