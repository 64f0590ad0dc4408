import { analyzeWhenRewritten } from '../derive/statements.js';
import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { addCounts, changesOf, createChanges, loggingRemoved } from './row-changes.js';

const sameSession = (a: string, b: string) =>
  `${a}.app_id = ${b}.app_id AND ${a}.client_id = ${b}.client_id AND ${a}.session_id = ${b}.session_id`;
const host = (url: string) => `substring(${url} from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)')`;
// The regular expression only where it can match: most landing URLs carry no UTM tags.
const utm = (name: string) =>
  `coalesce(nullif(CASE WHEN strpos(l.page_url, '${name}=') > 0
    THEN substring(l.page_url from '[?&]${name}=([^&#]*)') END, ''), '(none)')`;
/** A session's facts (aliases s: `sessions`, l: `session_landings`), signed by `sign`. */
const facts = (sign: string) => `${sign} AS sign, s.session_date AS day, s.app_id, s.engaged,
  s.duration_ms, s.page_views, s.user_login_state, coalesce(s.landing_path, '(none)') AS landing,
  coalesce(s.exit_path, '(none)') AS exit, l.referrer, l.utm_source, l.utm_medium, l.utm_campaign,
  l.converted`;
const dimension = (name: string, values: string) =>
  `SELECT '${name}', day, app_id, ${values}, sign FROM session_fact_changes`;

/**
 * Per touched session, its landing facts (`session_landings`): the landing page (its first
 * page view, else its first event) gives the referrer host (`(direct)` without one,
 * `(internal)` from the page's own host) and UTM tags; `converted`: it has a purchase event.
 * Then sessions by the day they started: totals (sessions, engaged, duration, page views,
 * converted, signed in) and counts by referrer, campaign, landing and exit path, kept by
 * adding the touched sessions' facts as they are now and subtracting them as they were
 * (the removed rows the core step logs of `sessions` and this step of `session_landings`),
 * no events read.
 */
export const SESSIONS_STEP: DeriveStep = {
  name: 'landing facts per session; sessions per day and landing page',
  tables: [TABLES.sessionLandings, TABLES.dailySessionTotals, TABLES.dailySessionValues],
  statements: [
    createChanges(TABLES.sessionLandings),
    loggingRemoved(
      TABLES.sessionLandings,
      `DELETE FROM ${TABLES.sessionLandings} r USING touched_sessions t WHERE ${sameSession('r', 't')}`,
    ),
    // The landing event from the touched sessions' events staged by the core step, in one
    // pass: the first page view (else the first event) by (time, event_id), i.e. by rn.
    `INSERT INTO ${TABLES.sessionLandings}
      SELECT l.app_id, l.client_id, l.session_id,
        CASE WHEN l.raw_host IS NULL THEN '(direct)'
          WHEN l.raw_host = l.page_host THEN '(internal)' ELSE lower(l.raw_host) END,
        ${utm('utm_source')}, ${utm('utm_medium')}, ${utm('utm_campaign')}, l.converted
      FROM (
        SELECT f.*, ${host('f.page_url')} AS page_host, ${host('f.page_referrer')} AS raw_host
        FROM (
          SELECT DISTINCT ON (app_id, client_id, session_id)
            app_id, client_id, session_id, page_url, page_referrer, converted
          FROM (
            SELECT e.*, bool_or(e.event_name = 'purchase')
              OVER (PARTITION BY e.app_id, e.client_id, e.session_id) AS converted
            FROM session_events e) e
          ORDER BY app_id, client_id, session_id, event_name <> 'page_view', rn) f
      ) l`,
    analyzeWhenRewritten(TABLES.sessionLandings),
    `CREATE TEMP TABLE session_fact_changes ON COMMIT DROP AS
      SELECT ${facts('s.sign')} FROM ${changesOf(TABLES.sessions)} s
        JOIN ${changesOf(TABLES.sessionLandings)} l ON ${sameSession('l', 's')}
      UNION ALL
      SELECT ${facts('1')} FROM touched_sessions t
        JOIN sessions s ON ${sameSession('s', 't')}
        JOIN ${TABLES.sessionLandings} l ON ${sameSession('l', 's')}`,
    ...addCounts(
      TABLES.dailySessionTotals,
      ['day', 'app_id'],
      ['sessions', 'engaged', 'duration_ms', 'page_views', 'converted', 'logged_in'],
      `SELECT day, app_id, sign, sign * engaged::int, sign * duration_ms, sign * page_views,
        sign * converted::int, sign * (user_login_state = 'logged_in')::int
      FROM session_fact_changes`,
    ),
    ...addCounts(
      TABLES.dailySessionValues,
      ['dimension', 'day', 'app_id', 'value', 'value2', 'value3'],
      ['sessions'],
      [
        dimension('referrer', `referrer, '', ''`),
        dimension('campaign', 'utm_source, utm_medium, utm_campaign'),
        dimension('landing', `landing, '', ''`),
        dimension('exit', `exit, '', ''`),
      ].join('\nUNION ALL\n'),
    ),
  ],
};
