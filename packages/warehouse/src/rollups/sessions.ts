import { analyzeWhenRewritten } from '../derive/statements.js';
import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { deleteAffectedDays } from './sql.js';

const sameSession = (a: string, b: string) =>
  `${a}.app_id = ${b}.app_id AND ${a}.client_id = ${b}.client_id AND ${a}.session_id = ${b}.session_id`;
const host = (url: string) => `substring(${url} from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)')`;
// The regular expression only where it can match: most landing URLs carry no UTM tags.
const utm = (name: string) =>
  `coalesce(nullif(CASE WHEN strpos(l.page_url, '${name}=') > 0
    THEN substring(l.page_url from '[?&]${name}=([^&#]*)') END, ''), '(none)')`;
const sessionsOfAffectedDays = `affected_days d
  JOIN sessions s ON s.app_id = d.app_id AND s.session_date = d.day
  JOIN ${TABLES.sessionLandings} l ON ${sameSession('l', 's')}`;

/**
 * Per touched session, its landing facts (`session_landings`): the landing page (its first
 * page view, else its first event) gives the referrer host (`(direct)` without one,
 * `(internal)` from the page's own host) and UTM tags; `converted`: it has a purchase event.
 * Then sessions by the day they started (the core `sessions` rows of the affected days):
 * totals (sessions, engaged, duration, page views, converted, signed in) and counts by
 * referrer, campaign, landing and exit path, summed from those rows, no events read.
 */
export const SESSIONS_STEP: DeriveStep = {
  name: 'landing facts per session; sessions per day and landing page',
  tables: [TABLES.sessionLandings, TABLES.dailySessionTotals, TABLES.dailySessionValues],
  statements: [
    `DELETE FROM ${TABLES.sessionLandings} l USING touched_sessions t WHERE ${sameSession('l', 't')}`,
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
    deleteAffectedDays(TABLES.dailySessionTotals),
    `INSERT INTO ${TABLES.dailySessionTotals}
      SELECT d.day, d.app_id, count(*), count(*) FILTER (WHERE s.engaged),
        sum(s.duration_ms), sum(s.page_views), count(*) FILTER (WHERE l.converted),
        count(*) FILTER (WHERE s.user_login_state = 'logged_in')
      FROM ${sessionsOfAffectedDays}
      GROUP BY d.day, d.app_id`,
    deleteAffectedDays(TABLES.dailySessionValues),
    // Each dimension grouped on its own (hashed): one GROUP BY of every session times four
    // dimensions would sort them all on six text keys.
    `INSERT INTO ${TABLES.dailySessionValues}
      WITH v AS MATERIALIZED (
        SELECT d.day, d.app_id, l.referrer, l.utm_source, l.utm_medium, l.utm_campaign,
          coalesce(s.landing_path, '(none)') AS landing, coalesce(s.exit_path, '(none)') AS exit
        FROM ${sessionsOfAffectedDays})
      SELECT 'referrer', day, app_id, referrer, '', '', count(*) FROM v GROUP BY 2, 3, 4
      UNION ALL
      SELECT 'campaign', day, app_id, utm_source, utm_medium, utm_campaign, count(*)
        FROM v GROUP BY 2, 3, 4, 5, 6
      UNION ALL
      SELECT 'landing', day, app_id, landing, '', '', count(*) FROM v GROUP BY 2, 3, 4
      UNION ALL
      SELECT 'exit', day, app_id, exit, '', '', count(*) FROM v GROUP BY 2, 3, 4`,
  ],
};
