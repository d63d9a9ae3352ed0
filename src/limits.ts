// Size limits on inputs, kept apart from the parser so the command line can
// parse --max-size without loading it.
import { InputError } from './errors.js';

/** The largest input read by default: far above any real plan (the largest seen are under 1 MB). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** `64 MiB`, `1.5 MiB`, `512 KiB`, `100 bytes`: a size as people read it. */
export function formatBytes(n: number): string {
  const MiB = 1024 * 1024;
  if (n >= MiB) return `${n % MiB === 0 ? n / MiB : (n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${n % 1024 === 0 ? n / 1024 : (n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

export function tooLarge(maxBytes: number): InputError {
  return new InputError('too-large', `too large: more than ${formatBytes(maxBytes)} (--max-size raises the limit)`);
}

/** `64M`, `512k`, `1g`, `64MB`, `1000`: a byte count for --max-size (binary units). */
export function parseByteSize(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(value);
  if (!m) return null;
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Math.floor(Number(m[1]) * scale);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
