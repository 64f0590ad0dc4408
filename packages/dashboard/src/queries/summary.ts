import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import {
  DAY_IN_RANGE,
  dayParams,
  FIRST_CLIENTS,
  firstCounts,
  num,
  PURCHASES,
  ratio,
} from './sql.js';

/** The headline numbers; definitions in the README (and on the page). */
export interface Summary {
  users: number;
  new_users: number;
  returning_users: number;
  sessions: number;
  engaged_sessions: number;
  engagement_rate: number | null;
  bounce_rate: number | null;
  avg_session_duration_s: number | null;
  views_per_session: number | null;
  events: number;
  page_views: number;
  purchases: number;
  revenue: number;
  currency: string | null;
  average_order_value: number | null;
  conversion_rate: number | null;
}

/** Users over the whole range, exactly: each client once, on its first day in the range. */
export const USERS_SQL = `SELECT
  (SELECT ${FIRST_CLIENTS} FROM ${firstCounts('users')}) AS users,
  (SELECT ${FIRST_CLIENTS} FROM ${firstCounts('new_users')}) AS new_users`;

const EVENTS_SQL = `SELECT sum(r.events) AS events, sum(r.page_views) AS page_views
FROM daily_metrics r WHERE ${DAY_IN_RANGE}`;

/** Sessions by start day; `converted`: sessions with a purchase event. */
const SESSIONS_SQL = `SELECT sum(r.sessions) AS sessions, sum(r.engaged) AS engaged,
  sum(r.duration_ms) / nullif(sum(r.sessions), 0) / 1000.0 AS avg_duration_s,
  sum(r.page_views) AS page_views, sum(r.converted) AS converted
FROM daily_session_totals r WHERE ${DAY_IN_RANGE}`;

const PURCHASES_SQL = `WITH ${PURCHASES}
SELECT count(*) AS purchases, coalesce(sum(value), 0) AS revenue,
  mode() WITHIN GROUP (ORDER BY currency) AS currency
FROM counted`;

type Row = Record<string, string | number | null>;

export async function summary(query: Query, range: ReportRange): Promise<Summary> {
  const params = dayParams(range);
  const [us] = await query<Row>(USERS_SQL, params);
  const [ev] = await query<Row>(EVENTS_SQL, params);
  const [se] = await query<Row>(SESSIONS_SQL, params);
  const [pu] = await query<Row>(PURCHASES_SQL, params);
  const users = num(us?.users);
  const newUsers = num(us?.new_users);
  const sessions = num(se?.sessions);
  const engaged = num(se?.engaged);
  const purchases = num(pu?.purchases);
  const revenue = num(pu?.revenue);
  const engagementRate = ratio(engaged, sessions);
  return {
    users,
    new_users: newUsers,
    returning_users: users - newUsers,
    sessions,
    engaged_sessions: engaged,
    engagement_rate: engagementRate,
    bounce_rate: engagementRate === null ? null : 1 - engagementRate,
    avg_session_duration_s: se?.avg_duration_s == null ? null : num(se.avg_duration_s),
    views_per_session: ratio(num(se?.page_views), sessions),
    events: num(ev?.events),
    page_views: num(ev?.page_views),
    purchases,
    revenue,
    currency: (pu?.currency as string | null) ?? null,
    average_order_value: ratio(revenue, purchases),
    conversion_rate: ratio(num(se?.converted), sessions),
  };
}
