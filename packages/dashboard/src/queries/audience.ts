import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, FIRST_CLIENTS, firstCounts, num } from './sql.js';
import { USERS_SQL } from './summary.js';

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

/**
 * Distinct users per value of a dimension (`daily_first_counts`): identity sources, and the
 * browser and device class of their user agents (classified by the derive, with bowser; a
 * user with agents of two classes counts in each).
 */
const byValue = (dimension: string) => `SELECT r.value AS name, ${FIRST_CLIENTS} AS count
FROM ${firstCounts(dimension)}
GROUP BY 1 HAVING ${FIRST_CLIENTS} > 0 ORDER BY 2 DESC, 1`;

const byCount = (a: Share, b: Share) => b.count - a.count || a.name.localeCompare(b.name);

export async function audience(query: Query, range: ReportRange): Promise<Audience> {
  const params = dayParams(range);
  const [users] = await query<Record<string, string>>(USERS_SQL, params);
  const [login] = await query<Record<string, string>>(LOGIN_SQL, params);
  const identity = await query<Record<string, string>>(byValue('identity_source'), params);
  const browsers = await query<Record<string, string>>(byValue('browser'), params);
  const devices = await query<Record<string, string>>(byValue('device'), params);
  const all = num(users?.users);
  const fresh = num(users?.new_users);
  const shares = (rows: Record<string, string>[]) =>
    rows.map((r) => ({ name: r.name as string, count: num(r.count) }));
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
    browser: shares(browsers).sort(byCount),
    device: shares(devices).sort(byCount),
  };
}
