// The main command: convert plan texts to JSON (or JSON Lines, or a Markdown
// outline). One input goes to stdout or -o FILE; a batch goes to --out-dir
// (one file per input, relative paths mirrored) or to one JSON Lines stream.
// A bad file is reported and counted, never the end of the batch.
import { availableParallelism } from 'node:os';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Stats } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import { expandInputs, displayName, emptyWarning, type Input } from './inputs.js';
import { makeExecutor, runOrdered, type Executor } from './runner.js';
import type { Task, TaskResult } from './task.js';
import { AtomicStream, decideOutput, removeTempFilesSync, statOrNull, writeFileAtomic } from './write.js';
import { colourFor, dataColour, formatSummary, formatWarningHint, newStats, prettyByDefault, StatusLine, tallyCodes } from './ui.js';
import { highlightJsonKeys } from './highlight.js';
import { findingLine } from './reporters.js';
import { readStdin, writeStdout } from './io.js';
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
  stdinFormat?: 'text' | 'markdown';
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
}

type Outcome =
  | { kind: 'result'; result: TaskResult }
  | { kind: 'skipped' }
  | { kind: 'failed'; name: string; message: string };

export function defaultJobs(): number {
  return availableParallelism();
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

export async function runConvert(operands: string[], opts: ConvertOptions, env: CliEnv): Promise<number> {
  const c = colourFor(process.stderr, opts.color);
  try {
    return await convert(operands, opts, env, c);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`planparse: ${e.message}\n(planparse --help shows the usage)\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

async function convert(operands: string[], opts: ConvertOptions, env: CliEnv, c: ChalkInstance): Promise<number> {
  if (opts.jsonl && opts.format && opts.format !== 'jsonl') throw new UsageError(`--jsonl contradicts --format ${opts.format}`);
  const format: OutputFormat = opts.jsonl ? 'jsonl' : (opts.format ?? 'json');
  if (opts.output && opts.outDir) throw new UsageError('-o/--output and --out-dir cannot be used together');
  if (format === 'jsonl' && opts.outDir) throw new UsageError('JSON Lines is one stream: write it to standard output or -o FILE, not --out-dir');
  if (operands.length === 0) throw new UsageError('no input: give files, directories, glob patterns, or - for standard input');
  const jobsWanted = opts.jobs ?? defaultJobs();

  const expanded = await expandInputs(operands, ['txt', 'md']);
  for (const e of expanded.empty) process.stderr.write(emptyWarning(e, ['txt', 'md']) + '\n');
  let inputs = expanded.inputs;
  if (opts.outDir) {
    // Outputs from an earlier run inside the input tree are not new inputs.
    const outRoot = resolve(opts.outDir);
    inputs = inputs.filter((i) => i.kind === 'stdin' || !isInside(resolve(i.path), outRoot));
  }
  if (inputs.length === 0) throw new UsageError('no input files found');
  const batch = expanded.batch;
  // A Markdown batch without --out-dir is one combined report, like JSON Lines.
  const oneStream = format === 'jsonl' || format === 'md';
  if (batch && !oneStream && !opts.outDir) {
    throw new UsageError(`several inputs: use --out-dir DIR (one .${format} file per input) or --jsonl (one line per input)`);
  }
  if (batch && opts.output && !oneStream) throw new UsageError('-o/--output takes one input (or --jsonl); use --out-dir for several');

  const inputStats = await Promise.all(inputs.map((i) => (i.kind === 'file' ? statOrNull(i.path) : Promise.resolve(null))));
  const allInputStats = inputStats.filter((s): s is Stats => s !== null);
  const ext = format === 'md' ? '.md' : '.json';
  const jobs: Job[] = inputs.map((input, i) => ({
    input,
    display: displayName(input),
    inputStat: inputStats[i] ?? null,
    out: opts.outDir ? join(opts.outDir, outputRelPath(input.rel, ext)) : !(oneStream && batch) && opts.output ? opts.output : null,
  }));

  if (opts.outDir) {
    const claimed = new Map<string, string>();
    for (const job of jobs) {
      const key = resolve(job.out!);
      const other = claimed.get(key);
      if (other !== undefined) throw new UsageError(`${other} and ${job.display} would both be written to ${job.out}`);
      claimed.set(key, job.display);
    }
  }

  // One stream for --jsonl -o FILE: replaced under the same rule as any output.
  let stream: AtomicStream | null = null;
  const singleOut = !opts.outDir && opts.output ? opts.output : null;
  if (singleOut) {
    const outStat = await statOrNull(singleOut);
    const hasStdin = inputs.some((i) => i.kind === 'stdin');
    const decision = decideOutput(outStat, hasStdin ? [] : allInputStats, allInputStats, opts.force === true);
    if (!decision.write && decision.reason === 'is-input') throw new UsageError(`${singleOut}: refusing to overwrite an input file`);
    if (!decision.write) {
      if (!opts.quiet) process.stderr.write(`planparse: ${singleOut}: up to date (newer than its input); --force replaces it\n`);
      return EXIT_OK;
    }
    if (oneStream && batch) {
      try {
        stream = await AtomicStream.open(singleOut);
      } catch (e) {
        // Its directory cannot be made (a parent is a file, no permission): nothing is converted.
        process.stderr.write(`planparse: ${singleOut}: ${c.red(`cannot write: ${fsReason(e)}`)}\n`);
        return EXIT_FAILED;
      }
    }
  }

  const stats = newStats(jobs.length);
  const stdoutColour = dataColour(process.stdout, opts.color);
  let reportsWritten = 0;
  // Not when the documents themselves go to the same terminal: the bar would cut into them.
  const documentsOnTerminal = process.stdout.isTTY === true && !opts.outDir && !(opts.output && oneStream);
  const showStatus = batch && !opts.quiet && opts.progress && process.stderr.isTTY === true && !documentsOnTerminal;
  const ui = new StatusLine(process.stderr, showStatus);
  const log = (line: string) => ui.log(line);
  const executor: Executor = await makeExecutor(jobsWanted, jobs.length, env.workerUrl);
  let stopped = false;

  const interrupt = (signal: NodeJS.Signals) => {
    stopped = true;
    executor.stop();
    removeTempFilesSync();
    ui.done();
    if (!opts.quiet) process.stderr.write(formatSummary(stats, c, true) + '\n');
    process.exit(signal === 'SIGINT' ? EXIT_INTERRUPTED : 128 + 15);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  const fail = (name: string, message: string) => {
    stats.failed++;
    log(`planparse: ${name}: ${c.red(message)}`);
  };

  try {
    await runOrdered<Job, Outcome>(jobs, {
      window: Math.max(8, jobsWanted * 4),
      stopped: () => stopped,
      async start(job, index) {
        try {
          if (job.out && !singleOut) {
            const decision = decideOutput(await statOrNull(job.out), job.inputStat ? [job.inputStat] : [], allInputStats, opts.force === true);
            if (!decision.write) {
              return decision.reason === 'is-input'
                ? { kind: 'failed', name: job.out, message: 'refusing to overwrite an input file' }
                : { kind: 'skipped' };
            }
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
          if (job.input.kind === 'stdin') {
            task.bytes = await readStdin();
            task.bytesFormat = opts.stdinFormat ?? 'text';
          }
          return { kind: 'result', result: await executor.run(task) };
        } catch (e) {
          return { kind: 'failed', name: job.display, message: errorMessage(e) };
        }
      },
      async deliver(job, outcome) {
        if (outcome.kind === 'skipped') {
          stats.skipped++;
        } else if (outcome.kind === 'failed') {
          fail(outcome.name, outcome.message);
        } else if (!outcome.result.ok) {
          fail(job.display, outcome.result.message);
        } else {
          const { counts, diagnostics } = outcome.result;
          // Reports after the first in a combined Markdown report: a blank line between them.
          const text = (format === 'md' && !job.out && reportsWritten++ > 0 ? '\n' : '') + (outcome.result.text ?? '');
          try {
            if (job.out) await writeFileAtomic(job.out, text);
            else if (stream) await stream.write(text);
            else await writeStdout(format === 'json' ? highlightJsonKeys(text, stdoutColour) : text);
          } catch (e) {
            fail(job.out ?? job.display, `cannot write: ${fsReason(e)}`);
            return;
          }
          stats.converted++;
          stats.sections += counts.sections;
          stats.items += counts.items;
          stats.targets += counts.targets;
          stats.warnings += counts.warnings + counts.errors;
          tallyCodes(stats.warningCodes, diagnostics);
          if (opts.strict) {
            for (const d of diagnostics) {
              if (d.severity !== 'info') log(findingLine({ file: job.display, line: d.line, severity: d.severity, message: d.message, code: d.code }, c));
            }
          }
        }
        ui.progress(stats.converted + stats.skipped + stats.failed, stats.files, stats.failed);
      },
    });
    if (stream) {
      try {
        await stream.commit();
      } catch (e) {
        fail(singleOut ?? '', `cannot write: ${fsReason(e)}`);
      }
    }
  } finally {
    await executor.close();
    if (stream) await stream.discard();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    ui.done();
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
