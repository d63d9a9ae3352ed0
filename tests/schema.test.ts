import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planJsonSchemaText } from '../src/json-schema.js';
import { Plan } from '../src/schema.js';
import { parsePlan } from '../src/parse.js';
import { ROOT, fixture } from './helpers.js';

describe('schema', () => {
  it('schemas/plan.schema.json is generated from the zod schema and up to date (npm run schema)', () => {
    expect(readFileSync(join(ROOT, 'schemas/plan.schema.json'), 'utf8')).toBe(planJsonSchemaText());
  });

  it('every parsed seed validates and carries schemaVersion', () => {
    const plan = parsePlan(fixture('seeds/002_5ee358fecd5407df.txt'));
    expect(Plan.safeParse(plan).success).toBe(true);
    expect(plan.schemaVersion).toBe('1.0.0');
  });

  it('rejects a document missing its outline arrays', () => {
    const plan = parsePlan(fixture('seeds/002_5ee358fecd5407df.txt')) as Record<string, unknown>;
    const { sections: _dropped, ...rest } = plan;
    expect(Plan.safeParse(rest).success).toBe(false);
  });
});
