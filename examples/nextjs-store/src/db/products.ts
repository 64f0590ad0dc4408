import type { Queryable } from './queryable';
import { TABLES } from './schema';

export interface Product {
  id: string;
  name: string;
  description: string;
  categorySlug: string;
  categoryName: string;
  brand: string;
  priceCents: number;
  discountPriceCents: number | null;
  imagePath: string;
  stock: number;
}

export interface Category {
  slug: string;
  name: string;
  products: number;
}

export const SORTS = ['featured', 'price-asc', 'price-desc', 'name'] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 12;

// What a shopper pays: the discount price when there is one.
const PAYS = 'COALESCE(p.discount_price_cents, p.price_cents)';
const ORDER_BY: Record<Sort, string> = {
  featured: 'p.id',
  'price-asc': `${PAYS}, p.id`,
  'price-desc': `${PAYS} DESC, p.id`,
  name: 'p.name, p.id',
};

const SELECT = `SELECT p.id, p.name, p.description, p.category_slug, p.category_name, p.brand,
  p.price_cents, p.discount_price_cents, p.image_path, COALESCE(i.stock, 0) AS stock
  FROM ${TABLES.products} p LEFT JOIN ${TABLES.inventory} i ON i.product_id = p.id`;

interface ProductRow {
  id: string;
  name: string;
  description: string;
  category_slug: string;
  category_name: string;
  brand: string;
  price_cents: number;
  discount_price_cents: number | null;
  image_path: string;
  stock: number;
}

const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  name: r.name,
  description: r.description,
  categorySlug: r.category_slug,
  categoryName: r.category_name,
  brand: r.brand,
  priceCents: r.price_cents,
  discountPriceCents: r.discount_price_cents,
  imagePath: r.image_path,
  stock: Number(r.stock),
});

/** What one unit costs the shopper, in cents. */
export const unitPriceCents = (p: Pick<Product, 'priceCents' | 'discountPriceCents'>) =>
  p.discountPriceCents ?? p.priceCents;

export async function getProduct(db: Queryable, id: string): Promise<Product | null> {
  const { rows } = await db.query<ProductRow>(`${SELECT} WHERE p.id = $1`, [id]);
  return rows[0] ? toProduct(rows[0]) : null;
}

export async function getProducts(db: Queryable, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ProductRow>(`${SELECT} WHERE p.id = ANY($1::text[])`, [ids]);
  return rows.map(toProduct);
}

export interface ProductQuery {
  category?: string;
  /** Words that must each appear in the name, brand or category. */
  search?: string;
  sort?: Sort;
  /** 1-based. */
  page?: number;
}

export interface ProductPage {
  products: Product[];
  total: number;
  page: number;
  pages: number;
}

/** A page of the catalog, filtered by category and search words, in the chosen order. */
export async function listProducts(db: Queryable, query: ProductQuery): Promise<ProductPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.category) {
    params.push(query.category);
    where.push(`p.category_slug = $${params.length}`);
  }
  for (const word of (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`lower(p.name || ' ' || p.brand || ' ' || p.category_name) LIKE $${params.length}`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const { rows } = await db.query<ProductRow & { total: string }>(
    `${SELECT.replace('SELECT', 'SELECT count(*) OVER () AS total,')} ${filter}
     ORDER BY ${ORDER_BY[query.sort ?? 'featured']} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
    params,
  );
  const total = rows[0] ? Number(rows[0].total) : await count(db, filter, params);
  return {
    products: rows.map(toProduct),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

async function count(db: Queryable, filter: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${TABLES.products} p ${filter}`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function listCategories(db: Queryable): Promise<Category[]> {
  const { rows } = await db.query<{ slug: string; name: string; products: string }>(
    `SELECT category_slug AS slug, min(category_name) AS name, count(*) AS products
     FROM ${TABLES.products} GROUP BY category_slug ORDER BY min(category_name)`,
  );
  return rows.map((r) => ({ slug: r.slug, name: r.name, products: Number(r.products) }));
}

export async function getCategory(db: Queryable, slug: string): Promise<Category | null> {
  return (await listCategories(db)).find((c) => c.slug === slug) ?? null;
}
