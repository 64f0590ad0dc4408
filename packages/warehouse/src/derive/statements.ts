import { changesOf, createChanges, loggingRemoved } from '../rollups/row-changes.js';
import { TABLES } from '../tables/names.js';

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
/** The derive transaction's `work_mem` (SET LOCAL): a full rebuild sorts every event. */
const DERIVE_WORK_MEM = '64MB';

const conversions = CONVERSION_EVENTS.map((name) => `'${name}'`).join(', ');
/**
 * ANALYZE of `table` when this derive rewrote more than a tenth of its rows (as many as
 * `touched_sessions`; autovacuum's own rule), or more than 1,000 of a table never
 * analysed: a derive from scratch fills it in this transaction, and the planner would
 * still see it empty, choosing nested loops over every session of a day.
 */
export const analyzeWhenRewritten = (table: string) => `DO $$ BEGIN
  IF (SELECT count(*) FROM touched_sessions) > 1000 + 0.1 * greatest(0,
      (SELECT reltuples FROM pg_class WHERE oid = '${table}'::regclass)) THEN
    ANALYZE ${table};
  END IF;
END $$`;

/** GA4's rule over a session's events (in an aggregate over them). */
const engaged = `(max(event_timestamp) - min(event_timestamp) > interval '${ENGAGED_AFTER_MS} milliseconds'
  OR count(*) FILTER (WHERE event_name = 'page_view') >= 2
  OR count(*) FILTER (WHERE event_name IN (${conversions})) > 0)`;
const sameSession = (a: string, b: string) =>
  `${a}.app_id = ${b}.app_id AND ${a}.client_id = ${b}.client_id AND ${a}.session_id = ${b}.session_id`;
/** A purchase's transaction: its `transaction_id` attribute, else the event's own id. */
export const transactionKey = (alias: string) => {
  const a = alias ? `${alias}.` : '';
  return `coalesce(${a}attributes->>'transaction_id', ${a}event_id)`;
};
/**
 * A purchase's value: the numeric `value` attribute; else the sum over its items of
 * (discount price, else price, else 0) x (quantity, else 1); else the product's discount
 * price, else its price, else 0.
 */
const purchaseValue = `CASE
  WHEN jsonb_typeof(e.attributes->'value') = 'number' THEN (e.attributes->>'value')::numeric
  WHEN jsonb_array_length(e.items) > 0 THEN (
    SELECT sum(coalesce((i->>'discount_price')::numeric, (i->>'price')::numeric, 0)
      * coalesce((i->>'quantity')::numeric, 1)) FROM jsonb_array_elements(e.items) i)
  ELSE coalesce(e.context_product_discount_price, e.context_product_price, 0) END`;

/**
 * Picks up the work: the sessions marked dirty since the last derive (`touched_sessions`)
 * and the (app_id, day) pairs to rebuild (`affected_days`), both dropped at commit. Later
 * steps (rollups) may read both. A full rebuild (`everySession`) touches every session of
 * `clickstream_events` directly, and drops the marks.
 */
export const prepare = (everySession: boolean): readonly string[] => [
  // For the transaction: its sorts and hashes stay in memory; JIT compiling these
  // one-off statements costs more than it saves.
  `SELECT set_config('work_mem', '${DERIVE_WORK_MEM}', true), set_config('jit', 'off', true)`,
  `CREATE TEMP TABLE touched_sessions (
    app_id text NOT NULL, client_id text NOT NULL, session_id text NOT NULL,
    PRIMARY KEY (app_id, client_id, session_id)) ON COMMIT DROP`,
  ...(everySession
    ? [
        'DELETE FROM derive_dirty_sessions',
        `INSERT INTO touched_sessions SELECT DISTINCT app_id, client_id, session_id
          FROM clickstream_events`,
      ]
    : [
        `WITH picked AS (DELETE FROM derive_dirty_sessions RETURNING app_id, client_id, session_id)
          INSERT INTO touched_sessions SELECT DISTINCT app_id, client_id, session_id FROM picked`,
      ]),
  // Temporary tables have no statistics until analysed: without them the planner guesses.
  'ANALYZE touched_sessions',
  `CREATE TEMP TABLE affected_days (
    app_id text NOT NULL, day date NOT NULL, PRIMARY KEY (app_id, day)) ON COMMIT DROP`,
];

const wholeSession = 'PARTITION BY app_id, client_id, session_id';

