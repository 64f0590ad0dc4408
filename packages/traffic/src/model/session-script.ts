import { effectiveCents, type Product } from '../catalog.js';
import type { Random } from '../random.js';
import { type Intent, SEARCH_TERMS } from './intents.js';
import type { SessionWriter } from './session-writer.js';
import type { PurchaseItem } from './sim-event.js';

/** What the script needs to know about the visitor beyond the writer. */
export interface ScriptOptions {
  intent: Intent;
  catalog: readonly Product[];
  /** The user id a new shopper signs up as when checkout asks them to log in. */
  signUp: string | null;
  /** A registered shopper who is logged out: logs in at the start (and at checkout). */
  registered: string | null;
  logInAtStart: boolean;
  /** Open a product in a second tab. */
  secondTab: boolean;
  landing: string;
  /** The confirmation page is reloaded (a reload records only its page view). */
  reloadConfirmation: boolean;
  /** The shop records `purchase` again on a reloaded confirmation page (same transaction,
   * new event): it must count once. Not how the example store behaves (ingest driver only). */
  reloadRecordsPurchase: boolean;
  /** The visitor's cart, kept across sessions as the store's cart cookie is. */
  cart: PurchaseItem[];
}

const productPage = (product: Product) => `/products/${product.id}`;
const LOGIN_FOR_CHECKOUT = '/login?next=%2Fcheckout';

/** A client-side navigation: the store records a page view only when the route changes. */
function go(writer: SessionWriter, path: string, title: string): void {
  writer.act({ kind: 'go', path });
  writer.page(path, title);
}

/** A product other than the one on screen (a link to the page shown records nothing). */
function pickOther(random: Random, catalog: readonly Product[], path: string): Product {
  for (;;) {
    const product = random.pick(catalog);
    if (productPage(product) !== path) return product;
  }
}

function addToCart(writer: SessionWriter, cart: PurchaseItem[], product: Product, qty: number) {
  writer.think(15);
  writer.act({ kind: 'add', productId: product.id, quantity: qty });
  writer.record('add_to_cart', { quantity: qty }, product);
  const line = cart.find((item) => item.product.id === product.id);
  if (line) line.quantity += qty;
  else cart.push({ product, quantity: qty });
}

function logIn(writer: SessionWriter, userId: string, next: string, title: string): void {
  writer.think(20);
  writer.act({ kind: 'log-in', userId });
  writer.logIn(userId);
  writer.record('login', { method: 'password' });
  writer.page(next, title);
}

/**
 * One session's actions for its intent, and the events the example store records for each,
 * in its order: add to cart on the product page, `begin_checkout` on the cart before the
 * checkout page, a login (or sign-up) when checkout needs one, `purchase` before the
 * confirmation page. Funnels drop off by the intent's design.
 */
export function runSessionScript(
  writer: SessionWriter,
  random: Random,
  options: ScriptOptions,
): void {
  const { intent, catalog, cart } = options;
  writer.act({ kind: 'load', path: options.landing });
  writer.page(options.landing, options.landing === '/' ? 'Home' : 'Catalog');
  if (intent === 'bounce') return;
  if (options.registered && options.logInAtStart) {
    writer.think(15);
    go(writer, '/login', 'Log in');
    logIn(writer, options.registered, '/', 'Home');
  }
  const path = writer.currentPath;
  if (intent === 'search') {
    const term = random.pick(SEARCH_TERMS);
    writer.think(15);
    go(writer, `/search?q=${term}`, `Search: ${term}`);
    writer.record('search', { search_term: term });
  } else {
    writer.think(20);
    const slug = random.pick(catalog).categorySlug;
    if (`/category/${slug}` !== path) go(writer, `/category/${slug}`, slug);
  }
  const buying = intent === 'buy' || intent === 'abandon';
  const views = random.int(1, intent === 'browse' ? 5 : 3);
  const picks = buying ? random.int(1, Math.min(3, views)) : 0;
  for (let i = 0; i < views; i += 1) {
    const product = pickOther(random, catalog, writer.currentPath);
    writer.think();
    go(writer, productPage(product), product.name);
    writer.record('view_item', {}, product);
    if (i < picks) addToCart(writer, cart, product, random.int(1, 3));
  }
  if (options.secondTab) {
    const product = random.pick(catalog);
    writer.think(10);
    writer.act({ kind: 'open-tab', path: productPage(product) });
    writer.openTab(productPage(product), product.name);
    writer.record('view_item', {}, product);
    writer.think(20);
    writer.act({ kind: 'close-tab' });
    writer.closeTab();
  }
  if (!buying) return;

  writer.think(10);
  go(writer, '/cart', 'Cart');
  if (cart.length > 1 && random.chance(0.3)) {
    const removed = cart.pop() as PurchaseItem;
    writer.think(10);
    writer.act({ kind: 'remove', productId: removed.product.id });
    writer.record('remove_from_cart', { quantity: removed.quantity }, removed.product);
  }
  if (intent === 'abandon' && random.chance(0.5)) return;
  writer.think(15);
  const value = cart.reduce((sum, item) => sum + effectiveCents(item.product) * item.quantity, 0);
  writer.act({ kind: 'checkout' });
  writer.record('begin_checkout', { value: value / 100, currency: 'USD' });
  // The store's Checkout button takes a logged-out shopper to log in first.
  if (writer.userId) writer.page('/checkout', 'Checkout');
  else writer.page(LOGIN_FOR_CHECKOUT, 'Log in');
  if (intent === 'abandon') return;
  if (!writer.userId && options.registered) {
    logIn(writer, options.registered, '/checkout', 'Checkout');
  } else if (!writer.userId && options.signUp) {
    writer.think(10);
    go(writer, '/signup?next=%2Fcheckout', 'Sign up');
    writer.think(30);
    writer.act({ kind: 'sign-up', userId: options.signUp });
    writer.record('sign_up', { method: 'password' });
    writer.logIn(options.signUp);
    writer.record('login', { method: 'password' });
    writer.page('/checkout', 'Checkout');
  }
  writer.think(30);
  const orderId = `order-${random.id(12)}`;
  const items = cart.splice(0).map((item) => ({ ...item }));
  writer.act({ kind: 'order' });
  writer.purchase(orderId, value, items);
  writer.page(`/orders/${orderId}`, 'Thank you');
  if (options.reloadConfirmation) {
    writer.think(5);
    writer.act({ kind: 'reload' });
    writer.reload();
    if (options.reloadRecordsPurchase) writer.purchase(orderId, value, items);
  }
}
