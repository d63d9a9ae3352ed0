// Runs a batch: starts work ahead (bounded) on an executor, and hands the
// outcomes back strictly in input order, so stdout, stderr and the summary
// are the same whatever the number of jobs.
import { availableParallelism } from 'node:os';
import type { Task, TaskResult } from './task.js';

export interface Executor {
  run(task: Task): Promise<TaskResult>;
  /** Finish: release workers once the batch is done. */
  close(): Promise<void>;
  /** Interrupt: stop workers now; pending tasks fail as "interrupted". */
  stop(): void;
}

/** Parses in the calling thread: one file, or --jobs 1. */
export class InlineExecutor implements Executor {
  readonly inline = true;
  private stopped = false;
  async run(task: Task): Promise<TaskResult> {
    if (this.stopped) return { id: task.id, ok: false, message: 'interrupted' };
    const { processTask } = await import('./task.js');
    return processTask(task);
  }
  async close(): Promise<void> {}
  stop(): void {
    this.stopped = true;
  }
}

/**
 * Workers only pay off with more than one job and more than one file; the
 * pool module (and its worker start-up) is loaded only then.
 */
export async function makeExecutor(jobs: number, files: number, workerUrl: URL): Promise<Executor> {
  // Never more threads than cores: each is a V8 isolate of its own.
  const size = Math.min(jobs, files, availableParallelism());
  if (size <= 1) return new InlineExecutor();
  const { WorkerPool } = await import('./pool.js');
  return new WorkerPool(size, workerUrl);
}

export interface OrderedRun<J, O> {
  /** Begin work on one job; must not reject. */
  start(job: J, index: number): Promise<O>;
  /** Receive one outcome, in input order; awaited before the next. */
  deliver(job: J, outcome: O, index: number): Promise<void>;
  /** How many jobs may be started beyond the next one to deliver (bounds memory). */
  window: number;
  stopped(): boolean;
  /**
   * Parsing happens in this thread (InlineExecutor): yield to the event loop
   * after each outcome so signals are heard (default). Worker threads leave
   * this thread free, and the two extra turns per file cost a batch of tiny
   * files about a tenth of its speed.
   */
  inline?: boolean;
}

/**
 * Let the event loop read signals that came while this thread was busy (a
 * parse, a long synchronous write). Two turns: the work may have run inside
 * the poll phase, after signals were read, and only the next poll reads them.
 */
export function signalsHandled(): Promise<void> {
  return new Promise((r) => setImmediate(() => setImmediate(r)));
}

export async function runOrdered<J, O>(jobs: readonly J[], run: OrderedRun<J, O>): Promise<void> {
  const started = new Map<number, Promise<O>>();
  let next = 0;
  for (let i = 0; i < jobs.length; i++) {
    while (next < jobs.length && next <= i + run.window && !run.stopped()) {
      started.set(next, run.start(jobs[next]!, next));
      next++;
    }
    if (run.stopped()) return;
    const outcome = await started.get(i)!;
    started.delete(i);
    // A parse in this thread holds the event loop; a signal that came
    // meanwhile is handled here, before the outcome is delivered (a promise
    // chain alone would deliver, finish and drop the signal).
    if (run.inline !== false) await signalsHandled();
    if (run.stopped()) return;
    await run.deliver(jobs[i]!, outcome, i);
  }
}
