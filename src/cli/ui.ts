// What humans see on stderr: colours (only for a terminal, never with
// NO_COLOR or --no-color), a progress bar (only when stderr is a terminal),
// and the closing summary.
import { Chalk, type ChalkInstance } from 'chalk';

export function colourFor(stream: NodeJS.WriteStream, wanted: boolean): ChalkInstance {
  const env = process.env;
  let level: 0 | 1 | 2 | 3 = 0;
  if (wanted && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '')) {
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') level = 1;
    else if (stream.isTTY && env.TERM !== 'dumb') level = stream.hasColors?.(2 ** 24) ? 3 : stream.hasColors?.(256) ? 2 : 1;
  }
  return new Chalk({ level });
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
  warnings: number;
  startedAt: number;
}

export function newStats(files: number): BatchStats {
  return { files, converted: 0, skipped: 0, failed: 0, sections: 0, items: 0, targets: 0, warnings: 0, startedAt: performance.now() };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** One line: what was done, what failed, how long it took. */
export function formatSummary(s: BatchStats, c: ChalkInstance, interrupted = false): string {
  const done = s.converted + s.skipped + s.failed;
  const head = interrupted
    ? c.yellow(`interrupted after ${done} of ${plural(s.files, 'file')}`)
    : plural(s.files, 'file');
  const outcome = [
    `${s.converted} converted`,
    ...(s.skipped ? [`${s.skipped} up to date`] : []),
    s.failed ? c.red(`${s.failed} failed`) : '0 failed',
  ].join(', ');
  const content = [
    plural(s.sections, 'section'),
    plural(s.items, 'item'),
    plural(s.targets, 'target'),
    s.warnings ? c.yellow(plural(s.warnings, 'warning')) : '0 warnings',
  ].join(', ');
  return `planparse: ${head}: ${outcome}; ${content}; ${formatElapsed(performance.now() - s.startedAt)}`;
}
