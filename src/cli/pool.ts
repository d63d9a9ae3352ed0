// A fixed set of worker threads reused across files: a worker is started when
// there is work and no idle worker, and lives until the batch ends, so the
// parser's start-up is paid once per worker, not once per file.
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult } from './task.js';
import type { Executor } from './runner.js';

interface Job {
  task: Task;
  resolve: (r: TaskResult) => void;
}

export class WorkerPool implements Executor {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Job>();
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

  private pump(): void {
    while (this.queue.length > 0 && !this.stopped) {
      const worker = this.idle.pop() ?? (this.running.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      // The stdin buffer is copied, not transferred: it stays valid for the caller.
      worker.postMessage(job.task);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.workerUrl);
    worker.on('message', (result: TaskResult) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      job?.resolve(result);
      this.pump();
    });
    // A worker that dies (out of memory, a crash in the parser) fails only the
    // file it held; the next file gets a fresh worker.
    const lost = (why: string) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (job) job.resolve({ id: job.task.id, ok: false, message: `internal error: ${why}` });
      this.pump();
    };
    worker.on('error', (e) => lost(`worker failed: ${e instanceof Error ? e.message : String(e)}`));
    worker.on('exit', (code) => lost(`worker exited with code ${code}`));
    return worker;
  }

  async close(): Promise<void> {
    this.stopped = true;
    const all = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  stop(): void {
    this.stopped = true;
    for (const w of [...this.idle, ...this.running.keys()]) void w.terminate();
    for (const job of this.queue.splice(0)) job.resolve({ id: job.task.id, ok: false, message: 'interrupted' });
  }
}
