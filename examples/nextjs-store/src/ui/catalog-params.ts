import { SORTS, type Sort } from '@/db/products';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** sort and page from the URL; anything else falls back to the first page, featured order. */
export async function catalogParams(searchParams: SearchParams) {
  const params = await searchParams;
  const sortText = first(params.sort);
  const sort: Sort = SORTS.includes(sortText as Sort) ? (sortText as Sort) : 'featured';
  const pageText = first(params.page) ?? '1';
  const page = /^\d{1,4}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
  return { sort, page, q: (first(params.q) ?? '').trim().slice(0, 100) };
}
