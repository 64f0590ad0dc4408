import { CATEGORIES, type CategorySpec } from './categories';

/** One product of the seeded catalog, as the seed writes it. */
export interface CatalogProduct {
  id: string;
  name: string;
  description: string;
  categorySlug: string;
  categoryName: string;
  brand: string;
  priceCents: number;
  discountPriceCents: number | null;
  stock: number;
  imagePath: string;
}

export const PRODUCTS_PER_CATEGORY = 30;

/** mulberry32: a small seeded generator, so every run builds the same catalog. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(next: () => number, list: readonly T[]): T =>
  list[Math.floor(next() * list.length)] as T;

/** Prices end in .99, .49 or .00 like a shop's do. */
function priceCents(next: () => number, [low, high]: [number, number]): number {
  const dollars = Math.floor(low + (high - low) * next() ** 1.6);
  return dollars * 100 + pick(next, [99, 49, 0]);
}

function product(spec: CategorySpec, index: number, next: () => number): CatalogProduct {
  const id = `sku-${1000 + CATEGORIES.indexOf(spec) * 100 + index}`;
  const brand = pick(next, spec.brands);
  const noun = spec.nouns[index % spec.nouns.length] as string;
  const adjective = spec.adjectives[
    Math.floor(index / spec.nouns.length) % spec.adjectives.length
  ] as string;
  const price = priceCents(next, spec.priceRange);
  // About a quarter of the catalog is on sale, 10 to 40 % off.
  const discount =
    next() < 0.25 ? Math.round((price * (0.6 + 0.3 * next())) / 100) * 100 - 1 : null;
  return {
    id,
    name: `${brand} ${adjective} ${noun}`,
    description: `A ${adjective.toLowerCase()} ${noun.toLowerCase()} by ${brand}, from our ${spec.name.toLowerCase()} range.`,
    categorySlug: spec.slug,
    categoryName: spec.name,
    brand,
    priceCents: price,
    discountPriceCents: discount !== null && discount > 0 && discount < price ? discount : null,
    stock: next() < 0.06 ? 0 : 1 + Math.floor(next() * 80),
    imagePath: `/images/products/${id}.png`,
  };
}

/** The store's catalog: 30 products in each of 10 categories, the same on every run. */
export function generateCatalog(seed = 20_261_201): CatalogProduct[] {
  const next = random(seed);
  return CATEGORIES.flatMap((spec) =>
    Array.from({ length: PRODUCTS_PER_CATEGORY }, (_, index) => product(spec, index, next)),
  );
}
