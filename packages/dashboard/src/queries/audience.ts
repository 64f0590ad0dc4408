import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, num } from './sql.js';
import { classifyUserAgent } from './user-agent.js';

export interface Share {
  name: string;
  count: number;
}

export interface Audience {
  /** Users: new (a first_visit in the range) and returning (the rest). */
  user_type: Share[];
  /** Sessions started in the range: logged in at any point, else guest. */
  login_state: Share[];
  /** Users by the identity source of their events (`(none)` when never signed in). */
  identity_source: Share[];
  /** Users by browser and by device class of their user agent (a user may have several). */
  browser: Share[];
  device: Share[];
}

const USERS_SQL = `SELECT count(DISTINCT r.client_key) AS users,
  count(DISTINCT r.client_key) FILTER (WHERE r.first_visit) AS new_users
FROM daily_clients r WHERE ${DAY_IN_RANGE}`;

const LOGIN_SQL = `SELECT coalesce(sum(r.logged_in), 0) AS logged_in,
  coalesce(sum(r.sessions - r.logged_in), 0) AS guest
FROM daily_session_totals r WHERE ${DAY_IN_RANGE}`;

/** Distinct users per value of a `daily_client_values` dimension. */
const byValue = (
  dimension: string,
) => `SELECT r.value AS name, count(DISTINCT r.client_key) AS count
FROM daily_client_values r WHERE r.dimension = '${dimension}' AND ${DAY_IN_RANGE}
GROUP BY 1 ORDER BY 2 DESC, 1`;

const AGENTS_SQL = `SELECT DISTINCT r.value AS user_agent
FROM daily_client_values r WHERE r.dimension = 'user_agent' AND ${DAY_IN_RANGE}`;

/**
 * Users by browser and by device class: the range's distinct user agents are classified
 * here (bowser), then counted in SQL as distinct clients per class ($4-$6: agent, browser,
 * device), so no client list leaves the warehouse.
 */
const CLASSES_SQL = `WITH classes AS (
  SELECT * FROM unnest($4::text[], $5::text[], $6::text[]) AS c (user_agent, browser, device)
)
SELECT CASE WHEN grouping(c.browser) = 0 THEN 'browser' ELSE 'device' END AS kind,
  CASE WHEN grouping(c.browser) = 0 THEN c.browser ELSE c.device END AS name,
  count(DISTINCT r.client_key) AS count
FROM daily_client_values r JOIN classes c ON c.user_agent = r.value
WHERE r.dimension = 'user_agent' AND ${DAY_IN_RANGE}
GROUP BY GROUPING SETS ((c.browser), (c.device))`;

const byCount = (a: Share, b: Share) => b.count - a.count || a.name.localeCompare(b.name);

export async function audience(query: Query, range: ReportRange): Promise<Audience> {
  const params = dayParams(range);
  const [users] = await query<Record<string, string>>(USERS_SQL, params);
  const [login] = await query<Record<string, string>>(LOGIN_SQL, params);
  const identity = await query<Record<string, string>>(byValue('identity_source'), params);
  const agents = await query<{ user_agent: string }>(AGENTS_SQL, params);
  const classified = agents.map((a) => ({ ua: a.user_agent, ...classifyUserAgent(a.user_agent) }));
  const classes = await query<Record<string, string>>(CLASSES_SQL, [
    ...params,
    classified.map((c) => c.ua),
    classified.map((c) => c.browser),
    classified.map((c) => c.device),
  ]);
  const all = num(users?.users);
  const fresh = num(users?.new_users);
  const shares = (rows: Record<string, string>[]) =>
    rows.map((r) => ({ name: r.name as string, count: num(r.count) }));
  const ofKind = (kind: string) => shares(classes.filter((r) => r.kind === kind)).sort(byCount);
  return {
    user_type: [
      { name: 'new', count: fresh },
      { name: 'returning', count: all - fresh },
    ],
    login_state: [
      { name: 'guest', count: num(login?.guest) },
      { name: 'logged in', count: num(login?.logged_in) },
    ]
      .filter((share) => share.count > 0)
      .sort(byCount),
    identity_source: shares(identity),
    browser: ofKind('browser'),
    device: ofKind('device'),
  };
}
