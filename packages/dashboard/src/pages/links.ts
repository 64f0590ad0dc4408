import type { Filters } from '../filters/parse-filters.js';

/** The query string of the current filters, with some changed: every filter lives in the URL. */
export function filterQuery(filters: Filters, change: Record<string, string | null> = {}): string {
  const params = new URLSearchParams();
  const values: Record<string, string | null> = {
    from: filters.range.from,
    to: filters.range.to,
    app_id: filters.range.appId,
    funnel: filters.funnel === 'closed' ? null : filters.funnel,
    event_name: filters.eventName,
    ...change,
  };
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API URL of a panel's CSV for the current filters. */
export const csvLink = (base: string, panel: string, filters: Filters): string =>
  `${base}/api/${panel}${filterQuery(filters, { format: 'csv' })}`;
