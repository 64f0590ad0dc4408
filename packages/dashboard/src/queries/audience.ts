import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, FIRST_CLIENTS, firstCounts, firstInRange, num } from './sql.js';
import { USERS_SQL } from './summary.js';
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

const LOGIN_SQL = `SELECT coalesce(sum(r.logged_in), 0) AS logged_in,
  coalesce(sum(r.sessions - r.logged_in), 0) AS guest
FROM daily_session_totals r WHERE ${DAY_IN_RANGE}`;

/** Distinct users per value of a dimension (`daily_first_counts`: identity sources). */
const byValue = (dimension: string) => `SELECT r.value AS name, ${FIRST_CLIENTS} AS count
FROM ${firstCounts(dimension)}
GROUP BY 1 HAVING ${FIRST_CLIENTS} > 0 ORDER BY 2 DESC, 1`;

const AGENT_FIRST = firstInRange('prev_day', 'prev_day_any');

/** The user agents seen in the range. */
const AGENTS_SQL = `SELECT k.agent_key, k.user_agent FROM agent_keys k
WHERE k.agent_key IN (SELECT r.agent_key FROM daily_client_agents r
  WHERE ${DAY_IN_RANGE} AND ${AGENT_FIRST})`;

/**
 * Users by browser and by device class: the range's distinct user agents are classified
 * here (bowser), then counted in SQL as distinct clients per class ($4-$6: agent key,
 * browser, device) over the narrow `daily_client_agents` rows, each (client, agent) once.
 * A client with two agents of one class counts once.
 */
const CLASSES_SQL = `WITH classes AS (
  SELECT * FROM unnest($4::int[], $5::text[], $6::text[]) AS c (agent_key, browser, device)
),
pairs AS (
  SELECT c.browser, c.device, r.client_key
  FROM daily_client_agents r JOIN classes c USING (agent_key)
  WHERE ${DAY_IN_RANGE} AND ${AGENT_FIRST}
)
SELECT 'browser' AS kind, browser AS name, count(*) AS count
  FROM (SELECT DISTINCT browser, client_key FROM pairs) b GROUP BY browser
UNION ALL
SELECT 'device', device, count(*)
  FROM (SELECT DISTINCT device, client_key FROM pairs) d GROUP BY device`;

const byCount = (a: Share, b: Share) => b.count - a.count || a.name.localeCompare(b.name);

export async function audience(query: Query, range: ReportRange): Promise<Audience> {
  const params = dayParams(range);
  const [users] = await query<Record<string, string>>(USERS_SQL, params);
  const [login] = await query<Record<string, string>>(LOGIN_SQL, params);
  const identity = await query<Record<string, string>>(byValue('identity_source'), params);
  const agents = await query<{ agent_key: number; user_agent: string }>(AGENTS_SQL, params);
  const classified = agents.map((a) => ({ key: a.agent_key, ...classifyUserAgent(a.user_agent) }));
  const classes = await query<Record<string, string>>(CLASSES_SQL, [
    ...params,
    classified.map((c) => c.key),
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
