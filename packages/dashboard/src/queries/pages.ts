import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, FIRST_CLIENTS, firstCounts, num } from './sql.js';

export interface Pages {
  top: { path: string; page_views: number; users: number }[];
  landing: { path: string; sessions: number }[];
  exit: { path: string; sessions: number }[];
}

/** Page views and distinct users per path, from the per-(day, path, client) rows' counts. */
const TOP_SQL = `SELECT r.value AS path, sum(r.events) AS page_views, ${FIRST_CLIENTS} AS users
FROM ${firstCounts('page')}
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $4`;

const bySession = (
  dimension: 'landing' | 'exit',
) => `SELECT r.value AS path, sum(r.sessions) AS sessions
FROM daily_session_values r WHERE r.dimension = '${dimension}' AND ${DAY_IN_RANGE}
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $4`;

/**
 * Top pages: page views (and distinct users) per URL path. Landing and exit pages: sessions
 * started in the range by the path of their first and last page view.
 */
export async function pages(query: Query, range: ReportRange, limit = 1_000): Promise<Pages> {
  const params = [...dayParams(range), limit];
  const top = await query<Record<string, string>>(TOP_SQL, params);
  const landing = await query<Record<string, string>>(bySession('landing'), params);
  const exit = await query<Record<string, string>>(bySession('exit'), params);
  const sessions = (rows: Record<string, string>[]) =>
    rows.map((r) => ({ path: r.path as string, sessions: num(r.sessions) }));
  return {
    top: top.map((r) => ({
      path: r.path as string,
      page_views: num(r.page_views),
      users: num(r.users),
    })),
    landing: sessions(landing),
    exit: sessions(exit),
  };
}
