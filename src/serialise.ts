// Stage 9: a Plan as text.
import type { Plan } from './schema.js';

export function toJson(plan: Plan, pretty = true): string {
  return JSON.stringify(plan, null, pretty ? 2 : undefined);
}

/** Characters per piece of jsonPieces (about; a piece ends only between values). */
export const PIECE_CHARS = 1 << 16;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

/**
 * The same text as `toJson`, made piece by piece as it is read. A 20 MB plan's
 * JSON written from one string held that string (twice the characters, as
 * UTF-16) and JSON.stringify's own buffers at once; pieces are made, written
 * and dropped, so only the plan stays in memory. A piece ends between two
 * values, never inside a string, so each piece can be coloured on its own.
 */
export function* jsonPieces(plan: Plan, pretty = true, size = PIECE_CHARS): Generator<string> {
  let buffer = '';
  for (const token of tokens(plan as unknown as Json, pretty ? '\n' : '', pretty)) {
    buffer += token;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer.length > 0) yield buffer;
}

/** Whether a value holds an array: only those are walked; the rest are stringified whole. */
function holdsArray(value: Json | undefined): boolean {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  for (const key in value) if (Array.isArray(value[key])) return true;
  return false;
}

/**
 * JSON.stringify's text of `value` in tokens. `newline` is the line break
 * plus the indentation of the value's own line ('' when compact); a leaf is
 * stringified whole and re-indented to its depth.
 */
function* tokens(value: Json, newline: string, pretty: boolean): Generator<string> {
  if (!holdsArray(value)) {
    const text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
    // JSON strings hold no raw line breaks: every \n is a line of the layout.
    yield pretty && newline.length > 1 ? text.replaceAll('\n', newline) : text;
    return;
  }
  const inner = pretty ? newline + '  ' : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? inner : ',' + inner;
      // As JSON.stringify: a hole or an undefined element is null.
      yield* tokens(value[i] ?? null, inner, pretty);
    }
    return yield newline + ']';
  }
  const object = value as { [key: string]: Json | undefined };
  let first = true;
  yield '{';
  for (const key of Object.keys(object)) {
    const v = object[key];
    // As JSON.stringify: a property whose value is undefined is left out.
    if (v === undefined) continue;
    yield (first ? '' : ',') + inner + JSON.stringify(key) + (pretty ? ': ' : ':');
    first = false;
    yield* tokens(v, inner, pretty);
  }
  yield first ? '}' : newline + '}';
}
