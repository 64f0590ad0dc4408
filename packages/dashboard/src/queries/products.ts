import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { BOUNDS, EVENT_IN_RANGE, num, PURCHASES, rangeParams } from './sql.js';

export interface ProductRow {
  product_id: string;
  name: string | null;
  category: string | null;
  brand: string | null;
  views: number;
  add_to_carts: number;
  purchases: number;
  units: number;
  revenue: number;
}

export interface GroupRow {
  name: string;
  views: number;
  add_to_carts: number;
  purchases: number;
  units: number;
  revenue: number;
}

export interface Products {
  products: ProductRow[];
  categories: GroupRow[];
  brands: GroupRow[];
}

/**
 * One row per product fact: a `view_item` or `add_to_cart` event by its product context, or a
 * line (`purchase_items`) of a counted purchase, worth (discount price, else price) x quantity.
 * `known` names each product: its events' context first, else its purchase lines.
 */
const FACTS = `WITH ${BOUNDS}, ${PURCHASES},
facts AS (
  SELECT e.context_product_id AS product_id, e.context_product_name AS name,
    e.context_product_category AS category, e.context_product_brand AS brand,
    (e.event_name = 'view_item')::int AS views, (e.event_name = 'add_to_cart')::int AS add_to_carts,
    NULL::text AS purchase, 0 AS units, 0::numeric AS revenue, 0 AS from_line
  FROM clickstream_events e, bounds b
  WHERE e.context_product_id IS NOT NULL AND e.event_name IN ('view_item', 'add_to_cart')
    AND ${EVENT_IN_RANGE}
  UNION ALL
  SELECT i.product_id, i.product_name, i.product_category, i.product_brand, 0, 0,
    p.app_id || ' ' || p.transaction_key, i.quantity,
    coalesce(i.discount_price, i.price, 0) * i.quantity, 1
  FROM counted p JOIN purchase_items i USING (app_id, transaction_key)
  WHERE i.product_id IS NOT NULL
),
known AS (
  SELECT DISTINCT ON (product_id) product_id, name, category, brand
  FROM facts ORDER BY product_id, from_line, name IS NULL, name, category, brand
),
named AS (SELECT f.views, f.add_to_carts, f.purchase, f.units, f.revenue, k.*
  FROM facts f JOIN known k USING (product_id))`;

const TOTALS = `sum(views) AS views, sum(add_to_carts) AS add_to_carts,
  count(DISTINCT purchase) AS purchases, sum(units) AS units, sum(revenue) AS revenue`;

/** $5: how many products to return. */
const PRODUCTS_SQL = `${FACTS}
SELECT product_id, name, category, brand, ${TOTALS}
FROM named GROUP BY product_id, name, category, brand
ORDER BY sum(revenue) DESC, sum(views) DESC, product_id LIMIT $5`;

/** Categories and brands over every product (not only the listed ones). */
const GROUPS_SQL = `${FACTS}
SELECT CASE WHEN grouping(category) = 0 THEN 'category' ELSE 'brand' END AS kind,
  coalesce(CASE WHEN grouping(category) = 0 THEN category ELSE brand END, '(none)') AS name,
  ${TOTALS}
FROM named GROUP BY GROUPING SETS ((category), (brand))
ORDER BY 1, sum(revenue) DESC, sum(views) DESC, 2`;

const figures = (row: Record<string, string | null>) => ({
  views: num(row.views),
  add_to_carts: num(row.add_to_carts),
  purchases: num(row.purchases),
  units: num(row.units),
  revenue: num(row.revenue),
});

/**
 * Per product: `view_item` and `add_to_cart` events by their product context; purchases
 * (distinct transactions), units and revenue from the lines of the purchases counted in the
 * range. Categories and brands the same over all their products, purchases counted once
 * however many of their products a transaction holds.
 */
export async function products(
  query: Query,
  range: ReportRange,
  limit = 10_000,
): Promise<Products> {
  const params = rangeParams(range);
  const rows = await query<Record<string, string | null>>(PRODUCTS_SQL, [...params, limit]);
  const groups = await query<Record<string, string | null>>(GROUPS_SQL, params);
  const groupRows = (kind: string): GroupRow[] =>
    groups
      .filter((row) => row.kind === kind)
      .map((row) => ({ name: row.name as string, ...figures(row) }));
  return {
    products: rows.map((row) => ({
      product_id: row.product_id as string,
      name: row.name ?? null,
      category: row.category ?? null,
      brand: row.brand ?? null,
      ...figures(row),
    })),
    categories: groupRows('category'),
    brands: groupRows('brand'),
  };
}
