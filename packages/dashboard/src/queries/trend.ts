import type { Query } from '../db/reader.js';
import { granularity, type ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, num, rangeParams } from './sql.js';

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

/** Days: the derived `daily_metrics` (users are distinct within each day). */
const DAILY_SQL = `WITH days AS (
  SELECT g::date AS day FROM generate_series($1::date, $2::date, interval '1 day') g
),
m AS (
  SELECT r.day, sum(r.users) AS users, sum(r.sessions) AS sessions,
    sum(r.page_views) AS page_views, sum(r.revenue) AS revenue
  FROM daily_metrics r WHERE ${DAY_IN_RANGE} GROUP BY r.day
)
SELECT to_char(days.day, 'YYYY-MM-DD') AS bucket, m.users, m.sessions, m.page_views, m.revenue
FROM days LEFT JOIN m USING (day) ORDER BY days.day`;

/**
 * Hours (ranges up to two days): users and page views from `hourly_clients` (one row per
 * client and local hour), the sessions by start and the purchases; buckets are local hours
 * in $3, the zone the rollups are cut in.
 */
const HOURLY_SQL = `WITH buckets AS (
  SELECT g AS bucket FROM generate_series($1::date::timestamp,
    ($2::date + 1)::timestamp - interval '1 hour', interval '1 hour') g
),
ev AS (
  SELECT r.day + r.hour * interval '1 hour' AS bucket, count(DISTINCT r.client_key) AS users,
    sum(r.page_views) AS page_views
  FROM hourly_clients r WHERE r.day BETWEEN $1::date AND $2::date
    AND ($4::text IS NULL OR r.app_id = $4) GROUP BY 1
),
se AS (
  SELECT date_trunc('hour', s.session_start AT TIME ZONE $3) AS bucket, count(*) AS sessions
  FROM sessions s WHERE s.session_date BETWEEN $1::date AND $2::date
    AND ($4::text IS NULL OR s.app_id = $4) GROUP BY 1
),
pu AS (
  SELECT date_trunc('hour', p.purchased_at AT TIME ZONE $3) AS bucket, sum(p.value) AS revenue
  FROM purchases p WHERE p.purchase_date BETWEEN $1::date AND $2::date
    AND ($4::text IS NULL OR p.app_id = $4) GROUP BY 1
)
SELECT to_char(k.bucket, 'YYYY-MM-DD"T"HH24:00') AS bucket,
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
  const rows = await query<Record<string, string | null>>(
    unit === 'hour' ? HOURLY_SQL : DAILY_SQL,
    unit === 'hour' ? rangeParams(range) : dayParams(range),
  );
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
