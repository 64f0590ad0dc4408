import type { RawEvent } from '@clicktrail/sdk/schema';

/**
 * The hand-computed fixture: two apps, a session across midnight, a returning user, a
 * reloaded purchase, a purchase without a transaction id, an empty day (2026-11-22 UTC), one
 * quarantined line, and one event received just now for the live panel. Times are UTC.
 * The expected numbers are worked out by hand next to each test, from this list.
 */
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0';

interface Product {
  id: string;
  name: string;
  category: string;
  brand: string;
  price: number;
  discount_price: number | null;
  url_path: string;
}

const MUG: Product = {
  id: 'sku-mug',
  name: 'Ceramic mug',
  category: 'kitchen',
  brand: 'Acme',
  price: 12.5,
  discount_price: null,
  url_path: '/products/mug',
};
/** Bought by E only, never viewed: known to the dashboard from the purchase's items alone. */
const TOWEL: Product = {
  id: 'sku-towel',
  name: 'Tea towel',
  category: 'kitchen',
  brand: 'Linen Co',
  price: 12,
  discount_price: 10,
  url_path: '/products/towel',
};

let sequence = 0;

interface Spec {
  at: string | number;
  name: string;
  app?: string;
  client: string;
  session: string;
  url: string;
  referrer?: string | null;
  ua: string;
  product?: Product;
  /** A purchase's lines: product context plus quantity, as the SDK sends them. */
  items?: (Product & { quantity: number | null })[];
  attributes?: Record<string, string | number | boolean>;
  loggedIn?: boolean;
}

/** One raw event of the fixture (also for tests with events of their own). */
export function event(spec: Spec): RawEvent {
  sequence += 1;
  const time = typeof spec.at === 'number' ? spec.at : Date.parse(`${spec.at}Z`);
  return {
    event_id: `fixture_${String(sequence).padStart(4, '0')}_${spec.client}`,
    event_name: spec.name,
    event_timestamp: time,
    app_id: spec.app ?? 'shop',
    client_id: spec.client,
    session_id: spec.session,
    session_number: 1,
    is_first_visit: spec.name === 'first_visit',
    user_id: spec.loggedIn ? `user-${spec.client}` : null,
    user_login_state: spec.loggedIn ? 'logged_in' : 'logged_out',
    identity_source: spec.loggedIn ? 'cognito' : null,
    page_url: spec.url,
    page_referrer: spec.referrer ?? null,
    page_title: 'Fixture',
    product: spec.product ?? null,
    items: spec.items ?? [],
    attributes: spec.attributes ?? {},
    sdk_version: '0.1.0',
    raw_version: 1,
    received_at: time + 1_000,
    request_id: `req-${sequence}`,
    sent_at: time + 500,
    clock_skew_ms: 500,
    device_timestamp: time - 500,
    client_ip: '203.0.113.0',
    user_agent: spec.ua,
  } as RawEvent;
}

const SHOP = 'https://shop.example';
const a = { client: 'client-a', ua: CHROME };
const b = { client: 'client-b', ua: IPHONE, session: 'b1' };
const c = { client: 'client-c', ua: FIREFOX };
const d = { client: 'client-d', ua: FIREFOX, app: 'blog', session: 'd1' };
const e = { client: 'client-e', ua: FIREFOX, session: 'e1' };
const landing = `${SHOP}/?utm_source=news&utm_medium=email&utm_campaign=nov`;

