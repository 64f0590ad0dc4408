import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { BOUNDS, EVENT_IN_RANGE, num, rangeParams, SESSION_IN_RANGE } from './sql.js';
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

const USERS_SQL = `WITH ${BOUNDS}
SELECT count(DISTINCT e.client_id) AS users,
  count(DISTINCT e.client_id) FILTER (WHERE e.event_name = 'first_visit') AS new_users
FROM clickstream_events e, bounds b WHERE ${EVENT_IN_RANGE}`;

const LOGIN_SQL = `WITH ${BOUNDS}
SELECT CASE WHEN s.user_login_state = 'logged_in' THEN 'logged in' ELSE 'guest' END AS name,
  count(*) AS count
FROM sessions s, bounds b WHERE ${SESSION_IN_RANGE} GROUP BY 1 ORDER BY 2 DESC, 1`;

const IDENTITY_SQL = `WITH ${BOUNDS}
SELECT coalesce(e.identity_source, '(none)') AS name, count(DISTINCT e.client_id) AS count
FROM clickstream_events e, bounds b WHERE ${EVENT_IN_RANGE} GROUP BY 1 ORDER BY 2 DESC, 1`;

const AGENTS_SQL = `WITH ${BOUNDS}
SELECT DISTINCT e.user_agent, e.client_id FROM clickstream_events e, bounds b WHERE ${EVENT_IN_RANGE}`;

function tally(pairs: Iterable<[string, string]>): Share[] {
  const seen = new Map<string, Set<string>>();
  for (const [name, client] of pairs) {
    const set = seen.get(name) ?? new Set<string>();
    set.add(client);
    seen.set(name, set);
  }
  return [...seen]
    .map(([name, set]) => ({ name, count: set.size }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export async function audience(query: Query, range: ReportRange): Promise<Audience> {
  const params = rangeParams(range);
  const [users] = await query<Record<string, string>>(USERS_SQL, params);
  const login = await query<Record<string, string>>(LOGIN_SQL, params);
  const identity = await query<Record<string, string>>(IDENTITY_SQL, params);
  const agents = await query<{ user_agent: string | null; client_id: string }>(AGENTS_SQL, params);
  const classes = new Map<string | null, ReturnType<typeof classifyUserAgent>>();
  const classOf = (ua: string | null) => {
    const known = classes.get(ua) ?? classifyUserAgent(ua);
    classes.set(ua, known);
    return known;
  };
  const all = num(users?.users);
  const fresh = num(users?.new_users);
  const shares = (rows: Record<string, string>[]) =>
    rows.map((r) => ({ name: r.name as string, count: num(r.count) }));
  return {
    user_type: [
      { name: 'new', count: fresh },
      { name: 'returning', count: all - fresh },
    ],
    login_state: shares(login),
    identity_source: shares(identity),
    browser: tally(agents.map((a) => [classOf(a.user_agent).browser, a.client_id])),
    device: tally(agents.map((a) => [classOf(a.user_agent).device, a.client_id])),
  };
}
