import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { deleteAffectedDays } from './sql.js';

const sameSession = (a: string, b: string) =>
  `${a}.app_id = ${b}.app_id AND ${a}.client_id = ${b}.client_id AND ${a}.session_id = ${b}.session_id`;
const host = (url: string) => `substring(${url} from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)')`;
const utm = (name: string) =>
  `coalesce(nullif(substring(l.page_url from '[?&]${name}=([^&#]*)'), ''), '(none)')`;
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
    `INSERT INTO ${TABLES.sessionLandings}
      SELECT t.app_id, t.client_id, t.session_id,
        CASE WHEN l.raw_host IS NULL THEN '(direct)'
          WHEN l.raw_host = l.page_host THEN '(internal)' ELSE lower(l.raw_host) END,
        ${utm('utm_source')}, ${utm('utm_medium')}, ${utm('utm_campaign')},
        EXISTS (SELECT 1 FROM clickstream_events e
          WHERE ${sameSession('e', 't')} AND e.event_name = 'purchase')
      FROM touched_sessions t
      CROSS JOIN LATERAL (
        SELECT e.page_url, ${host('e.page_url')} AS page_host, ${host('e.page_referrer')} AS raw_host
        FROM clickstream_events e WHERE ${sameSession('e', 't')}
        ORDER BY e.event_name <> 'page_view', e.event_timestamp, e.event_id LIMIT 1) l`,
    'ANALYZE session_landings',
    deleteAffectedDays(TABLES.dailySessionTotals),
    `INSERT INTO ${TABLES.dailySessionTotals}
      SELECT d.day, d.app_id, count(*), count(*) FILTER (WHERE s.engaged),
        sum(s.duration_ms), sum(s.page_views), count(*) FILTER (WHERE l.converted),
        count(*) FILTER (WHERE s.user_login_state = 'logged_in')
      FROM ${sessionsOfAffectedDays}
      GROUP BY d.day, d.app_id`,
    deleteAffectedDays(TABLES.dailySessionValues),
    `INSERT INTO ${TABLES.dailySessionValues}
      SELECT x.dimension, d.day, d.app_id, x.value, x.value2, x.value3, count(*)
      FROM ${sessionsOfAffectedDays}
      CROSS JOIN LATERAL (VALUES
        ('referrer', l.referrer, '', ''),
        ('campaign', l.utm_source, l.utm_medium, l.utm_campaign),
        ('landing', coalesce(s.landing_path, '(none)'), '', ''),
        ('exit', coalesce(s.exit_path, '(none)'), '', '')
      ) x (dimension, value, value2, value3)
      GROUP BY 1, 2, 3, 4, 5, 6`,
  ],
};
