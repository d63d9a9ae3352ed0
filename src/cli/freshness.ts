// When an --out-dir output may be left as it is. Modification times alone are
// not enough: an output written by another planparse version, or with other
// options (--pretty), is stale however new it is. So a record in the out-dir
// (.planparse-cache.json, dot-hidden: scans skip it) notes, per output, the
// input it came from, the path the output records for it (source.path, which
// depends on the working directory) and both files' size and time, under a
// key made of the version and every option that changes the output. An
// output is up to date only when the key and the recorded path match and
// neither file changed since it was written.
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Stats } from 'node:fs';
import { writeFileAtomic } from './write.js';

export const CACHE_NAME = '.planparse-cache.json';

/** What, besides the input, shapes an output's bytes. */
export interface OutputKey {
  version: string;
  format: string;
  pretty: boolean;
}

/** What an output holds, kept so a run that leaves it alone still counts it in its summary. */
export interface StoredCounts {
  sections: number;
  items: number;
  targets: number;
  /** Of the targets, those reported as achieved. */
  achieved: number;
  /** Warnings and errors. */
  warnings: number;
  /** Their codes with their counts. */
  codes: Record<string, number>;
}

interface Entry {
  input: string;
  /** The input's path as recorded in the output (source.path): it depends on the folder planparse ran from. */
  source: string | null;
  inputSize: number;
  inputMtimeMs: number;
  outputSize: number;
  outputMtimeMs: number;
  counts: StoredCounts;
}

interface CacheFile {
  version: string;
  options: { format: string; pretty: boolean };
  outputs: Record<string, Entry>;
}

let versionCache: string | null = null;

/** planparse's own version, from the package.json above this module (src/ or dist/). */
export function planparseVersion(): string {
  if (versionCache !== null) return versionCache;
  let dir = dirname(new URL(import.meta.url).pathname);
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'planparse' && pkg.version) return (versionCache = pkg.version);
    }
    dir = dirname(dir);
  }
  // Without it no record can match, so every output is rewritten: safe.
  return (versionCache = 'unknown');
}

function isCounts(v: unknown): v is StoredCounts {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  const whole = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;
  return (
    whole(c.sections) && whole(c.items) && whole(c.targets) && whole(c.achieved) && whole(c.warnings) &&
    typeof c.codes === 'object' && c.codes !== null && Object.values(c.codes).every(whole)
  );
}

export class FreshnessCache {
  private readonly outputs: Record<string, Entry>;
  private changed = false;

  private constructor(
    private readonly outDir: string,
    private readonly key: OutputKey,
    outputs: Record<string, Entry>,
  ) {
    this.outputs = outputs;
  }

  static async load(outDir: string, key: OutputKey): Promise<FreshnessCache> {
    let outputs: Record<string, Entry> = Object.create(null);
    try {
      const file = JSON.parse(await readFile(join(outDir, CACHE_NAME), 'utf8')) as Partial<CacheFile>;
      const same = file.version === key.version && file.options?.format === key.format && file.options?.pretty === key.pretty;
      if (same && file.outputs && typeof file.outputs === 'object') outputs = Object.assign(Object.create(null), file.outputs);
    } catch {
      // No record (first run) or an unreadable one: nothing counts as up to date.
    }
    return new FreshnessCache(outDir, key, outputs);
  }

  /**
   * Up to date: recorded under this key, and input and output unchanged
   * since. Returns what the output holds (for the summary), or null when it
   * must be made again.
   */
  fresh(rel: string, inputPath: string, source: string | null, input: Stats, output: Stats | null): StoredCounts | null {
    const e = this.outputs[rel];
    const same =
      e !== undefined && output !== null && output.isFile() &&
      e.input === resolve(inputPath) && e.source === source && e.inputSize === input.size && e.inputMtimeMs === input.mtimeMs &&
      e.outputSize === output.size && e.outputMtimeMs === output.mtimeMs;
    // A record from before counts were kept cannot give the summary its totals: made again.
    return same && isCounts(e.counts) ? e.counts : null;
  }

  /** Note an output just written from `inputPath`, recorded in it as `source`. */
  async record(rel: string, inputPath: string, source: string | null, input: Stats, outputPath: string, counts: StoredCounts): Promise<void> {
    const output = await stat(outputPath).catch(() => null);
    if (!output) return;
    this.outputs[rel] = { input: resolve(inputPath), source, inputSize: input.size, inputMtimeMs: input.mtimeMs, outputSize: output.size, outputMtimeMs: output.mtimeMs, counts };
    this.changed = true;
  }

  /** Write the record back (atomically); a failure only costs the next run a rewrite. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const file: CacheFile = { version: this.key.version, options: { format: this.key.format, pretty: this.key.pretty }, outputs: this.outputs };
    try {
      await writeFileAtomic(join(this.outDir, CACHE_NAME), JSON.stringify(file) + '\n');
    } catch {
      // Not an output the user asked for: its loss is not a failure.
    }
  }
}

/**
 * Files with the outputs' extension under `outDir` that no input of this run
 * makes (`expected`: absolute paths): outputs of inputs since deleted or
 * renamed, which planparse never deletes. Dot-files and dot-folders are not
 * looked at; links are not followed.
 */
export async function leftOverOutputs(outDir: string, ext: string, expected: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await visit(path);
      else if (e.isFile() && e.name.endsWith(ext) && !expected.has(resolve(path))) found.push(path);
    }
  };
  await visit(outDir);
  return found;
}
