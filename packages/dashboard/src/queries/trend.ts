import type { Query } from '../db/reader.js';
import { granularity, type ReportRange } from '../filters/range.js';
import { BOUNDS, EVENT_IN_RANGE, num, PURCHASES, rangeParams, SESSION_IN_RANGE } from './sql.js';

export interface TrendPoint {
  /** Local start of the bucket: `YYYY-MM-DD` for days, `YYYY-MM-DDTHH:00` for hours. */
  bucket: string;
  users: number;
  sessions: number;
  page_views: number;
  revenue: number;
}

export interface Trend {
  granularity: 'hour' | 'day';
  points: TrendPoint[];
}

/** $5 is the bucket unit ('hour' or 'day'); buckets are local times in $3. */
const TREND_SQL = `WITH ${BOUNDS}, ${PURCHASES},
buckets AS (
  SELECT g AS bucket FROM generate_series($1::date::timestamp,
    ($2::date + 1)::timestamp - ('1 ' || $5)::interval, ('1 ' || $5)::interval) g
),
ev AS (
  SELECT date_trunc($5, e.event_timestamp AT TIME ZONE $3) AS bucket,
    count(DISTINCT e.client_id) AS users,
    count(*) FILTER (WHERE e.event_name = 'page_view') AS page_views
  FROM clickstream_events e, bounds b WHERE ${EVENT_IN_RANGE} GROUP BY 1
),
se AS (
  SELECT date_trunc($5, s.session_start AT TIME ZONE $3) AS bucket, count(*) AS sessions
  FROM sessions s, bounds b WHERE ${SESSION_IN_RANGE} GROUP BY 1
),
pu AS (
  SELECT date_trunc($5, purchased_at AT TIME ZONE $3) AS bucket, sum(value) AS revenue
  FROM counted GROUP BY 1
)
SELECT to_char(k.bucket, CASE WHEN $5 = 'hour' THEN 'YYYY-MM-DD"T"HH24:00' ELSE 'YYYY-MM-DD' END) AS bucket,
  ev.users, se.sessions, ev.page_views, pu.revenue
FROM buckets k
  LEFT JOIN ev ON ev.bucket = k.bucket
  LEFT JOIN se ON se.bucket = k.bucket
  LEFT JOIN pu ON pu.bucket = k.bucket
ORDER BY k.bucket`;

/**
 * Users (distinct within each bucket), sessions started, page views and revenue per hour
 * (ranges up to 2 days) or per day, every bucket present, empty ones as 0.
 */
export async function trend(query: Query, range: ReportRange): Promise<Trend> {
  const unit = granularity(range);
  const rows = await query<Record<string, string | null>>(TREND_SQL, [...rangeParams(range), unit]);
  return {
    granularity: unit,
    points: rows.map((row) => ({
      bucket: row.bucket as string,
      users: num(row.users),
      sessions: num(row.sessions),
      page_views: num(row.page_views),
      revenue: num(row.revenue),
    })),
  };
}
