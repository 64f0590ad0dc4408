/**
 * What a shopper does in the store, step by step: the browser driver performs these on the
 * store's pages; the events each step records in the model are what the store records for it.
 */
export type ShopperAction =
  /** The first page of a tab: a page load. */
  | { kind: 'load'; path: string }
  /** A client-side navigation (a link, or the router for a typed URL). */
  | { kind: 'go'; path: string }
  /** "Add to cart" on the product page that is shown. */
  | { kind: 'add'; productId: string; quantity: number }
  /** "Remove" on the cart line of a product. */
  | { kind: 'remove'; productId: string }
  /** "Checkout" on the cart: to the checkout page, or its login when logged out. */
  | { kind: 'checkout' }
  /** From the login page: "Create an account", then sign up (and be logged in). */
  | { kind: 'sign-up'; userId: string }
  /** Log in on the login page that is shown. */
  | { kind: 'log-in'; userId: string }
  /** "Place order" on the checkout page. */
  | { kind: 'order' }
  /** Reload the page shown. */
  | { kind: 'reload' }
  /** Open a page in a second tab (same session), or close it again. */
  | { kind: 'open-tab'; path: string }
  | { kind: 'close-tab' };

/** An action at its time, and how many of the session's events the model had before it. */
export interface TimedAction {
  action: ShopperAction;
  at: number;
  eventsBefore: number;
}

/** The password every simulated shopper signs up with (cognito-local's default policy). */
export const SHOPPER_PASSWORD = 'Simulated-shopper-1';

/** A simulated shopper's Cognito login, unique per run so a rerun can sign up again. */
export const shopperEmail = (userId: string, runId: string): string =>
  `${userId}.${runId}@traffic.clicktrail.local`.toLowerCase();
