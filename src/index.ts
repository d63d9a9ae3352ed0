// planparse library entry.
export { parsePlan, type ParseOptions } from './parse.js';
export { parsePlanFile, parsePlanBytes } from './read.js';
export { decode, type Decoded } from './decode.js';
export { normalise } from './normalise.js';
export { stripBoilerplate, boilerplateReason } from './boilerplate.js';
export { extractMetadata } from './metadata.js';
export { buildOutline } from './outline.js';
export { findTargets } from './targets.js';
export { chineseToNumber } from './numerals.js';
export { parseDate } from './dates.js';
export { toJson } from './serialise.js';
export { InputError, InternalError } from './errors.js';
export * from './schema.js';
export { planJsonSchema, planJsonSchemaText } from './json-schema.js';