/**
 * `sessions` for the touched sessions; `affected_days` gains the days they cover. Their
 * events are read once, into `session_events` (dropped at commit; later steps may read it),
 * numbered `rn` by (event_timestamp, event_id) within the session: "the first page view's
 * path" is the path of the row whose `rn` is the least among the page views, a plain
 * aggregate, so no per-session sort (ordered aggregates sort each group) is needed.
 */
export const SESSIONS: readonly string[] = [
  // The touched sessions' rows until now, logged (`sessions_changes`) for the steps that
  // keep counts over sessions by delta.
  createChanges(TABLES.sessions),
  loggingRemoved(
    TABLES.sessions,
    `DELETE FROM ${TABLES.sessions} r USING touched_sessions t WHERE ${sameSession('r', 't')}`,
  ),
  // The day each was counted on: a late event can move a session's start to an earlier
  // day, and the day it leaves must stop counting it.
  `INSERT INTO affected_days SELECT DISTINCT app_id, session_date
    FROM ${changesOf(TABLES.sessions)} ON CONFLICT DO NOTHING`,
  `CREATE TEMP TABLE session_events ON COMMIT DROP AS
    SELECT e.app_id, e.client_id, e.session_id, e.event_id, e.event_timestamp, e.event_name,
      e.session_number, e.is_first_visit, e.user_id, e.user_login_state, e.page_url,
      e.page_referrer, clicktrail_url_path(e.page_url) AS path, e.context_product_id,
      CASE WHEN e.event_name = 'purchase' THEN ${transactionKey('e')} END AS transaction_key,
      row_number() OVER (PARTITION BY e.app_id, e.client_id, e.session_id
        ORDER BY e.event_timestamp, e.event_id) AS rn
    FROM clickstream_events e JOIN touched_sessions t ON ${sameSession('e', 't')}`,
  'ANALYZE session_events',
  `INSERT INTO sessions
    SELECT app_id, client_id, session_id, max(session_number),
      min(event_timestamp)::date, min(event_timestamp), max(event_timestamp),
      round(extract(epoch FROM max(event_timestamp) - min(event_timestamp)) * 1000)::bigint,
      count(*) FILTER (WHERE event_name = 'page_view'),
      count(*),
      -- Distinct transactions, plus every other conversion event (event ids are unique).
      (SELECT count(DISTINCT k) FROM unnest(
        array_agg(transaction_key) FILTER (WHERE event_name = 'purchase')) k)
        + count(*) FILTER (WHERE event_name IN (${conversions}) AND event_name <> 'purchase'),
      ${engaged}, NOT ${engaged},
      coalesce(max(path) FILTER (WHERE rn = first_view), max(path) FILTER (WHERE rn = 1)),
      coalesce(max(path) FILTER (WHERE rn = last_view), max(path) FILTER (WHERE rn = last_event)),
      bool_or(is_first_visit OR event_name = 'first_visit'),
      max(user_id) FILTER (WHERE rn = last_user),
      CASE WHEN bool_or(user_login_state = 'logged_in') THEN 'logged_in' ELSE 'logged_out' END
    FROM (
      SELECT e.*,
        min(rn) FILTER (WHERE event_name = 'page_view') OVER w AS first_view,
        max(rn) FILTER (WHERE event_name = 'page_view') OVER w AS last_view,
        max(rn) FILTER (WHERE user_id IS NOT NULL) OVER w AS last_user,
        max(rn) OVER w AS last_event
      FROM session_events e WINDOW w AS (${wholeSession})
    ) e
    GROUP BY app_id, client_id, session_id`,
  analyzeWhenRewritten('sessions'),
  // Every day the touched sessions have events on (users, events and page views count by
  // event day); their new start day is one of them.
  `INSERT INTO affected_days SELECT DISTINCT app_id, event_timestamp::date FROM session_events
    ON CONFLICT DO NOTHING`,
];

/**
 * `purchases` and `purchase_items` for every transaction with a purchase event in a touched
 * session, rebuilt whole from all that transaction's purchase events: the first (by time,
 * then event_id) gives its time, value, currency and lines; `recorded` counts them all.
 */
