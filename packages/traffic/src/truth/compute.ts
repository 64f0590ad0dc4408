import type { SimEvent } from '../model/sim-event.js';
import { dayOf } from '../time.js';
import { type Figures, FUNNEL_STEPS, type ProductFigures } from './ledger.js';

/** GA4's engaged session, as issue 10 defines it. */
const ENGAGED_AFTER_MS = 10_000;
const CONVERSIONS = new Set(['purchase', 'sign_up']);

interface SessionFacts {
  startDay: string;
  engaged: boolean;
}

/** Every session's start day and engagement, from all its events (also those outside a range). */
export function sessionFacts(
  events: readonly SimEvent[],
  timeZone: string,
): Map<string, SessionFacts> {
  const grouped = new Map<string, SimEvent[]>();
  for (const event of events) {
    const key = `${event.visitor}\0${event.session}`;
    const list = grouped.get(key);
    if (list) list.push(event);
    else grouped.set(key, [event]);
  }
  const facts = new Map<string, SessionFacts>();
  for (const [key, list] of grouped) {
    const times = list.map((event) => event.at);
    const first = Math.min(...times);
    const pageViews = list.filter((event) => event.name === 'page_view').length;
    const engaged =
      Math.max(...times) - first > ENGAGED_AFTER_MS ||
      pageViews >= 2 ||
      list.some((event) => CONVERSIONS.has(event.name));
    facts.set(key, { startDay: dayOf(first, timeZone), engaged });
  }
  return facts;
}

/** Clients that reach each funnel step in order, each step after the one before. */
function closedFunnel(events: readonly SimEvent[]): number[] {
  const reached = FUNNEL_STEPS.map(() => 0);
  const byVisitor = new Map<string, SimEvent[]>();
  for (const event of events) {
    const list = byVisitor.get(event.visitor);
    if (list) list.push(event);
    else byVisitor.set(event.visitor, [event]);
  }
  for (const list of byVisitor.values()) {
    let step = 0;
    for (const event of [...list].sort((a, b) => a.at - b.at)) {
      if (step < FUNNEL_STEPS.length && event.name === FUNNEL_STEPS[step]) {
        reached[step] = (reached[step] ?? 0) + 1;
        step += 1;
      }
    }
  }
  return reached;
}

function productFigures(
  events: readonly SimEvent[],
  transactions: readonly SimEvent[],
): ProductFigures[] {
  const products = new Map<string, ProductFigures>();
  const entry = (id: string, name: string) => {
    let figures = products.get(id);
    if (!figures) {
      figures = { id, name, views: 0, add_to_carts: 0, purchases: 0, units: 0, revenue_cents: 0 };
      products.set(id, figures);
    }
    return figures;
  };
  for (const event of events) {
    if (event.product && event.name === 'view_item')
      entry(event.product.id, event.product.name).views += 1;
    if (event.product && event.name === 'add_to_cart')
      entry(event.product.id, event.product.name).add_to_carts += 1;
  }
  for (const purchase of transactions) {
    for (const item of purchase.items ?? []) {
      const figures = entry(item.product.id, item.product.name);
      figures.purchases += 1;
      figures.units += item.quantity;
      figures.revenue_cents +=
        (item.product.discountCents ?? item.product.priceCents) * item.quantity;
    }
  }
  return [...products.values()].sort(
    (a, b) => b.revenue_cents - a.revenue_cents || b.views - a.views || a.id.localeCompare(b.id),
  );
}

/**
 * The figures for [from, to] (days in `timeZone`, inclusive), by issue 10's definitions:
 * users and new users distinct over the whole range; sessions by the day they started;
 * one purchase per transaction id, however often it was recorded.
 */
export function computeFigures(
  events: readonly SimEvent[],
  sessions: ReadonlyMap<string, SessionFacts>,
  timeZone: string,
  from: string,
  to: string,
): Figures {
  const inRange = events.filter((event) => {
    const day = dayOf(event.at, timeZone);
    return day >= from && day <= to;
  });
  const started = [...sessions.values()].filter((s) => s.startDay >= from && s.startDay <= to);
  const transactions = new Map<string, SimEvent>();
  for (const event of inRange) {
    if (event.name !== 'purchase') continue;
    const id = String(event.attributes.transaction_id);
    if (!transactions.has(id)) transactions.set(id, event);
  }
  const revenueCents = [...transactions.values()].reduce(
    (sum, event) => sum + Math.round(Number(event.attributes.value) * 100),
    0,
  );
  return {
    from,
    to,
    users: new Set(inRange.map((event) => event.visitor)).size,
    new_users: new Set(inRange.filter((e) => e.name === 'first_visit').map((e) => e.visitor)).size,
    sessions: started.length,
    engaged_sessions: started.filter((s) => s.engaged).length,
    page_views: inRange.filter((event) => event.name === 'page_view').length,
    events: inRange.length,
    purchases: transactions.size,
    revenue_cents: revenueCents,
    funnel: closedFunnel(inRange),
    products: productFigures(inRange, [...transactions.values()]),
  };
}
