import pg from 'pg';
import type { Product } from '../catalog.js';

/** The store's OLTP database (`clickstream_web`): DATABASE_URL, else the demo's embedded one. */
export function storeDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (
    env.DATABASE_URL || `postgres://postgres@127.0.0.1:${env.CLICKTRAIL_PG_PORT || 5433}/postgres`
  );
}

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

interface ProductRow {
  id: string;
  name: string;
  category_name: string;
  category_slug: string;
  brand: string;
  price_cents: number;
  discount_price_cents: number | null;
}

/**
 * The store's products with stock to spare (so no simulated add to cart runs out), as the
 * behaviour model's catalog: the same names, categories and prices the store's pages send.
 */
export async function storeCatalog(url: string, minStock = 20): Promise<Product[]> {
  const rows = await query<ProductRow>(
    url,
    `SELECT p.id, p.name, p.category_name, p.category_slug, p.brand, p.price_cents,
            p.discount_price_cents
       FROM clickstream_web.products p JOIN clickstream_web.inventory i ON i.product_id = p.id
      WHERE i.stock >= $1 ORDER BY p.id`,
    [minStock],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    category: row.category_name,
    categorySlug: row.category_slug,
    brand: row.brand,
    priceCents: row.price_cents,
    discountCents: row.discount_price_cents,
  }));
}

/** The orders the store holds for the shoppers of one run (their emails end in `runSuffix`). */
export async function runOrders(
  url: string,
  runSuffix: string,
): Promise<{ count: number; revenue_cents: number }> {
  const [row] = await query<{ count: number; revenue_cents: number }>(
    url,
    `SELECT count(*)::int AS count, coalesce(sum(o.total_cents), 0)::int AS revenue_cents
       FROM clickstream_web.orders o JOIN clickstream_web.users u ON u.id = o.user_id
      WHERE u.email LIKE $1`,
    [`%${runSuffix}`],
  );
  return row ?? { count: 0, revenue_cents: 0 };
}
