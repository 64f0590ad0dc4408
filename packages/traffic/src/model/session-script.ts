import { effectiveCents, type Product } from '../catalog.js';
import type { Random } from '../random.js';
import { type Intent, SEARCH_TERMS } from './intents.js';
import type { SessionWriter } from './session-writer.js';
import type { PurchaseItem } from './sim-event.js';

/** What the script needs to know about the visitor beyond the writer. */
export interface ScriptOptions {
  intent: Intent;
  catalog: readonly Product[];
  /** Sign up during this session (a new shopper who buys). */
  signUp: string | null;
  /** Log in at the start of this session (a registered shopper). */
  logIn: string | null;
  /** Open a product in a second tab. */
  secondTab: boolean;
  landing: string;
  /** The confirmation page is reloaded and, in a shop that records on every load, sends
   * `purchase` again (same transaction, new event): it must count once. */
  reloadRecordsPurchase: boolean;
}

const productPage = (product: Product) => `/products/${product.id}`;

function viewProduct(writer: SessionWriter, product: Product): void {
  writer.think();
  writer.page(productPage(product), product.name);
  writer.record('view_item', {}, product);
}

/** One session's actions for its intent; funnels drop off by the intent's design. */
export function runSessionScript(
  writer: SessionWriter,
  random: Random,
  options: ScriptOptions,
): void {
  const { intent, catalog } = options;
  writer.page(options.landing, options.landing === '/' ? 'Home' : 'Catalog');
  if (intent === 'bounce') return;
  if (options.logIn) {
    writer.think(15);
    writer.page('/login', 'Log in');
    writer.think(20);
    writer.logIn(options.logIn);
    writer.record('login', { method: 'cognito' });
  }
  const seen: Product[] = [];
  if (intent === 'search') {
    const term = random.pick(SEARCH_TERMS);
    writer.think(15);
    writer.page(`/search?q=${term}`, `Search: ${term}`);
    writer.record('search', { search_term: term });
  } else {
    writer.think(20);
    const category = random.pick(catalog).category;
    writer.page(`/category/${category}`, category);
  }
  const views = random.int(1, intent === 'browse' ? 5 : 3);
  for (let i = 0; i < views; i += 1) {
    const product = random.pick(catalog);
    seen.push(product);
    viewProduct(writer, product);
  }
  if (options.secondTab) {
    const product = random.pick(catalog);
    writer.think(10);
    writer.openTab(productPage(product), product.name);
    writer.record('view_item', {}, product);
    seen.push(product);
    writer.think(20);
    writer.closeTab();
  }
  if (intent === 'browse' || intent === 'search') return;

  const cart: PurchaseItem[] = [];
  const picks = random.int(1, Math.min(3, seen.length));
  for (let i = 0; i < picks; i += 1) {
    const product = seen[i] as Product;
    const quantity = random.int(1, 3);
    writer.think(15);
    writer.record('add_to_cart', { quantity }, product);
    cart.push({ product, quantity });
  }
  writer.think(10);
  writer.page('/cart', 'Cart');
  if (cart.length > 1 && random.chance(0.3)) {
    const removed = cart.pop() as PurchaseItem;
    writer.think(10);
    writer.record('remove_from_cart', { quantity: removed.quantity }, removed.product);
  }
  if (intent === 'abandon' && random.chance(0.5)) return;
  writer.think(15);
  writer.page('/checkout', 'Checkout');
  const value = cart.reduce((sum, item) => sum + effectiveCents(item.product) * item.quantity, 0);
  writer.record('begin_checkout', { value: value / 100, currency: 'USD' });
  if (intent === 'abandon') return;
  if (options.signUp && !writer.userId) {
    writer.think(10);
    writer.page('/signup', 'Sign up');
    writer.think(30);
    writer.logIn(options.signUp);
    writer.record('sign_up', { method: 'cognito' });
    writer.think(5);
    writer.page('/checkout', 'Checkout');
  }
  writer.think(30);
  const orderId = `order-${random.id(12)}`;
  writer.page(`/orders/${orderId}`, 'Thank you');
  writer.purchase(orderId, value, cart);
  if (options.reloadRecordsPurchase) {
    writer.think(5);
    writer.page(`/orders/${orderId}`, 'Thank you');
    writer.purchase(orderId, value, cart);
  }
}
