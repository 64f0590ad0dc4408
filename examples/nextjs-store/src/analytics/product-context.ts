import type { ProductContext, ProductItem } from '@clicktrail/sdk';
import type { Product } from '../db/products';

const dollars = (cents: number) => Math.round(cents) / 100;

/** The SDK's product context for a catalog product: prices in dollars, the product page path. */
export function productContext(
  p: Pick<Product, 'id' | 'name' | 'categoryName' | 'brand' | 'priceCents' | 'discountPriceCents'>,
): ProductContext {
  return {
    id: p.id,
    name: p.name,
    category: p.categoryName,
    brand: p.brand,
    price: dollars(p.priceCents),
    discount_price: p.discountPriceCents === null ? null : dollars(p.discountPriceCents),
    url_path: `/products/${p.id}`,
  };
}

/** One line of a purchase's `items`. */
export const productItem = (product: ProductContext, quantity: number): ProductItem => ({
  ...product,
  quantity,
});

export { dollars };
