import Link from 'next/link';
import type { Sort } from '@/db/products';

const LABELS: Record<Sort, string> = {
  featured: 'Featured',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
  name: 'Name',
};

const href = (path: string, params: Record<string, string | number | undefined>) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (
      value !== undefined &&
      value !== '' &&
      !(key === 'page' && value === 1) &&
      !(key === 'sort' && value === 'featured')
    ) {
      query.set(key, String(value));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

/** Sort links and pagination; every state is in the URL. */
export function CatalogControls(props: {
  path: string;
  sort: Sort;
  page: number;
  pages: number;
  total: number;
  q?: string;
}) {
  const { path, sort, page, pages, total, q } = props;
  return (
    <div className="controls">
      <span>{total} products</span>
      <nav aria-label="Sort">
        {(Object.keys(LABELS) as Sort[]).map((s) =>
          s === sort ? (
            <strong key={s}>{LABELS[s]}</strong>
          ) : (
            <Link key={s} href={href(path, { q, sort: s })}>
              {LABELS[s]}
            </Link>
          ),
        )}
      </nav>
      <nav aria-label="Pages">
        {page > 1 && <Link href={href(path, { q, sort, page: page - 1 })}>Previous</Link>}
        <span>
          Page {page} of {pages}
        </span>
        {page < pages && <Link href={href(path, { q, sort, page: page + 1 })}>Next</Link>}
      </nav>
    </div>
  );
}
