import type { Consent, User } from './options.js';
import type {
  Attributes,
  ProductContext,
  ProductItem,
  PurchaseAttributes,
} from './schema/event.js';

export interface RecordOptions {
  product?: ProductContext;
  /** Products of a cart or an order (GA4's `items`), at most 200. */
  items?: ProductItem[];
  /** A `purchase` carries `transaction_id`, `value` and `currency` here. */
  attributes?: Attributes & PurchaseAttributes;
}

/** What `createClickstream` returns. Every method is safe to call anywhere; none throws. */
export interface ClickstreamClient {
  /** Persistent anonymous id of this browser (empty when the SDK is disabled). */
  readonly clientId: string;
  /** Current session id, shared by all tabs (empty when the SDK is disabled). */
  readonly sessionId: string;
  /** Records a snake_case event, e.g. `add_to_cart`, with optional product context, items and attributes. */
  record(name: string, options?: RecordOptions): void;
  /** Records a `page_view` of the current URL and title. */
  pageView(): void;
  setUser(user: User): void;
  clearUser(): void;
  setConsent(consent: Consent): void;
  /** Sends everything waiting; resolves when the server answered or a retry is scheduled. */
  flush(): Promise<void>;
  /** Sends what is waiting, then removes every listener and timer. */
  shutdown(): Promise<void>;
}

const noop = () => {};
const done = async () => {};

/** The client used under SSR, for bots and with Do Not Track: records nothing. */
export const disabledClient = (): ClickstreamClient => ({
  clientId: '',
  sessionId: '',
  record: noop,
  pageView: noop,
  setUser: noop,
  clearUser: noop,
  setConsent: noop,
  flush: done,
  shutdown: done,
});
