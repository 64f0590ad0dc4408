/**
 * The derived-model rebuild, statement by statement, inside one transaction with UTC as
 * the time zone (days are UTC days everywhere). Sessions touched by a dirty day are rebuilt
 * whole from all their events; daily metrics are rebuilt for every day those sessions or
 * the dirty days cover: DELETE day, INSERT, so reruns change nothing.
 */

/** GA4 counts these as conversions for the engagement rule. */
export const CONVERSION_EVENTS = ['purchase', 'sign_up'] as const;
/** GA4's engaged session: longer than this, or two page views, or a conversion. */
export const ENGAGED_AFTER_MS = 10_000;

const conversions = CONVERSION_EVENTS.map((name) => `'${name}'`).join(', ');
const sessionKey = 'app_id, client_id, session_id';
const onDay = (alias: string) =>
  `${alias}.event_timestamp >= d.day AND ${alias}.event_timestamp < d.day + 1`;
/** A purchase's value: the numeric `value` attribute, else the product's (discount) price. */
const revenue = `CASE WHEN jsonb_typeof(attributes->'value') = 'number'
  THEN (attributes->>'value')::numeric
  ELSE coalesce(context_product_discount_price, context_product_price, 0) END`;

export const DERIVE_STATEMENTS: readonly string[] = [
  `SET LOCAL TIME ZONE 'UTC'`,
  `CREATE TEMP TABLE touched_days (day date PRIMARY KEY) ON COMMIT DROP`,
  `WITH d AS (DELETE FROM etl_dirty_days RETURNING day) INSERT INTO touched_days SELECT day FROM d`,
  `CREATE TEMP TABLE touched_sessions ON COMMIT DROP AS
    SELECT DISTINCT e.app_id, e.client_id, e.session_id
    FROM clickstream_events e JOIN touched_days d ON ${onDay('e')}`,
  `DELETE FROM sessions s USING touched_sessions t
    WHERE s.app_id = t.app_id AND s.client_id = t.client_id AND s.session_id = t.session_id`,
  `INSERT INTO sessions
    SELECT app_id, client_id, session_id, max(session_number),
      min(event_timestamp)::date, min(event_timestamp), max(event_timestamp),
      round(extract(epoch FROM max(event_timestamp) - min(event_timestamp)) * 1000)::bigint,
      count(*) FILTER (WHERE event_name = 'page_view'),
      count(*),
      count(*) FILTER (WHERE event_name IN (${conversions})),
      engaged, NOT engaged,
      coalesce((array_agg(clicktrail_url_path(page_url) ORDER BY event_timestamp, event_id)
          FILTER (WHERE event_name = 'page_view'))[1],
        (array_agg(clicktrail_url_path(page_url) ORDER BY event_timestamp, event_id))[1]),
      coalesce((array_agg(clicktrail_url_path(page_url) ORDER BY event_timestamp DESC, event_id DESC)
          FILTER (WHERE event_name = 'page_view'))[1],
        (array_agg(clicktrail_url_path(page_url) ORDER BY event_timestamp DESC, event_id DESC))[1]),
      bool_or(is_first_visit OR event_name = 'first_visit'),
      (array_agg(user_id ORDER BY event_timestamp DESC) FILTER (WHERE user_id IS NOT NULL))[1],
      CASE WHEN bool_or(user_login_state = 'logged_in') THEN 'logged_in' ELSE 'logged_out' END
    FROM (
      SELECT e.*, (
        max(event_timestamp) OVER w - min(event_timestamp) OVER w > interval '${ENGAGED_AFTER_MS} milliseconds'
        OR count(*) FILTER (WHERE event_name = 'page_view') OVER w >= 2
        OR count(*) FILTER (WHERE event_name IN (${conversions})) OVER w > 0
      ) AS engaged
      FROM clickstream_events e JOIN touched_sessions t USING (${sessionKey})
      WINDOW w AS (PARTITION BY e.app_id, e.client_id, e.session_id)
    ) e
    GROUP BY app_id, client_id, session_id, engaged`,
  `CREATE TEMP TABLE affected_days ON COMMIT DROP AS
    SELECT day FROM touched_days
    UNION SELECT s.session_date FROM sessions s JOIN touched_sessions t USING (${sessionKey})`,
  `DELETE FROM daily_metrics WHERE day IN (SELECT day FROM affected_days)`,
  `INSERT INTO daily_metrics
    WITH ev AS (
      SELECT d.day, e.app_id,
        count(DISTINCT e.client_id) AS users,
        count(DISTINCT e.client_id) FILTER (WHERE e.event_name = 'first_visit') AS new_users,
        count(*) AS events,
        count(*) FILTER (WHERE e.event_name = 'page_view') AS page_views,
        count(*) FILTER (WHERE e.event_name = 'purchase') AS purchases,
        coalesce(sum(${revenue}) FILTER (WHERE e.event_name = 'purchase'), 0) AS revenue
      FROM clickstream_events e JOIN affected_days d ON ${onDay('e')}
      GROUP BY d.day, e.app_id
    ), se AS (
      SELECT session_date AS day, app_id, count(*) AS sessions,
        count(*) FILTER (WHERE engaged) AS engaged_sessions,
        count(*) FILTER (WHERE bounce) AS bounces
      FROM sessions WHERE session_date IN (SELECT day FROM affected_days)
      GROUP BY session_date, app_id
    )
    SELECT coalesce(ev.day, se.day), coalesce(ev.app_id, se.app_id),
      coalesce(users, 0), coalesce(new_users, 0), coalesce(sessions, 0),
      coalesce(engaged_sessions, 0), coalesce(bounces, 0), coalesce(events, 0),
      coalesce(page_views, 0), coalesce(purchases, 0), coalesce(revenue, 0)
    FROM ev FULL JOIN se ON ev.day = se.day AND ev.app_id = se.app_id`,
];
