export type { ClickstreamClient, RecordOptions } from './api.js';
export { createClickstream } from './create-clickstream.js';
export type { ClickstreamOptions, Consent, User } from './options.js';
export { DEFAULTS } from './options.js';
export type {
  Attributes,
  AttributeValue,
  ClickstreamEvent,
  EventBatch,
  LoginState,
  ProductContext,
  ProductItem,
  PurchaseAttributes,
} from './schema/event.js';
export { SDK_VERSION } from './version.js';
