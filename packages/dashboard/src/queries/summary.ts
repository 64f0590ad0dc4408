import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import {
  BOUNDS,
  EVENT_IN_RANGE,
  num,
  PURCHASES,
  rangeParams,
  ratio,
  SESSION_IN_RANGE,
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

const EVENTS_SQL = `WITH ${BOUNDS}
SELECT count(DISTINCT e.client_id) AS users,
  count(DISTINCT e.client_id) FILTER (WHERE e.event_name = 'first_visit') AS new_users,
  count(*) AS events,
  count(*) FILTER (WHERE e.event_name = 'page_view') AS page_views
FROM clickstream_events e, bounds b WHERE ${EVENT_IN_RANGE}`;

const SESSIONS_SQL = `WITH ${BOUNDS}
SELECT count(*) AS sessions,
  count(*) FILTER (WHERE s.engaged) AS engaged,
  avg(s.duration_ms) / 1000.0 AS avg_duration_s,
  coalesce(sum(s.page_views), 0) AS page_views,
  count(*) FILTER (WHERE EXISTS (
    SELECT 1 FROM clickstream_events e
    WHERE e.app_id = s.app_id AND e.client_id = s.client_id AND e.session_id = s.session_id
      AND e.event_name = 'purchase'
  )) AS converted
FROM sessions s, bounds b WHERE ${SESSION_IN_RANGE}`;

const PURCHASES_SQL = `WITH ${BOUNDS}, ${PURCHASES}
SELECT count(*) AS purchases, coalesce(sum(value), 0) AS revenue,
  mode() WITHIN GROUP (ORDER BY currency) AS currency
FROM counted`;

type Row = Record<string, string | number | null>;

export async function summary(query: Query, range: ReportRange): Promise<Summary> {
  const params = rangeParams(range);
  const [ev] = await query<Row>(EVENTS_SQL, params);
  const [se] = await query<Row>(SESSIONS_SQL, params);
  const [pu] = await query<Row>(PURCHASES_SQL, params);
  const users = num(ev?.users);
  const newUsers = num(ev?.new_users);
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
