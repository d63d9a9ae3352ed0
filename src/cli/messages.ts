// How the CLI words problems: one line each, `planparse: FILE: message`, never
// a stack trace.
import { InputError } from '../errors.js';

/** A mistake on the command line: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The one-line reason for a failure: the user's input, or (rarely) a bug of ours. */
export function errorMessage(e: unknown): string {
  if (e instanceof InputError) return oneLine(e.message);
  if (e instanceof Error) return `internal error: ${oneLine(e.message)}`;
  return `internal error: ${oneLine(String(e))}`;
}

/** Why a file system call failed, in words (the errno code alone is cryptic). */
export function fsReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on device';
    case 'EDQUOT': return 'disk quota exceeded';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a parent is not a directory';
    case 'EEXIST': return 'already exists';
    default: return oneLine(err?.message ?? String(e));
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;
