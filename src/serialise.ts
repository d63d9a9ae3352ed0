// Stage 9: a Plan as text.
import type { Plan } from './schema.js';

export function toJson(plan: Plan, pretty = true): string {
  return JSON.stringify(plan, null, pretty ? 2 : undefined);
}
