import type { Metadata } from 'next';
import { RecordOnce } from '@/components/record-once';
import { getDatabase } from '@/db/connection';
import { listProducts } from '@/db/products';
import { CatalogControls } from '@/ui/catalog-controls';
import { catalogParams, type SearchParams } from '@/ui/catalog-params';
import { ProductGrid } from '@/ui/product-grid';

export const metadata: Metadata = { title: 'Search' };

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const { q, sort, page } = await catalogParams(searchParams);
  if (!q) return <h1>Search for a product</h1>;
  const result = await listProducts(await getDatabase(), { search: q, sort, page });
  return (
    <>
      <RecordOnce
        name="search"
        options={{ attributes: { search_term: q, results: result.total } }}
        eventKey={q}
      />
      <h1>Results for “{q}”</h1>
      <CatalogControls
        path="/search"
        q={q}
        sort={sort}
        page={result.page}
        pages={result.pages}
        total={result.total}
      />
      <ProductGrid products={result.products} />
    </>
  );
}
