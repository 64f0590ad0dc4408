import { type CatalogProduct, generateCatalog } from '../catalog/generate';
import type { Database } from './queryable';
import { TABLES } from './schema';

export interface SeedResult {
  products: number;
  /** Products that had no stock row yet and got the catalog's stock. */
  stocked: number;
}

const COLUMNS = [
  'id',
  'name',
  'description',
  'category_slug',
  'category_name',
  'brand',
  'price_cents',
  'discount_price_cents',
  'image_path',
] as const;

const row = (p: CatalogProduct) => [
  p.id,
  p.name,
  p.description,
  p.categorySlug,
  p.categoryName,
  p.brand,
  p.priceCents,
  p.discountPriceCents,
  p.imagePath,
];

/**
 * Writes the catalog. Idempotent: product details are brought up to date, but the stock of a
 * product that already has some is left alone, so seeding again never undoes sales.
 */
export async function seed(db: Database, catalog = generateCatalog()): Promise<SeedResult> {
  return db.transaction(async (client) => {
    const updates = COLUMNS.slice(1)
      .map((column) => `${column} = EXCLUDED.${column}`)
      .join(', ');
    // One statement for the whole catalog: a round trip per product costs seconds on PGlite.
    await client.query(
      `INSERT INTO ${TABLES.products} (${COLUMNS.join(', ')})
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::int[], $8::int[], $9::text[])
       ON CONFLICT (id) DO UPDATE SET ${updates}`,
      COLUMNS.map((_, i) => catalog.map((product) => row(product)[i])),
    );
    const { rowCount } = await client.query(
      `INSERT INTO ${TABLES.inventory} (product_id, stock)
       SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (product_id) DO NOTHING`,
      [catalog.map((p) => p.id), catalog.map((p) => p.stock)],
    );
    return { products: catalog.length, stocked: rowCount ?? 0 };
  });
}
