import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { BOUNDS, EVENT_IN_RANGE, num, rangeParams, SESSION_IN_RANGE } from './sql.js';

export interface Pages {
  top: { path: string; page_views: number; users: number }[];
  landing: { path: string; sessions: number }[];
  exit: { path: string; sessions: number }[];
}

const TOP_SQL = `WITH ${BOUNDS}
SELECT coalesce(clicktrail_url_path(e.page_url), '(none)') AS path, count(*) AS page_views,
  count(DISTINCT e.client_id) AS users
FROM clickstream_events e, bounds b WHERE e.event_name = 'page_view' AND ${EVENT_IN_RANGE}
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $5`;

const bySession = (column: 'landing_path' | 'exit_path') => `WITH ${BOUNDS}
SELECT coalesce(s.${column}, '(none)') AS path, count(*) AS sessions
FROM sessions s, bounds b WHERE ${SESSION_IN_RANGE}
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $5`;

/**
 * Top pages: page views (and distinct users) per URL path. Landing and exit pages: sessions
 * started in the range by the path of their first and last page view.
 */
export async function pages(query: Query, range: ReportRange, limit = 1_000): Promise<Pages> {
  const params = [...rangeParams(range), limit];
  const top = await query<Record<string, string>>(TOP_SQL, params);
  const landing = await query<Record<string, string>>(bySession('landing_path'), params);
  const exit = await query<Record<string, string>>(bySession('exit_path'), params);
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
