import Image from 'next/image';
import Link from 'next/link';
import type { Product } from '@/db/products';
import { Price } from './price';

export function ProductGrid({ products }: { products: Product[] }) {
  if (products.length === 0) return <p className="empty">No products found.</p>;
  return (
    <ul className="grid">
      {products.map((product) => (
        <li key={product.id}>
          <Link href={`/products/${product.id}`}>
            <Image src={product.imagePath} alt={product.name} width={240} height={240} />
            <span className="name">{product.name}</span>
          </Link>
          <span className="brand">{product.brand}</span>
          <Price product={product} />
          {product.stock === 0 && <span className="stock out">Sold out</span>}
        </li>
      ))}
    </ul>
  );
}
