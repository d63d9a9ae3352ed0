// The pipeline, top to bottom. Each stage is a pure function in its own file:
// decode → normalise → cut debris → strip boilerplate (lines become spans) →
// metadata → reflow → outline markers → outline → targets → validate.
// Serialising is the caller's (see serialise.ts).
import { SCHEMA_VERSION, type Debris, type Diagnostic, type Encoding, type Plan } from './schema.js';
import { fold, normalise } from './normalise.js';
import { cutDebris } from './debris.js';
import { stripBoilerplate } from './boilerplate.js';
import { extractMetadata } from './metadata.js';
import { reflow } from './reflow.js';
import { splitAtMarkers } from './segment.js';
import { buildOutline } from './outline.js';
import { attachTargets } from './attach-targets.js';
import { validatePlan } from './validate.js';
import { buildLedger, type LedgerEntry } from './ledger.js';
import type { Line } from './lines.js';

export interface ParseOptions {
  /** Path recorded in `source.path`; no file is read. */
  path?: string | null;
  /** Encoding the text was decoded from (parsePlanFile sets it). */
  encoding?: Encoding;
  /** Size in bytes of the original input; defaults to the UTF-8 size of `text`. */
  bytes?: number;
  /** Input format; `markdown` needs `markdownLines` (see parsePlanFile), so plain parsePlan treats text as text. */
  format?: 'text' | 'markdown';
  /** Lines already prepared (Markdown); when absent the text is normalised here. */
  lines?: Line[];
}

export interface DetailedParse {
  plan: Plan;
  /** Where every character of the normalised text went (see ledger.ts). */
  ledger: LedgerEntry[];
}

/** Parse one plan text into a validated Plan. Pure: no I/O. */
export function parsePlan(text: string, options: ParseOptions = {}): Plan {
  return run(text, options, false).plan;
}

/** Parse and also return the ledger: every character's fate, by line and column. */
export function parsePlanDetailed(text: string, options: ParseOptions = {}): DetailedParse {
  return run(text, options, true) as DetailedParse;
}

function run(text: string, options: ParseOptions, withLedger: boolean): { plan: Plan; ledger?: LedgerEntry[] } {
  const markdown = options.lines !== undefined;
  const lines = cutDebris(options.lines ?? normalise(text), fold);
  const { kept, removed } = stripBoilerplate(lines, { split: !markdown });
  const { meta, body, notice, diagnostics: metaDiagnostics } = extractMetadata(kept);
  const outline = buildOutline(splitAtMarkers(reflow(body, removed)));
  // What the parser knows before the body (title, year, metadata lines) tells a review part from the plan.
  attachTargets(outline, outline.segments, { title: meta.title, year: meta.year, before: meta.fields.map((f) => f.text) });

  // concat, not push(...): a huge plan can have more diagnostics than a call takes arguments.
  const diagnostics: Diagnostic[] = metaDiagnostics.concat(outline.diagnostics);
  // Empty after normalisation: zero-width characters and NBSP count as nothing.
  if (lines.every((l) => l.text === '' && l.debris === undefined)) {
    diagnostics.push({ code: 'empty-input', severity: 'warning', message: 'the input is empty or holds only spaces and invisible characters', line: null });
  } else if (outline.sections.length === 0 && outline.items.length === 0) {
    diagnostics.push({ code: 'no-outline', severity: 'warning', message: 'no sections or numbered items found: this may not be a work plan', line: null });
  }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const debris: Debris[] = [];
  for (const l of lines) for (const d of l.debris ?? []) debris.push({ line: l.no, column: d.col + 1, text: d.text });

  const plan = validatePlan({
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: options.path ?? null,
      encoding: options.encoding ?? 'utf-8',
      format: options.format ?? 'text',
      bytes: options.bytes ?? Buffer.byteLength(text, 'utf8'),
      lines: text === '' ? 0 : lines.length,
    },
    meta,
    preamble: outline.preamble,
    sections: outline.sections,
    items: outline.items,
    closing: outline.closing,
    boilerplate: removed,
    debris,
    diagnostics,
  });
  if (!withLedger) return { plan };
  return { plan, ledger: buildLedger({ lines, removed, kept, body, notice, markdown }) };
}
