import type { DroppedAttribute } from './attributes.js';
import type { Attributes } from './event.js';
import { describe } from './fields.js';

const CURRENCY = /^[A-Z]{3}$/;

/** GA4's purchase parameters and the type each must have; the warehouse's revenue reads them. */
const PURCHASE_RULES: readonly [string, string, (value: unknown) => boolean][] = [
  [
    'transaction_id',
    'a string of 1–128 characters',
    (value) => typeof value === 'string' && value.length > 0 && value.length <= 128,
  ],
  ['value', 'a finite number', (value) => Number.isFinite(value)],
  [
    'currency',
    'an ISO 4217 code (3 upper-case letters)',
    (value) => typeof value === 'string' && CURRENCY.test(value),
  ],
];

/** Drops (and reports) a `purchase`'s `transaction_id`, `value` or `currency` of the wrong type. */
export function checkPurchase(attributes: Attributes, dropped: DroppedAttribute[]): Attributes {
  let kept = attributes;
  for (const [name, expected, valid] of PURCHASE_RULES) {
    if (!Object.hasOwn(kept, name) || valid(kept[name])) continue;
    dropped.push({
      name,
      reason: `expected ${expected} on a purchase, got ${describe(kept[name])}`,
    });
    kept = Object.fromEntries(Object.entries(kept).filter(([key]) => key !== name));
  }
  return kept;
}
