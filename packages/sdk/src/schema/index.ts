/**
 * `@clicktrail/sdk/schema`: wire format v1, its limits and its validation.
 * Ingest, ETL, dashboard and store import this; the browser bundle imports only the types.
 */

export type { CleanAttributes, DroppedAttribute } from './attributes.js';
export { cleanAttributes } from './attributes.js';
export type { BatchCheck } from './batch.js';
export { checkBatch } from './batch.js';
export type {
  Attributes,
  AttributeValue,
  ClickstreamEvent,
  EventBatch,
  LoginState,
  ProductContext,
  ProductItem,
  PurchaseAttributes,
} from './event.js';
export { SchemaError } from './fields.js';
export {
  ATTRIBUTE_NAME_PATTERN,
  AUTOMATIC_EVENTS,
  COMMERCE_EVENTS,
  EVENT_ID_PATTERN,
  LIMITS,
  NAME_PATTERN,
  RESERVED_KEYS,
} from './limits.js';
export type { RawEnvelope, RawEvent, RawEventCheck } from './raw-event.js';
export { validateRawEvent } from './raw-event.js';
// The one test-event factory: every package's fixtures start from it.
export { testEvent } from './test-event.js';
export type { EventCheck } from './validate-event.js';
export { validateEvent } from './validate-event.js';
