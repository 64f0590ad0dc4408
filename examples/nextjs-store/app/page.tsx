import { getDatabase } from '@/db/connection';
import { listProducts } from '@/db/products';
import { CatalogControls } from '@/ui/catalog-controls';
import { catalogParams, type SearchParams } from '@/ui/catalog-params';
import { ProductGrid } from '@/ui/product-grid';

export default async function Home({ searchParams }: { searchParams: SearchParams }) {
  const { sort, page } = await catalogParams(searchParams);
  const result = await listProducts(await getDatabase(), { sort, page });
  return (
    <>
      <h1>All products</h1>
      <CatalogControls
        path="/"
        sort={sort}
        page={result.page}
        pages={result.pages}
        total={result.total}
      />
      <ProductGrid products={result.products} />
    </>
  );
}
