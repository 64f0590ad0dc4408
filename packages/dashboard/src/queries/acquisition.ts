import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, num } from './sql.js';

export interface Acquisition {
  referrers: { referrer: string; sessions: number }[];
  campaigns: { utm_source: string; utm_medium: string; utm_campaign: string; sessions: number }[];
}

/**
 * Sessions started in the range by their landing page (the first page view, else the
 * first event), from the derived `daily_session_values`: its referrer host (`(direct)`
 * without one, `(internal)` when it is the page's own host) and its UTM tags.
 */
const REFERRERS_SQL = `SELECT r.value AS referrer, sum(r.sessions) AS sessions
FROM daily_session_values r WHERE r.dimension = 'referrer' AND ${DAY_IN_RANGE}
GROUP BY 1 ORDER BY 2 DESC, 1`;

const CAMPAIGNS_SQL = `SELECT r.value AS utm_source, r.value2 AS utm_medium, r.value3 AS utm_campaign,
  sum(r.sessions) AS sessions
FROM daily_session_values r WHERE r.dimension = 'campaign' AND ${DAY_IN_RANGE}
GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3`;

export async function acquisition(query: Query, range: ReportRange): Promise<Acquisition> {
  const params = dayParams(range);
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
