// The JSON Schema of the output, generated from the zod schema.
import * as z from 'zod';
import { Plan, SCHEMA_VERSION } from './schema.js';

export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Plan, { target: 'draft-2020-12' }) as Record<string, unknown>;
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
