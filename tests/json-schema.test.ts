// The generated JSON Schema names each shared part once ($defs) and refers to it.
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../src/json-schema.js';
import * as parts from '../src/schema.js';

const schema = planJsonSchema() as { $defs: Record<string, Record<string, unknown>>; properties: Record<string, unknown> };
const text = JSON.stringify(schema);

describe('JSON Schema $defs', () => {
  it('holds each exported part of src/schema.ts under its export name', () => {
    const exported = Object.entries(parts)
      .filter(([name, v]) => typeof v === 'object' && v !== null && '_zod' in v && name !== 'Plan')
      .map(([name]) => name);
    // Only parts the plan uses can appear; every one of those must be named.
    for (const name of ['Target', 'Item', 'Point', 'Paragraph', 'Section', 'Subsection', 'LineRange', 'Diagnostic', 'Meta', 'Notice']) {
      expect(exported).toContain(name);
      expect(schema.$defs[name], name).toBeDefined();
    }
  });

  it('writes Target once and refers to it everywhere else', () => {
    // "sentence" is a Target field only: one definition, no inlined copies.
    expect(text.match(/"sentence":/g)).toHaveLength(1);
    expect(text.match(/"\$ref":"#\/\$defs\/Target"/g)!.length).toBeGreaterThanOrEqual(4);
    expect(schema.properties.items).toEqual({ type: 'array', items: { $ref: '#/$defs/Item' }, description: 'items outside any section (plans without sections)' });
  });

  it('keeps the descriptions of the zod schema', () => {
    expect(schema.$defs.Target!.description).toBe('a quantitative commitment: a number with a measuring unit');
    expect(JSON.stringify(schema.$defs.Target)).toContain('the span as written, comparator words included');
  });

  it('every $ref points at a definition', () => {
    for (const [, name] of text.matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g)) expect(schema.$defs[name!], name).toBeDefined();
  });
});
