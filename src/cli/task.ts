// One unit of batch work: read and parse one input, serialise it, count what
// it holds. The same function runs in a worker thread or, for a single file
// or --jobs 1, in the main thread; it never rejects, so a bad file becomes a
// failed result instead of stopping the batch.
import { parsePlanBytes, parsePlanFile, type InputFormat, type ReadOptions } from '../read.js';
import { jsonPieces, toJson } from '../serialise.js';
import type { Diagnostic, Item, Paragraph, Plan, Target } from '../schema.js';
import { errorMessage } from './messages.js';

export type TaskOutput = 'json' | 'jsonl' | 'md' | 'none';

export interface Task {
  id: number;
  /** File to read; for standard input, null (bytes are given instead). */
  path: string | null;
  bytes?: Uint8Array;
  /** How to read `bytes`: files are read by their extension. */
  bytesFormat?: InputFormat;
  output: TaskOutput;
  pretty: boolean;
  /** Labels of the Markdown report (--lang). */
  lang?: 'zh' | 'en';
  /** Send the diagnostics back (check, --strict); otherwise only their counts. */
  diagnostics: boolean;
  /** Refuse a file larger than this (--max-size); the library's default otherwise. */
  maxBytes?: number;
  /** What source.path records (a normalised path); `path` itself when absent. */
  sourcePath?: string | null;
}

export interface PlanCounts {
  sections: number;
  items: number;
  /** All figures, commitments and results alike (planparse targets lists commitments by default). */
  targets: number;
  /** Of them, figures the text reports as reached (status achieved). */
  achieved: number;
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * An output's text in pieces, read once: made lazily in this thread (a large
 * plan's JSON never exists whole), an array once it has crossed from a worker.
 */
export type OutputText = Iterable<string>;

export type TaskResult =
  | { id: number; ok: true; text: OutputText | null; counts: PlanCounts; diagnostics: Diagnostic[] }
  | { id: number; ok: false; message: string };

/** Every list of targets in a plan: each node's own (a point's are not repeated in its item's), heading lines included. */
function* targetLists(plan: Plan): Generator<readonly Target[]> {
  const paragraphs = function* (ps: Paragraph[]) {
    for (const p of ps) yield p.targets;
  };
  const items = function* (its: Item[]) {
    for (const it of its) {
      yield it.targets;
      for (const p of it.points) yield p.targets;
    }
  };
  yield* paragraphs(plan.preamble);
  yield* items(plan.items);
  for (const s of plan.sections) {
    // A heading line's own targets (`（二）…下设4个分院区` on the heading line) count too.
    if (s.targets) yield s.targets;
    yield* paragraphs(s.paragraphs);
    yield* items(s.items);
    for (const sub of s.subsections) {
      if (sub.targets) yield sub.targets;
      yield* paragraphs(sub.paragraphs);
      yield* items(sub.items);
    }
  }
  yield* paragraphs(plan.closing);
}

export function countPlan(plan: Plan): PlanCounts {
  let items = plan.items.length;
  for (const s of plan.sections) {
    items += s.items.length;
    for (const sub of s.subsections) items += sub.items.length;
  }
  let targets = 0;
  let achieved = 0;
  for (const list of targetLists(plan)) {
    targets += list.length;
    for (const t of list) if (t.status === 'achieved') achieved++;
  }
  const bySeverity = (sev: Diagnostic['severity']) => plan.diagnostics.filter((d) => d.severity === sev).length;
  return {
    sections: plan.sections.length,
    items,
    targets,
    achieved,
    errors: bySeverity('error'),
    warnings: bySeverity('warning'),
    infos: bySeverity('info'),
  };
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

/** Inputs from this size on have their JSON made piece by piece; below it, one JSON.stringify is faster. */
const PIECEWISE_FROM_BYTES = 1 << 20;

function json(plan: Plan, pretty: boolean): OutputText {
  if (plan.source.bytes < PIECEWISE_FROM_BYTES) return [toJson(plan, pretty) + '\n'];
  return withNewline(jsonPieces(plan, pretty));
}

async function serialise(plan: Plan, task: Task): Promise<OutputText | null> {
  switch (task.output) {
    case 'json':
      return json(plan, task.pretty);
    case 'jsonl':
      return json(plan, false);
    case 'md': {
      // remark-stringify is loaded only when Markdown is asked for.
      const { planToMarkdown } = await import('./md.js');
      return [planToMarkdown(plan, { lang: task.lang, pretty: task.pretty })];
    }
    case 'none':
      return null;
  }
}

function readOptions(task: Task): ReadOptions {
  const o: ReadOptions = {};
  if (task.maxBytes !== undefined) o.maxBytes = task.maxBytes;
  if (task.sourcePath !== undefined) o.sourcePath = task.sourcePath;
  return o;
}

export async function processTask(task: Task): Promise<TaskResult> {
  try {
    const plan = task.bytes
      ? await parsePlanBytes(task.bytes, task.path, task.bytesFormat)
      : await parsePlanFile(task.path ?? '', readOptions(task));
    const text = await serialise(plan, task);
    return { id: task.id, ok: true, text, counts: countPlan(plan), diagnostics: task.diagnostics ? plan.diagnostics : [] };
  } catch (e) {
    return { id: task.id, ok: false, message: errorMessage(e) };
  }
}