export const PURCHASES: readonly string[] = [
  `CREATE TEMP TABLE touched_transactions (
    app_id text NOT NULL, transaction_key text NOT NULL,
    PRIMARY KEY (app_id, transaction_key)) ON COMMIT DROP`,
  `INSERT INTO touched_transactions SELECT DISTINCT app_id, transaction_key
    FROM session_events WHERE event_name = 'purchase'`,
  // Unanalysed, it looks big: the planner would hash-join every purchase event of the
  // warehouse (8.5 s at 9M events) instead of looking up these few transactions.
  'ANALYZE touched_transactions',
  // The day each was counted on until now (an earlier copy can arrive late).
  `INSERT INTO affected_days SELECT DISTINCT p.app_id, p.purchase_date
    FROM purchases p JOIN touched_transactions x
      ON p.app_id = x.app_id AND p.transaction_key = x.transaction_key
    ON CONFLICT DO NOTHING`,
  `DELETE FROM purchase_items i USING touched_transactions x
    WHERE i.app_id = x.app_id AND i.transaction_key = x.transaction_key`,
  `DELETE FROM purchases p USING touched_transactions x
    WHERE p.app_id = x.app_id AND p.transaction_key = x.transaction_key`,
  `INSERT INTO purchases
    SELECT DISTINCT ON (e.app_id, x.transaction_key)
      e.app_id, x.transaction_key, e.attributes->>'transaction_id', e.event_id,
      e.client_id, e.session_id, e.user_id, e.event_timestamp, e.event_timestamp::date,
      ${purchaseValue}, e.attributes->>'currency', jsonb_array_length(e.items),
      count(*) OVER (PARTITION BY e.app_id, x.transaction_key)
    FROM touched_transactions x JOIN clickstream_events e
      ON e.app_id = x.app_id AND ${transactionKey('e')} = x.transaction_key
      AND e.event_name = 'purchase'
    ORDER BY e.app_id, x.transaction_key, e.event_timestamp, e.event_id`,
  `INSERT INTO purchase_items
    SELECT p.app_id, p.transaction_key, line::int, i->>'id', i->>'name', i->>'category',
      i->>'brand', (i->>'price')::numeric, (i->>'discount_price')::numeric,
      coalesce((i->>'quantity')::int, 1)
    FROM touched_transactions x
      JOIN purchases p ON p.app_id = x.app_id AND p.transaction_key = x.transaction_key
      JOIN clickstream_events e ON e.event_id = p.event_id
      CROSS JOIN LATERAL jsonb_array_elements(e.items) WITH ORDINALITY AS item(i, line)`,
  `INSERT INTO affected_days SELECT DISTINCT p.app_id, p.purchase_date
    FROM purchases p JOIN touched_transactions x
      ON p.app_id = x.app_id AND p.transaction_key = x.transaction_key
    ON CONFLICT DO NOTHING`,
];

/**
 * `daily_metrics` for every affected (app_id, day): DELETE, then INSERT, from the rollups
 * (which run before it) rather than the day's events: users, new users, events and page
 * views from `daily_first_counts` (the day's per-client rows counted by previous day, scope
 * 'app': each row once), sessions from `daily_session_totals`, purchases from `purchases`.
 */
export const DAILY_METRICS: readonly string[] = [
  `DELETE FROM daily_metrics m USING affected_days d WHERE m.app_id = d.app_id AND m.day = d.day`,
  `INSERT INTO daily_metrics
    SELECT d.day, d.app_id, coalesce(cl.users, 0), coalesce(cl.new_users, 0),
      coalesce(se.sessions, 0), coalesce(se.engaged, 0), coalesce(se.sessions - se.engaged, 0),
      coalesce(cl.events, 0), coalesce(cl.page_views, 0), pu.purchases, pu.revenue
    FROM affected_days d
    CROSS JOIN LATERAL (
      SELECT sum(c.clients) FILTER (WHERE c.dimension = 'users') AS users,
        sum(c.clients) FILTER (WHERE c.dimension = 'new_users') AS new_users,
        sum(c.events) FILTER (WHERE c.dimension = 'users') AS events,
        sum(c.events) FILTER (WHERE c.dimension = 'page') AS page_views
      FROM daily_first_counts c
      WHERE c.dimension IN ('users', 'new_users', 'page') AND c.scope = 'app'
        AND c.day = d.day AND c.app_id = d.app_id) cl
    LEFT JOIN daily_session_totals se ON se.day = d.day AND se.app_id = d.app_id
    CROSS JOIN LATERAL (
      SELECT count(*) AS purchases, coalesce(sum(p.value), 0) AS revenue
      FROM purchases p WHERE p.app_id = d.app_id AND p.purchase_date = d.day) pu
    WHERE cl.users > 0 OR se.sessions > 0 OR pu.purchases > 0`,
];
