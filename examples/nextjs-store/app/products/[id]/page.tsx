import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { productContext } from '@/analytics/product-context';
import { AddToCart } from '@/components/add-to-cart';
import { RecordOnce } from '@/components/record-once';
import { getDatabase } from '@/db/connection';
import { getProduct } from '@/db/products';
import { Price } from '@/ui/price';

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']) {
  const { id } = await params;
  return /^[A-Za-z0-9_-]{1,40}$/.test(id) ? getProduct(await getDatabase(), id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params))?.name ?? 'Not found' };
}

export default async function ProductPage({ params }: Props) {
  const product = await load(params);
  if (!product) notFound();
  const context = productContext(product);
  return (
    <article className="product">
      <RecordOnce name="view_item" options={{ product: context }} eventKey={product.id} />
      <Image src={product.imagePath} alt={product.name} width={480} height={480} priority />
      <div>
        <p>
          <Link href={`/category/${product.categorySlug}`}>{product.categoryName}</Link> ·{' '}
          {product.brand}
        </p>
        <h1>{product.name}</h1>
        <Price product={product} />
        <p>{product.description}</p>
        <p className="stock">{product.stock > 0 ? `${product.stock} in stock` : 'Out of stock'}</p>
        <AddToCart product={context} stock={product.stock} />
      </div>
    </article>
  );
}
