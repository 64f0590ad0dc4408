import type { Query } from './db/reader.js';
import type { Filters } from './filters/parse-filters.js';
import { previousRange } from './filters/range.js';
import { type Acquisition, acquisition } from './queries/acquisition.js';
import type { AppInfo } from './queries/apps.js';
import { type Audience, audience } from './queries/audience.js';
import { type Funnel, funnel } from './queries/funnel.js';
import { type Health, health } from './queries/health.js';
import { type LiveEvent, live } from './queries/live.js';
import { type Pages, pages } from './queries/pages.js';
import { type Products, products } from './queries/products.js';
import { type CohortWeek, retention } from './queries/retention.js';
import { type Summary, summary } from './queries/summary.js';
import { type Trend, trend } from './queries/trend.js';

/** Everything the main page shows, read in one snapshot. */
export interface Report {
  filters: Filters;
  apps: AppInfo[];
  summary: Summary;
  previousSummary: Summary;
  trend: Trend;
  previousTrend: Trend;
  funnel: Funnel;
  products: Products;
  acquisition: Acquisition;
  pages: Pages;
  audience: Audience;
  cohorts: CohortWeek[];
  live: LiveEvent[];
  health: Health;
}

/** The page always compares with the previous period; the API only when asked. */
export async function loadReport(
  query: Query,
  filters: Filters,
  appList: AppInfo[],
): Promise<Report> {
  const range = filters.range;
  const before = previousRange(range);
  return {
    filters,
    apps: appList,
    summary: await summary(query, range),
    previousSummary: await summary(query, before),
    trend: await trend(query, range),
    previousTrend: await trend(query, before),
    funnel: await funnel(query, range, filters.funnel),
    products: await products(query, range, 50),
    acquisition: await acquisition(query, range),
    pages: await pages(query, range, 20),
    audience: await audience(query, range),
    cohorts: (await retention(query, range)).cohorts,
    live: (await live(query, range.appId, filters.eventName)).events,
    health: await health(query),
  };
}
