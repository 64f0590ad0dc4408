import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db/connection';
import { getCategory, listProducts } from '@/db/products';
import { CatalogControls } from '@/ui/catalog-controls';
import { catalogParams, type SearchParams } from '@/ui/catalog-params';
import { ProductGrid } from '@/ui/product-grid';

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await getCategory(await getDatabase(), (await params).slug);
  return { title: category?.name ?? 'Not found' };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const db = await getDatabase();
  const category = await getCategory(db, (await params).slug);
  if (!category) notFound();
  const { sort, page } = await catalogParams(searchParams);
  const result = await listProducts(db, { category: category.slug, sort, page });
  return (
    <>
      <h1>{category.name}</h1>
      <CatalogControls
        path={`/category/${category.slug}`}
        sort={sort}
        page={result.page}
        pages={result.pages}
        total={result.total}
      />
      <ProductGrid products={result.products} />
    </>
  );
}
