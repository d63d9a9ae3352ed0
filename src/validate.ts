// Stage 8: every document is checked against the schema before anyone sees it.
import { Plan } from './schema.js';
import { InternalError } from './errors.js';

export function validatePlan(doc: unknown): Plan {
  const result = Plan.safeParse(doc);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? first.path.join('.') || '(root)' : '(root)';
    throw new InternalError(`output failed the plan schema at ${where}: ${first?.message ?? 'invalid'}`);
  }
  return result.data;
}