export function fixtureEvents(now: number = Date.now()): RawEvent[] {
  return [
    // Previous period: C's first visit.
    event({ ...c, session: 'c1', at: '2026-11-10T12:00:00', name: 'first_visit', url: `${SHOP}/` }),
    event({ ...c, session: 'c1', at: '2026-11-10T12:00:00', name: 'page_view', url: `${SHOP}/` }),
    // A1: new user from a newsletter, buys two mugs, reloads the confirmation page.
    event({ ...a, session: 'a1', at: '2026-11-16T10:00:00', name: 'first_visit', url: landing }),
    event({
      ...a,
      session: 'a1',
      at: '2026-11-16T10:00:00',
      name: 'page_view',
      url: landing,
      referrer: 'https://mail.example.com/inbox',
    }),
    event({
      ...a,
      session: 'a1',
      at: '2026-11-16T10:00:05',
      name: 'view_item',
      url: `${SHOP}/products/mug`,
      product: MUG,
    }),
    event({
      ...a,
      session: 'a1',
      at: '2026-11-16T10:00:20',
      name: 'add_to_cart',
      url: `${SHOP}/products/mug`,
      product: MUG,
      attributes: { quantity: 2 },
    }),
    event({
      ...a,
      session: 'a1',
      at: '2026-11-16T10:01:00',
      name: 'begin_checkout',
      url: `${SHOP}/checkout`,
    }),
    ...[0, 30].map((later) =>
      event({
        ...a,
        session: 'a1',
        at: Date.parse('2026-11-16T10:02:00Z') + later * 1000,
        name: 'purchase',
        url: `${SHOP}/orders/t1`,
        // As the SDK sends a purchase: no product context of its own, the lines in items.
        items: [{ ...MUG, quantity: 2 }],
        attributes: { transaction_id: 'T1', value: 25, currency: 'EUR' },
      }),
    ),
    // B1: new user, the session crosses midnight (starts 11-17, ends 11-18).
    event({ ...b, at: '2026-11-17T23:59:50', name: 'first_visit', url: `${SHOP}/` }),
    event({
      ...b,
      at: '2026-11-17T23:59:50',
      name: 'page_view',
      url: `${SHOP}/`,
      referrer: 'https://www.google.com/search?q=mug',
    }),
    event({
      ...b,
      at: '2026-11-18T00:00:10',
      name: 'view_item',
      url: `${SHOP}/products/mug`,
      product: MUG,
    }),
    event({
      ...b,
      at: '2026-11-18T00:00:30',
      name: 'page_view',
      url: `${SHOP}/products/mug`,
      referrer: `${SHOP}/`,
    }),
    // A2: A returns for one page view (a bounce).
    event({ ...a, session: 'a2', at: '2026-11-18T09:00:00', name: 'page_view', url: `${SHOP}/` }),
    // C2: C (first visit in the previous period) returns: a returning user, 5 s, a bounce.
    event({ ...c, session: 'c2', at: '2026-11-19T14:00:00', name: 'page_view', url: `${SHOP}/` }),
    event({
      ...c,
      session: 'c2',
      at: '2026-11-19T14:00:03',
      name: 'view_item',
      url: `${SHOP}/products/mug`,
      product: MUG,
    }),
    event({
      ...c,
      session: 'c2',
      at: '2026-11-19T14:00:05',
      name: 'add_to_cart',
      url: `${SHOP}/products/mug`,
      product: MUG,
    }),
    // D1: the other app; two page views in 4 s (engaged by page views).
    event({
      ...d,
      at: '2026-11-20T08:00:00',
      name: 'first_visit',
      url: 'https://blog.example/post-1',
    }),
    event({
      ...d,
      at: '2026-11-20T08:00:00',
      name: 'page_view',
      url: 'https://blog.example/post-1',
      referrer: 'https://www.google.com/',
    }),
    event({
      ...d,
      at: '2026-11-20T08:00:04',
      name: 'page_view',
      url: 'https://blog.example/post-2',
      referrer: 'https://blog.example/post-1',
    }),
    // E1: new user, signs in and buys a towel (no quantity: 1) without a transaction id
    // (counted by its event id).
    event({ ...e, at: '2026-11-21T16:00:00', name: 'first_visit', url: `${SHOP}/` }),
    event({ ...e, at: '2026-11-21T16:00:00', name: 'page_view', url: `${SHOP}/` }),
    event({
      ...e,
      at: '2026-11-21T16:00:20',
      name: 'purchase',
      url: `${SHOP}/orders/e`,
      loggedIn: true,
      items: [{ ...TOWEL, quantity: null }],
      attributes: { value: 10, currency: 'EUR' },
    }),
    // 2026-11-22: no events. A3: A comes back the week after (retention).
    event({ ...a, session: 'a3', at: '2026-11-24T12:00:00', name: 'page_view', url: `${SHOP}/` }),
    // Received a minute ago: the live panel.
    event({
      client: 'client-live',
      ua: FIREFOX,
      app: 'blog',
      session: 'l1',
      at: now - 60_000,
      name: 'page_view',
      url: 'https://blog.example/',
    }),
  ];
}

/** A line the ETL cannot read: quarantined, so data health has a non-zero count to show. */
export const BAD_LINE = '{"event_id": "not-json"';

/** A `rejected/` object as ingest writes it: two refused events and one dropped attribute. */
export const REJECTED_LINES = [
  { kind: 'event', index: 0, event_id: null, reason: 'event_name: expected snake_case' },
  { kind: 'event', index: 1, event_id: 'fixture_refused_01', reason: 'client_id: missing' },
  { kind: 'attribute', index: 2, name: 'note', reason: 'value over 1,024 characters' },
].map((line) => JSON.stringify({ raw_version: 1, request_id: 'req-refused', ...line }));
