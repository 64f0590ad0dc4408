import type { Product } from '@/db/products';

const format = (cents: number, currency = 'USD') =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);

export { format as formatMoney };

export function Price({
  product,
}: {
  product: Pick<Product, 'priceCents' | 'discountPriceCents'>;
}) {
  if (product.discountPriceCents === null)
    return <span className="price">{format(product.priceCents)}</span>;
  return (
    <span className="price">
      <s>{format(product.priceCents)}</s>{' '}
      <strong className="sale">{format(product.discountPriceCents)}</strong>
    </span>
  );
}
