// A fixed set of worker threads reused across files: a worker is started when
// there is work and no worker with room, and lives until the batch ends, so
// the parser's start-up is paid once per worker, not once per file. Each
// worker holds up to two files, so it reads the next while parsing one and
// never waits for the main thread between files.
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult } from './task.js';
import type { Executor } from './runner.js';

interface Job {
  task: Task;
  resolve: (r: TaskResult) => void;
}

const PER_WORKER = 2;

export class WorkerPool implements Executor {
  /** Each live worker with the jobs it holds, by task id. */
  private readonly workers = new Map<Worker, Map<number, Job>>();
  private readonly queue: Job[] = [];
  private stopped = false;

  constructor(
    private readonly size: number,
    private readonly workerUrl: URL,
  ) {}

  run(task: Task): Promise<TaskResult> {
    if (this.stopped) return Promise.resolve({ id: task.id, ok: false, message: 'interrupted' });
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.pump();
    });
  }

  /** The live worker holding the fewest jobs, if it has room; else a new one while under size. */
  private pick(): Worker | undefined {
    let best: Worker | undefined;
    let least = PER_WORKER;
    for (const [w, jobs] of this.workers) {
      if (jobs.size < least) {
        best = w;
        least = jobs.size;
      }
    }
    if (best && least === 0) return best;
    if (this.workers.size < this.size) return this.spawn();
    return best;
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.stopped) {
      const worker = this.pick();
      if (!worker) return;
      const job = this.queue.shift()!;
      this.workers.get(worker)!.set(job.task.id, job);
      // The stdin buffer is copied, not transferred: it stays valid for the caller.
      worker.postMessage(job.task);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.workerUrl);
    const jobs = new Map<number, Job>();
    this.workers.set(worker, jobs);
    worker.on('message', (result: TaskResult) => {
      const job = jobs.get(result.id);
      jobs.delete(result.id);
      job?.resolve(result);
      this.pump();
    });
    // A worker that dies (out of memory, a crash in the parser) fails only the
    // files it held; the next files get a fresh worker.
    const lost = (why: string) => {
      if (!this.workers.delete(worker)) return;
      for (const job of jobs.values()) job.resolve({ id: job.task.id, ok: false, message: `internal error: ${why}` });
      jobs.clear();
      this.pump();
    };
    worker.on('error', (e) => lost(`worker failed: ${e instanceof Error ? e.message : String(e)}`));
    worker.on('exit', (code) => lost(`worker exited with code ${code}`));
    return worker;
  }

  async close(): Promise<void> {
    this.stopped = true;
    const all = [...this.workers.keys()];
    this.workers.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  stop(): void {
    this.stopped = true;
    for (const w of this.workers.keys()) void w.terminate();
    this.workers.clear();
    for (const job of this.queue.splice(0)) job.resolve({ id: job.task.id, ok: false, message: 'interrupted' });
  }
}
