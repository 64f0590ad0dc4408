import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { deleteAffectedDays } from './sql.js';

const sameSession = `e.app_id = s.app_id AND e.client_id = s.client_id AND e.session_id = s.session_id`;
const host = (url: string) => `substring(${url} from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)')`;
const utm = (name: string) =>
  `coalesce(nullif(substring(l.page_url from '[?&]${name}=([^&#]*)'), ''), '(none)')`;

/**
 * Sessions by the day they started (the core `sessions` rows of the affected days): totals
 * (sessions, engaged, duration, page views, with a purchase event, signed in) and counts by
 * their landing page's referrer host (`(direct)` without one, `(internal)` from the page's
 * own host) and UTM tags, and by landing and exit path. The landing page is the session's
 * first page view, else its first event.
 */
export const SESSIONS_STEP: DeriveStep = {
  name: 'sessions per day and landing page',
  tables: [TABLES.dailySessionTotals, TABLES.dailySessionValues],
  statements: [
    deleteAffectedDays(TABLES.dailySessionTotals),
    `INSERT INTO ${TABLES.dailySessionTotals}
      SELECT d.day, d.app_id, count(*), count(*) FILTER (WHERE s.engaged),
        sum(s.duration_ms), sum(s.page_views),
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM clickstream_events e
          WHERE ${sameSession} AND e.event_name = 'purchase')),
        count(*) FILTER (WHERE s.user_login_state = 'logged_in')
      FROM affected_days d JOIN sessions s ON s.app_id = d.app_id AND s.session_date = d.day
      GROUP BY d.day, d.app_id`,
    deleteAffectedDays(TABLES.dailySessionValues),
    `INSERT INTO ${TABLES.dailySessionValues}
      SELECT x.dimension, d.day, d.app_id, x.value, x.value2, x.value3, count(*)
      FROM affected_days d JOIN sessions s ON s.app_id = d.app_id AND s.session_date = d.day
      CROSS JOIN LATERAL (
        SELECT e.page_url, ${host('e.page_url')} AS page_host,
          lower(${host('e.page_referrer')}) AS referrer_host, ${host('e.page_referrer')} AS raw_host
        FROM clickstream_events e WHERE ${sameSession}
        ORDER BY e.event_name <> 'page_view', e.event_timestamp, e.event_id LIMIT 1) l
      CROSS JOIN LATERAL (VALUES
        ('referrer', CASE WHEN l.raw_host IS NULL THEN '(direct)'
          WHEN l.raw_host = l.page_host THEN '(internal)' ELSE l.referrer_host END, '', ''),
        ('campaign', ${utm('utm_source')}, ${utm('utm_medium')}, ${utm('utm_campaign')}),
        ('landing', coalesce(s.landing_path, '(none)'), '', ''),
        ('exit', coalesce(s.exit_path, '(none)'), '', '')
      ) x (dimension, value, value2, value3)
      GROUP BY 1, 2, 3, 4, 5, 6`,
  ],
};
