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
  /** Per request, as AWS's clickstream solution refuses larger bodies with 413. */
  maxBatchEvents: 500,
  maxBodyBytes: 1_048_576,
} as const;

export const NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

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
