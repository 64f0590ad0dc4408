/**
 * The derived model's SQL, run in order inside the derive transaction with the session's
 * TimeZone set to the reporting time zone, so `timestamptz::date` and comparisons of a
 * timestamp with a `date` cut days there. Sessions marked dirty by the insert trigger are
 * rebuilt whole from all their events; every (app_id, day) they were or are counted on is
 * rebuilt as DELETE + INSERT, so a rerun changes nothing.
 */

/** GA4 counts these as conversions for the engagement rule. */
export const CONVERSION_EVENTS = ['purchase', 'sign_up'] as const;
/** GA4's engaged session: longer than this, or two page views, or a conversion. */
export const ENGAGED_AFTER_MS = 10_000;

const conversions = CONVERSION_EVENTS.map((name) => `'${name}'`).join(', ');
const sameSession = (a: string, b: string) =>
  `${a}.app_id = ${b}.app_id AND ${a}.client_id = ${b}.client_id AND ${a}.session_id = ${b}.session_id`;
/** A purchase's value: the numeric `value` attribute, else the product's (discount) price. */
const revenue = `CASE WHEN jsonb_typeof(e.attributes->'value') = 'number'
  THEN (e.attributes->>'value')::numeric
  ELSE coalesce(e.context_product_discount_price, e.context_product_price, 0) END`;

/**
 * Picks up the work: the sessions marked dirty since the last derive (`touched_sessions`)
 * and the (app_id, day) pairs to rebuild (`affected_days`), both dropped at commit. Later
 * steps (rollups) may read both.
 */
export const PREPARE: readonly string[] = [
  `CREATE TEMP TABLE touched_sessions (
    app_id text NOT NULL, client_id text NOT NULL, session_id text NOT NULL,
    PRIMARY KEY (app_id, client_id, session_id)) ON COMMIT DROP`,
  `WITH picked AS (DELETE FROM derive_dirty_sessions RETURNING app_id, client_id, session_id)
    INSERT INTO touched_sessions SELECT DISTINCT app_id, client_id, session_id FROM picked`,
  // Superseded by the dirty sessions; emptied so that it does not grow.
  `DELETE FROM etl_dirty_days`,
  `CREATE TEMP TABLE affected_days (
    app_id text NOT NULL, day date NOT NULL, PRIMARY KEY (app_id, day)) ON COMMIT DROP`,
];

/** `sessions`, then `daily_metrics`, for the touched sessions and the days they cover. */
export const SESSIONS_AND_DAYS: readonly string[] = [
  // The day each touched session was counted on until now: a late event can move its start
  // to an earlier day, and the day it leaves must stop counting it.
  `INSERT INTO affected_days SELECT DISTINCT s.app_id, s.session_date
    FROM sessions s JOIN touched_sessions t ON ${sameSession('s', 't')}
    ON CONFLICT DO NOTHING`,
  `DELETE FROM sessions s USING touched_sessions t WHERE ${sameSession('s', 't')}`,
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
      (array_agg(user_id ORDER BY event_timestamp DESC, event_id DESC) FILTER (WHERE user_id IS NOT NULL))[1],
      CASE WHEN bool_or(user_login_state = 'logged_in') THEN 'logged_in' ELSE 'logged_out' END
    FROM (
      SELECT e.*, (
        max(e.event_timestamp) OVER w - min(e.event_timestamp) OVER w > interval '${ENGAGED_AFTER_MS} milliseconds'
        OR count(*) FILTER (WHERE e.event_name = 'page_view') OVER w >= 2
        OR count(*) FILTER (WHERE e.event_name IN (${conversions})) OVER w > 0
      ) AS engaged
      FROM clickstream_events e JOIN touched_sessions t ON ${sameSession('e', 't')}
      WINDOW w AS (PARTITION BY e.app_id, e.client_id, e.session_id)
    ) e
    GROUP BY app_id, client_id, session_id, engaged`,
  // Every day the touched sessions have events on (users, events and page views count by
  // event day); their new start day is one of them.
  `INSERT INTO affected_days SELECT DISTINCT e.app_id, e.event_timestamp::date
    FROM clickstream_events e JOIN touched_sessions t ON ${sameSession('e', 't')}
    ON CONFLICT DO NOTHING`,
  `DELETE FROM daily_metrics m USING affected_days d WHERE m.app_id = d.app_id AND m.day = d.day`,
  `INSERT INTO daily_metrics
    WITH ev AS (
      SELECT d.day, d.app_id,
        count(DISTINCT e.client_id) AS users,
        count(DISTINCT e.client_id) FILTER (WHERE e.event_name = 'first_visit') AS new_users,
        count(*) AS events,
        count(*) FILTER (WHERE e.event_name = 'page_view') AS page_views,
        count(*) FILTER (WHERE e.event_name = 'purchase') AS purchases,
        coalesce(sum(${revenue}) FILTER (WHERE e.event_name = 'purchase'), 0) AS revenue
      FROM affected_days d JOIN clickstream_events e ON e.app_id = d.app_id
        AND e.event_timestamp >= d.day AND e.event_timestamp < d.day + 1
      GROUP BY d.day, d.app_id
    ), se AS (
      SELECT s.session_date AS day, s.app_id, count(*) AS sessions,
        count(*) FILTER (WHERE s.engaged) AS engaged_sessions,
        count(*) FILTER (WHERE s.bounce) AS bounces
      FROM affected_days d JOIN sessions s ON s.app_id = d.app_id AND s.session_date = d.day
      GROUP BY s.session_date, s.app_id
    )
    SELECT coalesce(ev.day, se.day), coalesce(ev.app_id, se.app_id),
      coalesce(users, 0), coalesce(new_users, 0), coalesce(sessions, 0),
      coalesce(engaged_sessions, 0), coalesce(bounces, 0), coalesce(events, 0),
      coalesce(page_views, 0), coalesce(purchases, 0), coalesce(revenue, 0)
    FROM ev FULL JOIN se ON ev.day = se.day AND ev.app_id = se.app_id`,
];
