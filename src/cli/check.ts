// `planparse check`: parse plan texts and fail when their diagnostics reach a
// level — the command a CI job runs to keep a corpus parseable.
import type { ChalkInstance } from 'chalk';
import type { Severity } from '../schema.js';
import { expandInputs, displayName, emptyWarning, recordedName, stdinReadFormat, PLAN_EXTENSIONS, type Input } from './inputs.js';
import type { StdinFormat } from '../read.js';
import { makeExecutor, runOrdered } from './runner.js';
import type { Task, TaskResult } from './task.js';
import { makeReporter, type Finding, type ReporterName } from './reporters.js';
import { colourFor, formatCodes, formatElapsed, plural, StatusLine, tallyCodes } from './ui.js';
import { readStdin } from './io.js';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UsageError, errorMessage } from './messages.js';
import { defaultJobs, type CliEnv } from './convert.js';

export interface CheckOptions {
  reporter: ReporterName;
  failOn: Severity;
  maxWarnings?: number;
  strict?: boolean;
  jobs?: number;
  quiet?: boolean;
  color: boolean;
  progress: boolean;
  stdinFormat?: StdinFormat;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface CheckTally {
  files: number;
  failedFiles: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Why the check fails, or null when it passes. */
export function checkVerdict(t: CheckTally, failOn: Severity, maxWarnings: number | undefined): string | null {
  if (t.failedFiles > 0) return `${t.failedFiles} file${t.failedFiles === 1 ? '' : 's'} could not be parsed`;
  const counts: Record<Severity, number> = { error: t.errors, warning: t.warnings, info: t.infos };
  const over = (['error', 'warning', 'info'] as const).filter((s) => RANK[s] >= RANK[failOn] && counts[s] > 0);
  if (over.length) return `found ${over.map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`).join(', ')} (failing at ${failOn} and above)`;
  if (maxWarnings !== undefined && t.warnings > maxWarnings) return `${t.warnings} warnings, more than --max-warnings ${maxWarnings}`;
  return null;
}

export async function runCheck(operands: string[], opts: CheckOptions, env: CliEnv): Promise<number> {
  const c = colourFor(process.stderr, opts.color);
  try {
    return await check(operands, opts, env, c);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`planparse check: ${e.message}\n(planparse check --help shows the usage)\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

async function check(operands: string[], opts: CheckOptions, env: CliEnv, c: ChalkInstance): Promise<number> {
  if (operands.length === 0) throw new UsageError('no input: give files, directories, glob patterns, or - for standard input');
  const failOn: Severity = opts.strict ? (opts.failOn === 'info' ? 'info' : 'warning') : opts.failOn;
  // Shown: warnings and errors, and infos too when they can fail the check.
  const shownFrom = Math.min(RANK.warning, RANK[failOn]);
  const { inputs, empty } = await expandInputs(operands, PLAN_EXTENSIONS);
  for (const e of empty) process.stderr.write(emptyWarning(e, PLAN_EXTENSIONS) + '\n');
  if (inputs.length === 0) throw new UsageError('no input files found');

  const started = performance.now();
  const jobs = opts.jobs ?? defaultJobs();
  const executor = await makeExecutor(jobs, inputs.length, env.workerUrl);
  const reporterColour = colourFor(process.stdout, opts.color);
  const reporter = makeReporter(opts.reporter, process.stdout, reporterColour);
  const ui = new StatusLine(process.stderr, inputs.length > 1 && !opts.quiet && opts.progress && process.stderr.isTTY === true);
  const tally: CheckTally = { files: inputs.length, failedFiles: 0, errors: 0, warnings: 0, infos: 0 };
  /** Codes of the errors and warnings found, with their counts, for the summary. */
  const codes = new Map<string, number>();
  let done = 0;
  let stopped = false;

  const summary = (interrupted: boolean) => {
    const head = interrupted ? c.yellow(`interrupted after ${done} of ${tally.files} files`) : `${tally.files} file${tally.files === 1 ? '' : 's'} checked`;
    const which = codes.size ? ` (${formatCodes(codes)})` : '';
    // Infos are reported only when they can fail the check: say where they are.
    const hiddenInfos = tally.infos > 0 && RANK[failOn] > RANK.info ? `; ${tally.infos === 1 ? 'the info is' : 'infos are'} not shown (--fail-on info shows them)` : '';
    const found = `${plural(tally.errors, 'error')}, ${plural(tally.warnings, 'warning')}, ${plural(tally.infos, 'info')}${which}${hiddenInfos}`;
    return `planparse: ${head}: ${tally.failedFiles ? c.red(`${tally.failedFiles} failed`) : '0 failed'}; ${found}; ${formatElapsed(performance.now() - started)}`;
  };
  const interrupt = (signal: NodeJS.Signals) => {
    stopped = true;
    executor.stop();
    ui.done();
    if (!opts.quiet) process.stderr.write(summary(true) + '\n');
    process.exit(signal === 'SIGINT' ? EXIT_INTERRUPTED : 128 + 15);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  try {
    await runOrdered<Input, TaskResult>(inputs, {
      window: Math.max(8, jobs * 4),
      stopped: () => stopped,
      async start(input, index) {
        try {
          const task: Task = { id: index, path: input.path, output: 'none', pretty: false, diagnostics: true };
          if (input.kind === 'stdin') {
            task.bytes = await readStdin();
            const given = stdinReadFormat(opts.stdinFormat);
            if (given) task.bytesFormat = given;
          }
          return await executor.run(task);
        } catch (e) {
          return { id: index, ok: false, message: errorMessage(e) };
        }
      },
      async deliver(input, result) {
        // GitHub places an annotation by its path from the repository root (the working directory of a job), however the operand was typed.
        const file = opts.reporter === 'github' ? recordedName(input) : displayName(input);
        done++;
        if (!result.ok) {
          tally.failedFiles++;
          ui.clear();
          reporter.file(file, [], result.message);
        } else {
          tally.errors += result.counts.errors;
          tally.warnings += result.counts.warnings;
          tally.infos += result.counts.infos;
          tallyCodes(codes, result.diagnostics);
          const findings: Finding[] = result.diagnostics
            .filter((d) => RANK[d.severity] >= shownFrom)
            .map((d) => ({ file, line: d.line, severity: d.severity, message: d.message, code: d.code }));
          if (findings.length) ui.clear();
          reporter.file(file, findings, null);
        }
        ui.progress(done, tally.files, tally.failedFiles);
      },
    });
  } finally {
    await executor.close();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    ui.done();
  }
  reporter.end({ ...tally });
  const verdict = checkVerdict(tally, failOn, opts.strict ? 0 : opts.maxWarnings);
  if (!opts.quiet) {
    process.stderr.write(summary(false) + '\n');
    if (verdict) process.stderr.write(`planparse: check failed: ${verdict}\n`);
  }
  return verdict ? EXIT_FAILED : EXIT_OK;
}
