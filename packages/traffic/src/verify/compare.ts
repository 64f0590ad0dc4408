import type { Figures } from '../truth/ledger.js';
import { FUNNEL_STEPS } from '../truth/ledger.js';
import type { FunnelAnswer, ProductsAnswer, SummaryAnswer } from './dashboard-api.js';

/** Figures by kind, so a run can check some (`clicktrail-verify --figures`). */
export const FIGURE_GROUPS = ['headline', 'funnel', 'product-views', 'product-purchases'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

/** One figure: what the ledger says and what the dashboard shows. */
export interface Comparison {
  group: FigureGroup;
  range: string;
  figure: string;
  expected: string;
  shown: string;
  ok: boolean;
}

const SUMMARY_COUNTS = [
  'users',
  'new_users',
  'sessions',
  'engaged_sessions',
  'page_views',
  'events',
  'purchases',
] as const;

/** Money to the cent: the dashboard's decimal amount as whole cents. */
const cents = (amount: number | null | undefined): number | null =>
  typeof amount === 'number' ? Math.round(amount * 100) : null;
const money = (value: number | null) => (value === null ? 'missing' : (value / 100).toFixed(2));
const count = (value: unknown) => (typeof value === 'number' ? String(value) : 'missing');

/** Every figure of one range, expected against shown. Zero tolerance: equal or wrong. */
export function compareRange(
  truth: Figures,
  summary: SummaryAnswer,
  funnel: FunnelAnswer,
  products: ProductsAnswer,
): Comparison[] {
  const range = truth.from === truth.to ? truth.from : `${truth.from}..${truth.to}`;
  const rows: Comparison[] = [];
  const add = (group: FigureGroup, figure: string, expected: string, shown: string) =>
    rows.push({ group, range, figure, expected, shown, ok: expected === shown });
  for (const name of SUMMARY_COUNTS)
    add('headline', name, String(truth[name]), count(summary[name]));
  add('headline', 'revenue', money(truth.revenue_cents), money(cents(summary.revenue)));
  FUNNEL_STEPS.forEach((step, i) => {
    const shown = funnel.steps.find((s) => s.name === step)?.clients;
    add('funnel', `funnel ${step}`, String(truth.funnel[i] ?? 0), count(shown));
  });
  const shownProducts = new Map(products.products.map((p) => [p.product_id, p]));
  for (const product of truth.products) {
    const shown = shownProducts.get(product.id);
    add(
      'product-views',
      `product ${product.id} views`,
      String(product.views),
      count(shown?.views ?? 0),
    );
    add(
      'product-views',
      `product ${product.id} add_to_carts`,
      String(product.add_to_carts),
      count(shown?.add_to_carts ?? 0),
    );
    add(
      'product-purchases',
      `product ${product.id} purchases`,
      String(product.purchases),
      count(shown?.purchases ?? 0),
    );
    add(
      'product-purchases',
      `product ${product.id} units`,
      String(product.units),
      count(shown?.units ?? 0),
    );
    add(
      'product-purchases',
      `product ${product.id} revenue`,
      money(product.revenue_cents),
      money(cents(shown?.revenue ?? 0)),
    );
    shownProducts.delete(product.id);
  }
  // A product the ledger never saw must not appear with figures of its own.
  for (const extra of shownProducts.values()) {
    add(
      'product-views',
      `product ${extra.product_id} (not simulated)`,
      'absent',
      `views ${extra.views}, purchases ${extra.purchases}`,
    );
  }
  return rows;
}

/**
 * Browser driver: the orders the store made for the run's shoppers against the dashboard's
 * purchases and revenue over the whole history (the events' figures must be the store's money).
 */
export function compareOrders(
  orders: { count: number; revenue_cents: number },
  summary: SummaryAnswer,
  range: string,
): Comparison[] {
  const row = (figure: string, expected: string, shown: string): Comparison => ({
    group: 'headline',
    range,
    figure,
    expected,
    shown,
    ok: expected === shown,
  });
  return [
    row('orders in clickstream_web', String(orders.count), count(summary.purchases)),
    row(
      'order revenue in clickstream_web',
      money(orders.revenue_cents),
      money(cents(summary.revenue)),
    ),
  ];
}
