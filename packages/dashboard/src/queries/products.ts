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

/** $5: how many products to return. Purchases are deduplicated transactions (see sql.ts). */
const PRODUCTS_SQL = `WITH ${BOUNDS}, ${PURCHASES},
ctx AS (
  SELECT e.context_product_id AS product_id, max(e.context_product_name) AS name,
    max(e.context_product_category) AS category, max(e.context_product_brand) AS brand,
    count(*) FILTER (WHERE e.event_name = 'view_item') AS views,
    count(*) FILTER (WHERE e.event_name = 'add_to_cart') AS add_to_carts
  FROM clickstream_events e, bounds b
  WHERE e.context_product_id IS NOT NULL AND ${EVENT_IN_RANGE}
  GROUP BY 1
),
bought AS (
  SELECT p.context_product_id AS product_id, count(*) AS purchases,
    sum(CASE WHEN jsonb_typeof(p.attributes->'quantity') = 'number'
      THEN (p.attributes->>'quantity')::numeric ELSE 1 END) AS units,
    sum(p.value) AS revenue
  FROM purchases p
  WHERE p.context_product_id IS NOT NULL GROUP BY 1
)
SELECT product_id, ctx.name, ctx.category, ctx.brand, ctx.views, ctx.add_to_carts,
  bought.purchases, bought.units, bought.revenue
FROM ctx FULL JOIN bought USING (product_id)
ORDER BY coalesce(bought.revenue, 0) DESC, coalesce(ctx.views, 0) DESC, product_id
LIMIT $5`;

function group(rows: readonly ProductRow[], key: 'category' | 'brand'): GroupRow[] {
  const groups = new Map<string, GroupRow>();
  for (const row of rows) {
    const name = row[key] ?? '(none)';
    const g = groups.get(name) ?? {
      name,
      views: 0,
      add_to_carts: 0,
      purchases: 0,
      units: 0,
      revenue: 0,
    };
    g.views += row.views;
    g.add_to_carts += row.add_to_carts;
    g.purchases += row.purchases;
    g.units += row.units;
    g.revenue += row.revenue;
    groups.set(name, g);
  }
  return [...groups.values()].sort((a, b) => b.revenue - a.revenue || b.views - a.views);
}

/**
 * Per product (from the product context of `view_item`, `add_to_cart` and `purchase` events):
 * views, add-to-carts, purchases, units (`quantity`, else 1) and revenue; then the same summed
 * by category and by brand over every product.
 */
export async function products(
  query: Query,
  range: ReportRange,
  limit = 10_000,
): Promise<Products> {
  const rows = await query<Record<string, string | null>>(PRODUCTS_SQL, [
    ...rangeParams(range),
    limit,
  ]);
  const list: ProductRow[] = rows.map((row) => ({
    product_id: row.product_id as string,
    name: row.name ?? null,
    category: row.category ?? null,
    brand: row.brand ?? null,
    views: num(row.views),
    add_to_carts: num(row.add_to_carts),
    purchases: num(row.purchases),
    units: num(row.units),
    revenue: num(row.revenue),
  }));
  return { products: list, categories: group(list, 'category'), brands: group(list, 'brand') };
}
