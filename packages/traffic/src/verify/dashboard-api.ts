/** The parts of the dashboard's JSON API (contract.md) that verify reads. */
export interface SummaryAnswer {
  users: number;
  new_users: number;
  sessions: number;
  engaged_sessions: number;
  page_views: number;
  events: number;
  purchases: number;
  revenue: number;
}

export interface FunnelAnswer {
  steps: Array<{ name: string; clients: number }>;
}

export interface ProductsAnswer {
  products: Array<{
    product_id: string;
    views: number;
    add_to_carts: number;
    purchases: number;
    units: number;
    revenue: number;
  }>;
}

/** The dashboard could not be asked, or answered something else than its contract. */
export class DashboardApiError extends Error {
  override name = 'DashboardApiError';
}

/** Asks `GET <dashboard>/api/<panel>?from&to&app_id`; a non-200 answer is an error with its body. */
export async function askDashboard<T>(
  dashboard: string,
  panel: string,
  params: { from: string; to: string; app_id: string },
): Promise<T> {
  const url = new URL(`api/${panel}`, dashboard.endsWith('/') ? dashboard : `${dashboard}/`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new DashboardApiError(`cannot reach ${url}: ${(error as Error).message}`);
  }
  const text = await response.text();
  if (response.status !== 200) {
    throw new DashboardApiError(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
  }
  return JSON.parse(text) as T;
}
