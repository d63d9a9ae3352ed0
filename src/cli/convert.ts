// The main command: convert plan texts to JSON (or JSON Lines, or a Markdown
// outline). One input goes to stdout or -o FILE; a batch goes to --out-dir
// (one file per input, relative paths mirrored) or to one JSON Lines stream.
// A bad file is reported and counted, never the end of the batch.
import { availableParallelism } from 'node:os';
import { readFile, realpath, mkdir, access, constants as fsConstants } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Stats } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import { expandInputs, displayName, emptyWarning, printablePath, recordedPath, stdinReadFormat, PLAN_EXTENSIONS, type Input } from './inputs.js';
import type { StdinFormat } from '../read.js';
import { makeExecutor, runOrdered, signalsHandled, type Executor } from './runner.js';
import type { Task, TaskResult } from './task.js';
import { AtomicStream, OutputRefused, writeReason, removeTempFilesSync, resolveOutput, sameFile, statOrNull, writeOutput, type OutputTarget } from './write.js';
import type { FreshnessCache, StoredCounts } from './freshness.js';
import { colourFor, dataColour, formatSummary, formatWarningHint, newStats, plural, prettyByDefault, StatusLine, tallyCodes, type BatchStats } from './ui.js';
import { highlightJsonKeys } from './highlight.js';
import { findingLine } from './reporters.js';
import { concatPieces, matchedUpTo, readStdin, writeStdout } from './io.js';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UsageError, errorMessage, fsReason } from './messages.js';

export type OutputFormat = 'json' | 'jsonl' | 'md';

export interface ConvertOptions {
  output?: string;
  outDir?: string;
  jsonl?: boolean;
  format?: OutputFormat;
  pretty?: boolean;
  jobs?: number;
  force?: boolean;
  strict?: boolean;
  quiet?: boolean;
  color: boolean;
  progress: boolean;
  stdinFormat?: StdinFormat;
  /** Compare with the existing outputs, write nothing; exit 1 when any would change. */
  check?: boolean;
  /** Refuse inputs larger than this many bytes. */
  maxSize?: number;
  /** gitignore-style patterns: inputs to leave out. */
  ignore?: string[];
  /** Labels of the Markdown report. */
  lang?: 'zh' | 'en';
}

export interface CliEnv {
  /** dist/worker.js, resolved by the entry module (chunks live elsewhere). */
  workerUrl: URL;
}

interface Job {
  input: Input;
  display: string;
  inputStat: Stats | null;
  /** File to write (--out-dir, or -o for one input); null: stdout or the JSON Lines stream. */
  out: string | null;
  /** What source.path records: the input's path normalised (null for standard input). */
  source: string | null;
}

type Outcome =
  | { kind: 'result'; result: TaskResult; target: OutputTarget | null }
  | { kind: 'skipped'; counts: StoredCounts }
  | { kind: 'failed'; name: string; message: string };

export function defaultJobs(): number {
  return availableParallelism();
}

/** More threads than cores only add memory (--jobs 1000 took 4 GB): the pool is capped at the core count. */
export function cappedJobs(wanted: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(wanted, cores));
}

