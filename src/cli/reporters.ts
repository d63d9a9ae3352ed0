// How `check` and `validate` report what they find: `text` for people
// (FILE:LINE: severity code message, the shape `--strict` prints too), `json` for programs, `github` for
// GitHub Actions workflow commands, which become annotations on the diff.
import type { ChalkInstance } from 'chalk';
import type { Severity } from '../schema.js';
import { oneLine } from './messages.js';

export interface Finding {
  file: string;
  line: number | null;
  severity: Severity;
  message: string;
  code: string | null;
}

export const REPORTERS = ['text', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** How many documents a file held and how many of them failed (validate: a JSON Lines file holds many). */
export interface DocumentCount {
  documents: number;
  invalid: number;
}

export interface Reporter {
  /** Everything found in one file, files in input order. `failure`: the file could not be read at all. */
  file(path: string, findings: Finding[], failure: string | null, documents?: DocumentCount): void;
  /** After the last file; `summary` is reporter-neutral counts. */
  end(summary: Record<string, number>): void;
}

// GitHub's workflow-command escaping: data may not hold raw newlines or %,
// property values additionally not `:` or `,` (they delimit properties).
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function githubAnnotation(f: Finding): string {
  const props = [`file=${escapeGithubProperty(f.file)}`];
  if (f.line !== null) props.push(`line=${f.line}`);
  if (f.code) props.push(`title=${escapeGithubProperty(`planparse ${f.code}`)}`);
  return `::${GITHUB_LEVEL[f.severity]} ${props.join(',')}::${escapeGithubData(f.message)}`;
}

/**
 * `plan.txt:11: warning item-number-inferred item 1 has no number marker…`:
 * one finding on one line, the same shape for `check`, `validate` and
 * `--strict`, so one pattern (or an editor's error format) reads them all.
 */
export function findingLine(f: Finding, c: ChalkInstance): string {
  const where = f.line === null ? f.file : `${f.file}:${f.line}`;
  const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  return `${where}: ${sev}${f.code ? ' ' + c.dim(f.code) : ''} ${oneLine(f.message)}`;
}

export function makeReporter(name: ReporterName, out: NodeJS.WritableStream, c: ChalkInstance): Reporter {
  switch (name) {
    case 'text':
      return {
        file(path, findings, failure) {
          if (failure !== null) out.write(findingLine({ file: path, line: null, severity: 'error', message: failure, code: null }, c) + '\n');
          for (const f of findings) out.write(findingLine(f, c) + '\n');
        },
        end() {},
      };
    case 'github':
      return {
        file(path, findings, failure) {
          if (failure !== null) out.write(githubAnnotation({ file: path, line: null, severity: 'error', message: failure, code: 'unreadable' }) + '\n');
          for (const f of findings) out.write(githubAnnotation(f) + '\n');
        },
        end() {},
      };
    case 'json': {
      const files: { path: string; ok: boolean; error: string | null; documents?: number; invalidDocuments?: number; findings: Omit<Finding, 'file'>[] }[] = [];
      return {
        file(path, findings, failure, documents) {
          files.push({
            path,
            ok: failure === null && !findings.some((f) => f.severity === 'error'),
            error: failure,
            ...(documents ? { documents: documents.documents, invalidDocuments: documents.invalid } : {}),
            findings: findings.map(({ file: _file, ...rest }) => rest),
          });
        },
        end(summary) {
          out.write(JSON.stringify({ files, summary }, null, 2) + '\n');
        },
      };
    }
  }
}
