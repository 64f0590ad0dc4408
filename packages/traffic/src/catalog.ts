import type { ProductContext } from '@clicktrail/sdk/schema';
import type { Random } from './random.js';

/** A product as shoppers meet it; prices in cents so revenue adds up exactly. */
export interface Product {
  id: string;
  name: string;
  /** The category's name, as the product context carries it. */
  category: string;
  /** The category's page: `/category/<slug>`. */
  categorySlug: string;
  brand: string;
  priceCents: number;
  discountCents: number | null;
}

const CATEGORIES = ['kitchen', 'apparel', 'outdoor', 'office', 'toys', 'garden'] as const;
const BRANDS = ['Acme', 'Bolt', 'Northwind', 'Umbra', 'Fable'] as const;
const NOUNS = [
  'Mug',
  'Jacket',
  'Lamp',
  'Notebook',
  'Kite',
  'Planter',
  'Kettle',
  'Cap',
  'Tent',
  'Pen',
];
const ADJECTIVES = ['Classic', 'Compact', 'Deluxe', 'Everyday', 'Trail', 'Studio', 'Mini', 'Pro'];

/** What a shopper pays: the discount price when there is one. */
export const effectiveCents = (product: Product): number =>
  product.discountCents ?? product.priceCents;

/**
 * A seeded catalog for the ingest driver (the browser driver uses the store's own products).
 * Names are unique, as a shop's are: two products called the same would read as one on the
 * dashboard.
 */
export function makeCatalog(random: Random, size = 48): Product[] {
  const names = new Set<string>();
  return Array.from({ length: size }, (_, index) => {
    const priceCents = random.int(3, 120) * 100 + random.pick([0, 50, 99]);
    const brand = random.pick(BRANDS);
    let name: string;
    do name = `${brand} ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
    while (names.has(name));
    names.add(name);
    const category = random.pick(CATEGORIES);
    return {
      id: `sku-${String(index + 1).padStart(3, '0')}`,
      name,
      category,
      categorySlug: category,
      brand,
      priceCents,
      discountCents: random.chance(0.25) ? Math.round(priceCents * 0.8) : null,
    };
  });
}

/** The product context the SDK sends with view_item and cart events. */
export function productContext(product: Product): ProductContext {
  return {
    id: product.id,
    name: product.name,
    category: product.category,
    brand: product.brand,
    price: product.priceCents / 100,
    discount_price: product.discountCents === null ? null : product.discountCents / 100,
    url_path: `/products/${product.id}`,
  };
}