/** `a/b/plan.txt` → `a/b/plan.json`; a relative path that escapes its base keeps only its name. */
export function outputRelPath(rel: string, ext: string): string {
  const safe = rel === '' || isAbsolute(rel) || rel.split(/[\\/]/).includes('..') ? rel.split(/[\\/]/).pop() || 'stdin' : rel;
  const current = extname(safe);
  return (current ? safe.slice(0, -current.length) : safe) + ext;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Add one output's contents to the batch totals. */
function addCounts(stats: BatchStats, counts: StoredCounts): void {
  stats.sections += counts.sections;
  stats.items += counts.items;
  stats.targets += counts.targets;
  stats.achieved += counts.achieved;
  stats.warnings += counts.warnings;
  for (const [code, n] of Object.entries(counts.codes)) stats.warningCodes.set(code, (stats.warningCodes.get(code) ?? 0) + n);
}

/**
 * Whether two JSON documents differ only in source.path: the outputs were
 * made from another folder (source.path is relative to the working directory).
 */
export function differsOnlyInSourcePath(existing: string, made: string): boolean {
  try {
    const a = JSON.parse(existing) as { source?: { path?: unknown } };
    const b = JSON.parse(made) as { source?: { path?: unknown } };
    if (!a?.source || !b?.source || a.source.path === b.source.path) return false;
    a.source.path = b.source.path;
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** What --check adds when some outputs differ only in the path they record. */
export function sourcePathNote(only: number, changed: number): string {
  const which = only === changed ? (only === 1 ? 'it differs' : `all ${only} differ`) : `${only} of them differ`;
  return `${which} only in source.path, which is the input's path relative to the folder planparse runs in: run it from the folder the outputs were made in`;
}

export async function runConvert(operands: string[], opts: ConvertOptions, env: CliEnv): Promise<number> {
  const c = colourFor(process.stderr, opts.color);
  // Signals are caught from the start, so every path (one file to stdout
  // included) exits 130/143 with nothing half-written.
  const run: RunState = { stopped: false, executor: null, stats: null, ui: null, quiet: opts.quiet === true, c };
  const interrupt = (signal: NodeJS.Signals) => interruptRun(run, signal);
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    return await convert(operands, opts, env, run);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`planparse: ${e.message}\n(planparse --help shows the usage)\n`);
      return EXIT_USAGE;
    }
    throw e;
  } finally {
    // A signal that came during the last synchronous write still counts.
    await signalsHandled();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

interface RunState {
  stopped: boolean;
  executor: Executor | null;
  stats: BatchStats | null;
  ui: StatusLine | null;
  quiet: boolean;
  c: ChalkInstance;
}

function interruptRun(run: RunState, signal: NodeJS.Signals): void {
  run.stopped = true;
  run.executor?.stop();
  removeTempFilesSync();
  run.ui?.done();
  if (!run.quiet && run.stats) process.stderr.write(formatSummary(run.stats, run.c, true) + '\n');
  process.exit(signal === 'SIGINT' ? EXIT_INTERRUPTED : 128 + 15);
}

/**
 * A bad --out-dir is a usage error before anything is parsed: a regular file,
 * a place that cannot be made or written. It is made when missing (not by --check).
 */
async function prepareOutDir(outDir: string, check: boolean): Promise<void> {
  const st = await statOrNull(outDir);
  if (st && !st.isDirectory()) throw new UsageError(`--out-dir ${outDir}: not a directory`);
  if (!st) {
    if (check) return;
    try {
      await mkdir(outDir, { recursive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`--out-dir ${outDir}: cannot create it: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'a parent is not a directory' : fsReason(e)}`);
    }
    return;
  }
  if (check) return;
  try {
    await access(outDir, fsConstants.W_OK);
  } catch (e) {
    throw new UsageError(`--out-dir ${outDir}: cannot write there: ${fsReason(e)}`);
  }
}

/** The resolved, link-free path (or the absolute one when it does not exist). */
async function realOrResolved(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

async function convert(operands: string[], opts: ConvertOptions, env: CliEnv, run: RunState): Promise<number> {
  const c = run.c;
  if (opts.jsonl && opts.format && opts.format !== 'jsonl') throw new UsageError(`--jsonl contradicts --format ${opts.format}`);
  const format: OutputFormat = opts.jsonl ? 'jsonl' : (opts.format ?? 'json');
  if (opts.output && opts.outDir) throw new UsageError('-o/--output and --out-dir cannot be used together');
  if (format === 'jsonl' && opts.outDir) throw new UsageError('JSON Lines is one stream: write it to standard output or -o FILE, not --out-dir');
  if (operands.length === 0) throw new UsageError('no input: give files, directories, glob patterns, or - for standard input');
  const checking = opts.check === true;
  if (checking && !opts.outDir && !opts.output) throw new UsageError('--check compares with existing outputs: give --out-dir DIR or -o FILE');
  const note = (line: string) => {
    if (!opts.quiet) process.stderr.write(`planparse: ${line}\n`);
  };
  let jobsWanted = opts.jobs ?? defaultJobs();
  if (jobsWanted > cappedJobs(jobsWanted)) {
    note(`--jobs ${jobsWanted}: this machine has ${cappedJobs(jobsWanted)} cores, using ${cappedJobs(jobsWanted)}`);
    jobsWanted = cappedJobs(jobsWanted);
  }
  const expanded = await expandInputs(operands, PLAN_EXTENSIONS, { ignore: opts.ignore ?? [] });
  for (const e of expanded.empty) process.stderr.write(emptyWarning(e, PLAN_EXTENSIONS) + '\n');
  for (const n of expanded.notes) note(printablePath(n));
  let inputs = expanded.inputs;
  if (opts.outDir) {
    // Outputs of an earlier run found inside the input tree are not new
    // inputs; a file named on the command line always is.
    const outAbs = resolve(opts.outDir);
    const outReal = await realOrResolved(opts.outDir);
    const under = await Promise.all(
      inputs.map(async (i) => {
        if (i.kind !== 'file' || i.named) return false;
        const abs = resolve(i.path);
        return isInside(abs, outAbs) || isInside(abs, outReal) || isInside(await realOrResolved(i.path), outReal);
      }),
    );
    const skipped = under.filter(Boolean).length;
    if (skipped > 0) note(`${skipped} file${skipped === 1 ? '' : 's'} found under the output folder ${printablePath(opts.outDir)} not taken as input${skipped === 1 ? '' : 's'}`);
    inputs = inputs.filter((_, i) => !under[i]);
  }
  if (inputs.length === 0) throw new UsageError('no input files found');
  const batch = expanded.batch;
  // A Markdown batch without --out-dir is one combined report, like JSON Lines.
  const oneStream = format === 'jsonl' || format === 'md';
  if (batch && !oneStream && !opts.outDir) {
    // Say what made it a batch: a folder or a pattern is one even when it matches one file.
    const named = operands.filter((o) => !(o.startsWith('!') && o.length > 1));
    const what = named.length === 1 ? `${printablePath(named[0]!)} is a batch (${plural(inputs.length, 'file')})` : `${plural(inputs.length, 'input')}`;
    throw new UsageError(`${what}: use --out-dir DIR (one .${format} file per input), --jsonl (one JSON line per input) or --format md (one Markdown report)`);
  }
  if (batch && opts.output && !oneStream) throw new UsageError('-o/--output takes one input (or --jsonl); use --out-dir for several');
  // After every other usage check (nothing is made for a command that fails
  // them), before anything is parsed.
  if (opts.outDir) await prepareOutDir(opts.outDir, checking);

  const inputStats = await Promise.all(inputs.map((i) => (i.kind === 'file' ? (i.stats ? Promise.resolve(i.stats) : statOrNull(i.path)) : Promise.resolve(null))));
  const allInputStats = inputStats.filter((s): s is Stats => s !== null);
  const isAnInput = (st: Stats | null) => st !== null && allInputStats.some((s) => sameFile(s, st));
  const ext = format === 'md' ? '.md' : '.json';
  const jobs: Job[] = inputs.map((input, i) => ({
    input,
    display: displayName(input),
    inputStat: inputStats[i] ?? null,
    out: opts.outDir ? join(opts.outDir, outputRelPath(input.rel, ext)) : !(oneStream && batch) && opts.output ? opts.output : null,
    source: input.kind === 'file' ? recordedPath(input.path) : null,
  }));

  if (opts.outDir) {
    // x.txt and x.html (a scraper keeps both): the outputs keep the inputs' extensions, x.txt.json and x.html.json.
    const byOut = new Map<string, Job[]>();
    for (const job of jobs) byOut.set(resolve(job.out!), [...(byOut.get(resolve(job.out!)) ?? []), job]);
    for (const same of byOut.values()) {
      if (same.length < 2 || new Set(same.map((j) => extname(j.input.rel))).size !== same.length) continue;
      // (outputRelPath drops the last extension: a placeholder one keeps the real one)
      for (const job of same) job.out = join(opts.outDir, outputRelPath(`${job.input.rel}.keep`, ext));
      note(`${same.map((j) => j.display).join(' and ')} share a name: written as ${same.map((j) => printablePath(j.out!)).join(' and ')}`);
    }
    const claimed = new Map<string, string>();
    for (const job of jobs) {
      const key = resolve(job.out!);
      const other = claimed.get(key);
      if (other !== undefined) throw new UsageError(`${other} and ${job.display} would both be written to ${printablePath(job.out!)}`);
      claimed.set(key, job.display);
    }
  }

  // -o FILE: resolved once, before any parsing. It is always written: one
  // output named by hand is cheap to redo, and a stale one is worse.
  let stream: AtomicStream | null = null;
  let single: OutputTarget | null = null;
  const singleOut = !opts.outDir && opts.output ? opts.output : null;
  /** --check on --jsonl -o: the existing file, compared piece by piece. */
  let existingStream: { text: string; at: number; same: boolean } | null = null;
  if (singleOut) {
    try {
      single = await resolveOutput(singleOut, false);
    } catch (e) {
      process.stderr.write(`planparse: ${printablePath(singleOut)}: ${c.red(`cannot write: ${writeReason(e)}`)}\n`);
      return EXIT_FAILED;
    }
    if (single.kind === 'replace' && isAnInput(await statOrNull(single.path))) throw new UsageError(`${singleOut}: refusing to overwrite an input file`);
    // Several documents into one file (JSON Lines, a combined Markdown report): one stream.
    if (oneStream && batch) {
      if (checking) {
        existingStream = { text: await readFile(single.path, 'utf8').catch(() => ''), at: 0, same: await statOrNull(single.path).then((s) => s !== null) };
      } else {
        try {
          stream = await AtomicStream.open(single);
        } catch (e) {
          // Its folder cannot be written (a parent is a file, no permission): nothing is converted.
          process.stderr.write(`planparse: ${printablePath(singleOut)}: ${c.red(`cannot write: ${writeReason(e)}`)}\n`);
          return EXIT_FAILED;
        }
      }
    }
  }

  const useCache = opts.outDir !== undefined && !opts.force && !opts.strict && !checking;
  let cache: FreshnessCache | null = null;
  if (useCache) {
    const { FreshnessCache, planparseVersion } = await import('./freshness.js');
    cache = await FreshnessCache.load(opts.outDir!, { version: planparseVersion(), format, pretty: opts.pretty === true });
  }

  const stats = newStats(jobs.length);
  const stdoutColour = dataColour(process.stdout, opts.color);
  let reportsWritten = 0;
  // Not when the documents themselves go to the same terminal: the bar would cut into them.
  const documentsOnTerminal = process.stdout.isTTY === true && !opts.outDir && !(opts.output && oneStream);
  const showStatus = batch && !opts.quiet && opts.progress && process.stderr.isTTY === true && !documentsOnTerminal;
  const ui = new StatusLine(process.stderr, showStatus && !checking);
  const log = (line: string) => ui.log(line);
  const executor: Executor = await makeExecutor(jobsWanted, jobs.length, env.workerUrl);
  run.executor = executor;
  run.stats = stats;
  run.ui = ui;
  if (run.stopped) return EXIT_INTERRUPTED;
  /** --check: outputs that would change, and how many of them only in source.path. */
  const changed: string[] = [];
  let onlySourcePath = 0;
  let missing = 0;
  let streamBroken = false;

  const fail = (name: string, message: string) => {
    stats.failed++;
    log(`planparse: ${name}: ${c.red(message)}`);
  };

  try {
    await runOrdered<Job, Outcome>(jobs, {
      window: Math.max(8, jobsWanted * 4),
      stopped: () => run.stopped || streamBroken,
      inline: 'inline' in executor,
      async start(job, index) {
        try {
          if (job.input.kind === 'file' && job.input.problem) return { kind: 'failed', name: job.display, message: job.input.problem };
          let target: OutputTarget | null = single;
          if (job.out && opts.outDir) {
            try {
              target = await resolveOutput(job.out, true);
            } catch (e) {
              if (!(e instanceof OutputRefused) && !(e as NodeJS.ErrnoException).code) throw e;
              return { kind: 'failed', name: printablePath(job.out), message: `cannot write: ${writeReason(e)}` };
            }
            const outStat = target.kind === 'replace' ? await statOrNull(target.path) : null;
            if (isAnInput(outStat)) return { kind: 'failed', name: printablePath(job.out), message: 'refusing to overwrite an input file' };
            const fresh = cache && job.inputStat && job.input.kind === 'file' ? cache.fresh(outputRelPath(job.input.rel, ext), job.input.path, job.source, job.inputStat, outStat) : null;
            if (fresh) return { kind: 'skipped', counts: fresh };
          }
          const task: Task = {
            id: index,
            path: job.input.path,
            output: format,
            pretty: opts.pretty ?? (format === 'json' && prettyByDefault(opts)),
            lang: opts.lang,
            // Always: their codes go into the summary (and the warning hint on a terminal).
            diagnostics: true,
          };
          if (opts.maxSize !== undefined) task.maxBytes = opts.maxSize;
          if (job.input.kind === 'file') task.sourcePath = job.source;
          if (job.input.kind === 'stdin') {
            task.bytes = await readStdin(opts.maxSize);
            const given = stdinReadFormat(opts.stdinFormat);
            if (given) task.bytesFormat = given;
          }
          return { kind: 'result', result: await executor.run(task), target };
        } catch (e) {
          return { kind: 'failed', name: job.display, message: errorMessage(e) };
        }
      },
      async deliver(job, outcome) {
        if (outcome.kind === 'skipped') {
          // Left alone, but still part of the batch: its contents count in the totals.
          stats.skipped++;
          addCounts(stats, outcome.counts);
        } else if (outcome.kind === 'failed') {
          fail(outcome.name, outcome.message);
        } else if (!outcome.result.ok) {
          fail(job.display, outcome.result.message);
        } else {
          const { counts, diagnostics } = outcome.result;
          // Reports after the first in a combined Markdown report: a blank line between them.
          const gap = format === 'md' && !job.out && reportsWritten++ > 0 ? ['\n'] : [];
          const text = concatPieces(gap, outcome.result.text ?? []);
          const target = outcome.target;
          if (checking) {
            if (existingStream) {
              if (existingStream.same) {
                const at = matchedUpTo(existingStream.text, existingStream.at, text);
                if (at < 0) existingStream.same = false;
                else existingStream.at = at;
              }
            } else if (target && job.out) {
              const existing = target.kind === 'replace' ? await readFile(target.path, 'utf8').catch(() => null) : null;
              const made = [...text];
              if (existing === null || matchedUpTo(existing, 0, made) !== existing.length) {
                changed.push(printablePath(job.out));
                if (existing === null) missing++;
                if (existing !== null && format === 'json' && differsOnlyInSourcePath(existing, made.join(''))) onlySourcePath++;
              }
            }
          } else {
            try {
              if (target && job.out) await writeOutput(target, text);
              else if (stream) for (const piece of text) await stream.write(piece);
              // A piece never ends inside a string, so keys are coloured piece by piece.
              else for (const piece of text) await writeStdout(format === 'json' ? highlightJsonKeys(piece, stdoutColour) : piece);
            } catch (e) {
              fail(printablePath(job.out ?? singleOut ?? job.display), `cannot write: ${writeReason(e)}`);
              if (stream) {
                // One stream: nothing more can be delivered, and what was is
                // discarded. Named once; every input counts as failed.
                stats.failed = jobs.length - stats.skipped;
                stats.converted = 0;
                streamBroken = true;
              }
              return;
            }
          }
          stats.converted++;
          const fileCodes = new Map<string, number>();
          tallyCodes(fileCodes, diagnostics);
          const stored: StoredCounts = { sections: counts.sections, items: counts.items, targets: counts.targets, achieved: counts.achieved, warnings: counts.warnings + counts.errors, codes: Object.fromEntries(fileCodes) };
          addCounts(stats, stored);
          if (opts.strict) {
            for (const d of diagnostics) {
              if (d.severity !== 'info') log(findingLine({ file: job.display, line: d.line, severity: d.severity, message: d.message, code: d.code }, c));
            }
          }
          // After the count: an interrupt while this waits sees the output counted.
          if (cache && target && job.input.kind === 'file' && job.inputStat) {
            await cache.record(outputRelPath(job.input.rel, ext), job.input.path, job.source, job.inputStat, target.path, stored);
          }
        }
        ui.progress(stats.converted + stats.skipped + stats.failed, stats.files, stats.failed);
      },
    });
    if (stream && !streamBroken) {
      try {
        await stream.commit();
      } catch (e) {
        fail(printablePath(singleOut ?? ''), `cannot write: ${writeReason(e)}`);
      }
    }
  } finally {
    await executor.close();
    if (stream) await stream.discard();
    ui.done();
    await cache?.save();
  }
  if (checking) {
    if (existingStream && !(existingStream.same && existingStream.at === existingStream.text.length)) changed.push(printablePath(singleOut!));
    for (const out of changed) await writeStdout(out + '\n');
    const outputs = existingStream ? 1 : stats.converted;
    if (!opts.quiet) {
      const failedNote = stats.failed ? `; ${c.red(`${stats.failed} failed`)}` : '';
      const missingNote = missing ? ` (${missing === changed.length ? (missing === 1 ? 'it is missing' : `all ${missing} missing`) : `${missing} missing`})` : '';
      process.stderr.write(
        changed.length
          ? `planparse: --check: ${changed.length} of ${outputs} output${outputs === 1 ? '' : 's'} would change${missingNote}${failedNote}\n`
          : `planparse: --check: ${outputs} output${outputs === 1 ? '' : 's'} in step${failedNote}\n`,
      );
      if (onlySourcePath > 0) process.stderr.write(`planparse: --check: ${sourcePathNote(onlySourcePath, changed.length)}\n`);
      if (opts.outDir && !run.stopped) {
        const { leftOverOutputs } = await import('./freshness.js');
        const extra = await leftOverOutputs(opts.outDir, ext, new Set(jobs.map((j) => resolve(j.out!))));
        if (extra.length) {
          const shown = extra.slice(0, 10).map(printablePath).join(', ') + (extra.length > 10 ? `, … (${extra.length - 10} more)` : '');
          process.stderr.write(`planparse: --check: ${plural(extra.length, `${ext} file`)} in ${printablePath(opts.outDir)} made from no input (planparse never deletes; remove ${extra.length === 1 ? 'it' : 'them'} if stale): ${shown}\n`);
        }
      }
    }
    return changed.length || stats.failed ? EXIT_FAILED : EXIT_OK;
  }
  if ((batch || opts.outDir) && !opts.quiet) process.stderr.write(formatSummary(stats, c) + '\n');
  // One file typed at a terminal: its warnings would otherwise go unseen.
  else if (!opts.quiet && !opts.strict && stats.warnings > 0 && process.stderr.isTTY) {
    process.stderr.write(formatWarningHint(stats.warnings, stats.warningCodes, jobs[0]!.display, c) + '\n');
  }
  if (stats.failed > 0) return EXIT_FAILED;
  if (opts.strict && stats.warnings > 0) return EXIT_FAILED;
  return EXIT_OK;
}
