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

/** Why `value` under `name` cannot be kept, or undefined. Short reasons: this runs in the browser bundle too. */
const attributeProblem = (name: string, value: unknown): string | undefined =>
  RESERVED_KEYS.has(name) ||
  name.length > LIMITS.maxNameLength ||
  !ATTRIBUTE_NAME_PATTERN.test(name)
    ? 'invalid name'
    : typeof value === 'string'
      ? value.length > LIMITS.maxAttributeValueLength
        ? 'value too long'
        : undefined
      : value === null || typeof value === 'boolean' || Number.isFinite(value)
        ? undefined
        : 'not a string, finite number, boolean or null';

/**
 * Keeps the valid attributes and reports the others, clickstream-web style:
 * a bad attribute never sinks its event. Builds a fresh object, and reserved names
 * (`__proto__` …) are refused, so hostile keys cannot reach any prototype.
 */
export function cleanAttributes(input: unknown): CleanAttributes {
  const attributes: Attributes = {};
  const dropped: DroppedAttribute[] = [];
  if (input != null && (typeof input !== 'object' || Array.isArray(input))) {
    dropped.push({ name: '*', reason: 'not an object' });
  } else {
    let kept = 0;
    for (const [name, value] of Object.entries(input ?? {})) {
      const reason =
        attributeProblem(name, value) ??
        (kept++ < LIMITS.maxAttributes ? undefined : 'too many attributes');
      if (reason) dropped.push({ name, reason });
      else attributes[name] = value as AttributeValue;
    }
  }
  return { attributes, dropped };
}
