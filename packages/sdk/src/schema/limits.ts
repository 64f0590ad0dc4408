/** Limits shared by the SDK (client-side checks) and ingest (server-side validation). */
export const LIMITS = {
  /** Event and attribute names: clickstream-web's rule. */
  maxNameLength: 50,
  maxAttributes: 500,
  maxAttributeValueLength: 1024,
  maxIdLength: 128,
  maxUrlLength: 4096,
  maxTitleLength: 1024,
  maxProductFieldLength: 512,
  /** Entries of `items` on one event (GA4 keeps 200 items per event). */
  maxItems: 200,
  /** Per request, as AWS's clickstream solution refuses larger bodies with 413. */
  maxBatchEvents: 500,
  /** Per request body, UTF-8 bytes; the SDK sizes its batches under it. */
  maxBodyBytes: 1_048_576,
  /** Epoch ms at the end of year 9999: the last time a JavaScript date and ISO text hold. */
  maxTimestamp: 253_402_300_799_999,
  /** The largest PostgreSQL `integer` (`session_number`, `quantity` are stored as one). */
  maxInteger: 2_147_483_647,
} as const;

/** Event names: snake_case (lower-case letters, digits, `_`, starting with a letter). */
export const NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Attribute names: letters, digits and `_`, not starting with a digit (clickstream-web's rule). */
export const ATTRIBUTE_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The SDK makes nanoids; any 16–64 url-safe characters are accepted, so UUIDs work too. */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Names that would change an object's prototype when assigned; never accepted as keys. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Events the SDK records on its own. */
export const AUTOMATIC_EVENTS = ['first_visit', 'session_start', 'page_view'] as const;

/** GA4's commerce event names. */
export const COMMERCE_EVENTS = [
  'view_item',
  'add_to_cart',
  'remove_from_cart',
  'begin_checkout',
  'purchase',
  'search',
  'login',
  'sign_up',
] as const;
