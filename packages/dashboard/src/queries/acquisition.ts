import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { BOUNDS, num, rangeParams, SESSION_IN_RANGE } from './sql.js';

export interface Acquisition {
  referrers: { referrer: string; sessions: number }[];
  campaigns: { utm_source: string; utm_medium: string; utm_campaign: string; sessions: number }[];
}

const param = (name: string) =>
  `coalesce(nullif(substring(page_url from '[?&]${name}=([^&#]*)'), ''), '(none)')`;

/**
 * Each session started in the range, by its landing page: the first page view (the first
 * event when it has none). The referrer is that page's referrer host: `(direct)` without one,
 * `(internal)` when it is the page's own host.
 */
const LANDINGS = `WITH ${BOUNDS},
started AS (SELECT s.app_id, s.client_id, s.session_id FROM sessions s, bounds b WHERE ${SESSION_IN_RANGE}),
landing AS (
  SELECT DISTINCT ON (t.app_id, t.client_id, t.session_id) e.page_url, e.page_referrer,
    substring(e.page_url from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)') AS page_host,
    substring(e.page_referrer from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)') AS referrer_host
  FROM started t JOIN clickstream_events e USING (app_id, client_id, session_id)
  ORDER BY t.app_id, t.client_id, t.session_id, e.event_name <> 'page_view', e.event_timestamp, e.event_id
)`;

const REFERRERS_SQL = `${LANDINGS}
SELECT CASE WHEN referrer_host IS NULL THEN '(direct)'
  WHEN referrer_host = page_host THEN '(internal)' ELSE lower(referrer_host) END AS referrer,
  count(*) AS sessions
FROM landing GROUP BY 1 ORDER BY 2 DESC, 1`;

const CAMPAIGNS_SQL = `${LANDINGS}
SELECT ${param('utm_source')} AS utm_source, ${param('utm_medium')} AS utm_medium,
  ${param('utm_campaign')} AS utm_campaign, count(*) AS sessions
FROM landing GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3`;

export async function acquisition(query: Query, range: ReportRange): Promise<Acquisition> {
  const params = rangeParams(range);
  const referrers = await query<Record<string, string>>(REFERRERS_SQL, params);
  const campaigns = await query<Record<string, string>>(CAMPAIGNS_SQL, params);
  return {
    referrers: referrers.map((r) => ({
      referrer: r.referrer as string,
      sessions: num(r.sessions),
    })),
    campaigns: campaigns.map((r) => ({
      utm_source: r.utm_source as string,
      utm_medium: r.utm_medium as string,
      utm_campaign: r.utm_campaign as string,
      sessions: num(r.sessions),
    })),
  };
}
