import type { Attributes, AttributeValue } from './event.js';
import { ATTRIBUTE_NAME_PATTERN, LIMITS, RESERVED_KEYS } from './limits.js';

/** Why an attribute, a product field or an item was dropped; the event itself survives. */
export interface DroppedAttribute {
  name: string;
  reason: string;
}

export interface CleanAttributes {
  attributes: Attributes;
  dropped: DroppedAttribute[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function attributeProblem(name: string, value: unknown): string | undefined {
  // Short reasons: this runs in the browser bundle too.
  if (
    RESERVED_KEYS.has(name) ||
    name.length > LIMITS.maxNameLength ||
    !ATTRIBUTE_NAME_PATTERN.test(name)
  ) {
    return 'invalid name';
  }
  if (typeof value === 'string') {
    return value.length > LIMITS.maxAttributeValueLength ? 'value too long' : undefined;
  }
  return value === null || typeof value === 'boolean' || Number.isFinite(value)
    ? undefined
    : 'not a string, finite number, boolean or null';
}

/**
 * Keeps the valid attributes and reports the others, clickstream-web style:
 * a bad attribute never sinks its event. Builds a fresh object, so hostile keys
 * cannot reach any prototype.
 */
export function cleanAttributes(input: unknown): CleanAttributes {
  const dropped: DroppedAttribute[] = [];
  if (input === undefined || input === null) return { attributes: {}, dropped };
  if (!isPlainObject(input)) {
    return { attributes: {}, dropped: [{ name: '*', reason: 'not an object' }] };
  }
  const kept: [string, AttributeValue][] = [];
  for (const [name, value] of Object.entries(input)) {
    const problem = attributeProblem(name, value);
    if (problem) dropped.push({ name, reason: problem });
    else if (kept.length >= LIMITS.maxAttributes) {
      dropped.push({ name, reason: 'too many attributes' });
    } else kept.push([name, value as AttributeValue]);
  }
  return { attributes: Object.fromEntries(kept), dropped };
}
