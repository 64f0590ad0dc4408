import type { DroppedAttribute } from './attributes.js';
import type { ProductContext, ProductItem } from './event.js';
import {
  describe,
  type Fields,
  integer,
  isPlainObject,
  optionalNumber,
  optionalString,
  requiredString,
  SchemaError,
} from './fields.js';
import { LIMITS } from './limits.js';

const max = LIMITS.maxProductFieldLength;
const ID_RULE = { max };
type Reader = (fields: Fields, key: string) => string | number | null;
const text: Reader = (fields, key) => optionalString(fields, key, max);
const FIELDS: readonly [string, Reader][] = [
  ['name', text],
  ['category', text],
  ['brand', text],
  ['price', optionalNumber],
  ['discount_price', optionalNumber],
  ['url_path', (fields, key) => optionalString(fields, key, LIMITS.maxUrlLength)],
];
const QUANTITY: Reader = (fields, key) =>
  fields[key] == null ? null : integer(fields, key, { min: 1, max: LIMITS.maxInteger });
const ITEM_FIELDS: readonly [string, Reader][] = [...FIELDS, ['quantity', QUANTITY]];

/**
 * Reads product context like attributes: a bad field is set to null and reported, the
 * product is kept. Only a product without a valid `id` is dropped as a whole (also reported).
 */
function readContext(
  value: unknown,
  path: string,
  fields: readonly [string, Reader][],
  dropped: DroppedAttribute[],
): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) {
    dropped.push({ name: path, reason: `expected an object or null, got ${describe(value)}` });
    return null;
  }
  const context: Record<string, unknown> = {};
  try {
    context.id = requiredString(value, 'id', ID_RULE);
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    dropped.push({ name: path, reason: `id: ${error.detail}` });
    return null;
  }
  for (const [key, read] of fields) {
    try {
      context[key] = read(value, key);
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      context[key] = null;
      dropped.push({ name: `${path}.${key}`, reason: error.detail });
    }
  }
  return context;
}

export const readProduct = (value: unknown, dropped: DroppedAttribute[]): ProductContext | null =>
  readContext(value, 'product', FIELDS, dropped) as ProductContext | null;

/** Up to `LIMITS.maxItems` items, each read like `product` plus `quantity`. */
export function readItems(value: unknown, dropped: DroppedAttribute[]): ProductItem[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    dropped.push({ name: 'items', reason: `expected an array, got ${describe(value)}` });
    return [];
  }
  if (value.length > LIMITS.maxItems) {
    const reason = `expected at most ${LIMITS.maxItems} items, got ${value.length}: kept the first ${LIMITS.maxItems}`;
    dropped.push({ name: 'items', reason });
  }
  const items: ProductItem[] = [];
  for (let index = 0; index < Math.min(value.length, LIMITS.maxItems); index++) {
    const item = readContext(value[index], `items[${index}]`, ITEM_FIELDS, dropped);
    if (item) items.push(item as unknown as ProductItem);
  }
  return items;
}
