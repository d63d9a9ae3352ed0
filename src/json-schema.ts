// The JSON Schema of the output, generated from the zod schema. Every named
// part of src/schema.ts (Target, Item, Paragraph, LineRange, …) is written
// once under $defs and referred to by name, so a code generator makes one
// type per part instead of a copy at every place it occurs.
import * as z from 'zod';
import * as parts from './schema.js';
import { Plan, SCHEMA_VERSION } from './schema.js';

type Meta = z.core.GlobalMeta;

function isSchema(v: unknown): v is z.core.$ZodType {
  return typeof v === 'object' && v !== null && '_zod' in v;
}

/** Every schema reachable from `root`: object fields, array elements, wrapped types, union options. */
function reachable(root: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): Set<z.core.$ZodType> {
  if (seen.has(root)) return seen;
  seen.add(root);
  const visit = (v: unknown): void => {
    if (isSchema(v)) reachable(v, seen);
    else if (Array.isArray(v)) v.forEach(visit);
  };
  const def = root._zod.def as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(def)) {
    if (key === 'shape' && value && typeof value === 'object') Object.values(value).forEach(visit);
    else if (key !== 'checks') visit(value);
  }
  return seen;
}

/**
 * The metadata the generator reads: each schema's own (descriptions, from the
 * global registry), plus an id, its export name, for every named part.
 */
function namedParts(): z.core.$ZodRegistry<Meta> {
  const registry = z.registry<Meta>();
  for (const schema of reachable(Plan)) {
    const meta = z.globalRegistry.get(schema);
    if (meta) registry.add(schema, meta);
  }
  for (const [name, value] of Object.entries(parts)) {
    if (!isSchema(value) || value === Plan) continue;
    registry.add(value, { ...z.globalRegistry.get(value), id: name });
  }
  return registry;
}

export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Plan, { target: 'draft-2020-12', metadata: namedParts() }) as Record<string, unknown>;
  return {
    $id: `https://planparse.dev/schemas/plan-${SCHEMA_VERSION}.json`,
    title: 'planparse plan',
    ...schema,
  };
}

/** The schema as the committed file holds it: pretty JSON with a final newline. */
export function planJsonSchemaText(): string {
  return JSON.stringify(planJsonSchema(), null, 2) + '\n';
}
