import { describe, expect, it } from 'vitest';
import type { Product } from '../catalog.js';
import type { SimEvent } from '../model/sim-event.js';
import { computeFigures, sessionFacts } from './compute.js';

const mug: Product = {
  id: 'mug',
  name: 'Mug',
  category: 'kitchen',
  categorySlug: 'kitchen',
  brand: 'Acme',
  priceCents: 1250,
  discountCents: null,
};
const cap: Product = {
  id: 'cap',
  name: 'Cap',
  category: 'apparel',
  categorySlug: 'apparel',
  brand: 'Bolt',
  priceCents: 2000,
  discountCents: 1599,
};
const at = (iso: string) => Date.parse(iso);
const event = (
  name: string,
  when: string,
  visitor: string,
  session: string,
  extra: Partial<SimEvent> = {},
): SimEvent => ({
  name,
  at: at(when),
  visitor,
  session,
  sessionNumber: 1,
  isFirstVisit: true,
  tab: 0,
  path: '/',
  title: 'Home',
  referrer: null,
  product: null,
  userId: null,
  attributes: {},
  items: null,
  ...extra,
});
const purchase = (
  when: string,
  visitor: string,
  session: string,
  tx: string,
  items: SimEvent['items'],
) =>
  event('purchase', when, visitor, session, {
    attributes: { transaction_id: tx, value: 56.48, currency: 'USD' },
    items,
  });

// A: new on 11-16, a session across midnight (23:59:55 -> 00:00:20, 25 s: engaged), back on
// 11-17 to buy (a reloaded confirmation page records the purchase twice).
// B: new on 11-17, one page view: a bounce.
const events: SimEvent[] = [
  event('session_start', '2026-11-16T23:59:55.100Z', 'A', 'a1'),
  event('first_visit', '2026-11-16T23:59:55.100Z', 'A', 'a1'),
  event('page_view', '2026-11-16T23:59:55.100Z', 'A', 'a1'),
  event('view_item', '2026-11-16T23:59:58.100Z', 'A', 'a1', { product: mug }),
  event('add_to_cart', '2026-11-17T00:00:20.100Z', 'A', 'a1', { product: mug }),
  event('session_start', '2026-11-17T10:00:00.100Z', 'A', 'a2', {
    sessionNumber: 2,
    isFirstVisit: false,
  }),
  event('page_view', '2026-11-17T10:00:00.100Z', 'A', 'a2', {
    sessionNumber: 2,
    isFirstVisit: false,
  }),
  event('begin_checkout', '2026-11-17T10:00:03.100Z', 'A', 'a2', {
    sessionNumber: 2,
    isFirstVisit: false,
  }),
  purchase('2026-11-17T10:00:05.100Z', 'A', 'a2', 'T1', [
    { product: mug, quantity: 2 },
    { product: cap, quantity: 2 },
  ]),
  purchase('2026-11-17T10:00:09.100Z', 'A', 'a2', 'T1', [
    { product: mug, quantity: 2 },
    { product: cap, quantity: 2 },
  ]),
  event('session_start', '2026-11-17T12:00:00.100Z', 'B', 'b1'),
  event('first_visit', '2026-11-17T12:00:00.100Z', 'B', 'b1'),
  event('page_view', '2026-11-17T12:00:00.100Z', 'B', 'b1'),
];
const sessions = sessionFacts(events, 'UTC');

describe('computeFigures', () => {
  it('counts one day as issue 10 defines it, worked out by hand', () => {
    const day = computeFigures(events, sessions, 'UTC', '2026-11-17', '2026-11-17');
    expect(day).toMatchObject({
      users: 2, // A (add_to_cart after midnight, a2) and B
      new_users: 1, // B; A's first_visit was on 11-16
      sessions: 2, // a2 and b1 started on 11-17; a1 started on 11-16
      engaged_sessions: 1, // a2 has a purchase; b1 is one page view in 0 s
      page_views: 2,
      events: 9,
      purchases: 1, // T1 twice, counted once
      revenue_cents: 5648,
      funnel: [0, 0, 0, 0], // closed: A's view_item was on 11-16, so nobody enters on 11-17
    });
  });

  it('counts users once over a range, and a session across midnight on its first day', () => {
    const both = computeFigures(events, sessions, 'UTC', '2026-11-16', '2026-11-17');
    expect(both).toMatchObject({
      users: 2,
      new_users: 2,
      sessions: 3,
      engaged_sessions: 2,
      events: 13,
    });
    expect(both.funnel).toEqual([1, 1, 1, 1]);
    const first = computeFigures(events, sessions, 'UTC', '2026-11-16', '2026-11-16');
    expect(first).toMatchObject({ users: 1, sessions: 1, engaged_sessions: 1, events: 4 });
  });

  it('gives each product its views, cart adds and the units and revenue of its transactions', () => {
    const both = computeFigures(events, sessions, 'UTC', '2026-11-16', '2026-11-17');
    expect(both.products).toEqual([
      {
        id: 'cap',
        name: 'Cap',
        views: 0,
        add_to_carts: 0,
        purchases: 1,
        units: 2,
        revenue_cents: 3198,
      },
      {
        id: 'mug',
        name: 'Mug',
        views: 1,
        add_to_carts: 1,
        purchases: 1,
        units: 2,
        revenue_cents: 2500,
      },
    ]);
  });

  it('cuts days in the reporting time zone', () => {
    // In Singapore (UTC+8) A's first session is on 11-17 at 07:59, and all of 11-17 UTC's events too.
    const singapore = sessionFacts(events, 'Asia/Singapore');
    const day = computeFigures(events, singapore, 'Asia/Singapore', '2026-11-17', '2026-11-17');
    expect(day).toMatchObject({ users: 2, new_users: 2, sessions: 3, events: 13 });
  });
});
