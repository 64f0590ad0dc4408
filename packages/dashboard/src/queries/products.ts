import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, num } from './sql.js';

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

const TOTALS = `sum(r.views) AS views, sum(r.add_to_carts) AS add_to_carts,
  sum(r.purchases) AS purchases, sum(r.units) AS units, sum(r.revenue) AS revenue`;

/**
 * $5: how many products to return. `daily_products` (derived): views and add-to-carts by
 * event context, sales from the lines of the purchases first recorded on each day; a
 * transaction has one day, so the days' purchase counts add up to distinct transactions.
 */
const PRODUCTS_SQL = `SELECT r.product_id, max(r.name) AS name, max(r.category) AS category,
  max(r.brand) AS brand, ${TOTALS}
FROM daily_products r WHERE ${DAY_IN_RANGE}
GROUP BY r.product_id
ORDER BY sum(r.revenue) DESC, sum(r.views) DESC, r.product_id LIMIT $4`;

/** Categories and brands over every product (not only the listed ones). */
const GROUPS_SQL = `SELECT r.kind, r.name, ${TOTALS}
FROM daily_product_groups r WHERE ${DAY_IN_RANGE}
GROUP BY r.kind, r.name ORDER BY r.kind, sum(r.revenue) DESC, sum(r.views) DESC, r.name`;

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
  const params = dayParams(range);
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
