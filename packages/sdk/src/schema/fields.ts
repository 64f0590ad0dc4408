/** Small readers that check one field and say what was expected and what came. */
import { LIMITS } from './limits.js';

export class SchemaError extends Error {
  override name = 'SchemaError';
  /** The problem without the field name, e.g. `expected a finite number or null, got "12.50"`. */
  readonly detail: string;
  constructor(key: string, detail: string) {
    super(`${key}: ${detail}`);
    this.detail = detail;
  }
}

export type Fields = Record<string, unknown>;

const { maxTimestamp, maxInteger } = LIMITS;

/** NUL and lone surrogates: valid in JavaScript strings, refused by PostgreSQL text and jsonb. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

type MaybeWellFormed = { isWellFormed?: () => boolean };

export const isStorableText = (text: string): boolean =>
  !text.includes('\u0000') &&
  // String#isWellFormed (Node 20+) is several times faster than the regex.
  ((text as MaybeWellFormed).isWellFormed?.() ?? !LONE_SURROGATE.test(text));

const NOT_STORABLE = 'text without NUL or unpaired surrogates';

export const isPlainObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A short, safe excerpt of a bad value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'an array' : `an ${typeof value}`;
}

const fail = (key: string, expected: string, value: unknown): never => {
  throw new SchemaError(key, `expected ${expected}, got ${describe(value)}`);
};

interface StringRule {
  max: number;
  pattern?: RegExp;
  patternText?: string;
}

export function requiredString(fields: Fields, key: string, rule: StringRule): string {
  const value = fields[key];
  const expected = rule.patternText ?? `a string of 1–${rule.max} characters`;
  if (typeof value !== 'string' || value.length === 0 || value.length > rule.max) {
    return fail(key, expected, value);
  }
  if (rule.pattern && !rule.pattern.test(value)) return fail(key, expected, value);
  if (!isStorableText(value)) return fail(key, NOT_STORABLE, value);
  return value;
}

export function optionalString(fields: Fields, key: string, max: number): string | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > max) {
    return fail(key, `a string of at most ${max} characters or null`, value);
  }
  if (!isStorableText(value)) return fail(key, NOT_STORABLE, value);
  return value;
}

export function optionalNumber(fields: Fields, key: string): number | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail(key, 'a finite number or null', value);
  }
  return value;
}

interface IntegerRule {
  min: number;
  /** Default: the largest safe integer. */
  max?: number;
  fallback?: number;
  /** What the message calls it; default `an integer from min to max`. */
  expected?: string;
}

export function integer(fields: Fields, key: string, rule: IntegerRule): number {
  const { min, max = Number.MAX_SAFE_INTEGER } = rule;
  const value = fields[key] ?? rule.fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    return fail(key, rule.expected ?? `an integer ${range}`, value);
  }
  return value;
}

/** Epoch ms as a PostgreSQL timestamptz and a JavaScript date hold it: an integer, 1 to year 9999. */
const TIMESTAMP_RULE: IntegerRule = {
  min: 1,
  max: maxTimestamp,
  expected: `epoch ms (an integer from 1 to ${maxTimestamp}, the end of year 9999)`,
};

export const timestamp = (fields: Fields, key: string): number =>
  integer(fields, key, TIMESTAMP_RULE);

/** A whole number a PostgreSQL `integer` column holds, from `min`. */
export const int4 = (fields: Fields, key: string, min: number, fallback?: number): number =>
  integer(fields, key, { min, max: maxInteger, ...(fallback === undefined ? {} : { fallback }) });

export function optionalTimestamp(fields: Fields, key: string): number | null {
  return fields[key] === undefined || fields[key] === null ? null : timestamp(fields, key);
}

export function boolean(fields: Fields, key: string, fallback: boolean): boolean {
  const value = fields[key] ?? fallback;
  if (typeof value !== 'boolean') return fail(key, 'true or false', value);
  return value;
}

export function oneOf<T extends string>(
  fields: Fields,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = fields[key] ?? fallback;
  if (!allowed.includes(value as T)) return fail(key, `one of ${allowed.join(', ')}`, value);
  return value as T;
}
