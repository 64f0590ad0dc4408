import type { ClientBase } from 'pg';
import type { DeriveStep } from '../derive/steps.js';
import { classifyUserAgent } from '../derive/user-agent.js';
import { TABLES } from '../tables/names.js';

/** Classifies the agents that have no class yet: those the derive's events brought. */
async function classifyNewAgents(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ agent_key: number; user_agent: string }>(
    `SELECT agent_key, user_agent FROM ${TABLES.agentKeys} WHERE browser IS NULL`,
  );
  if (rows.length === 0) return;
  const classes = rows.map((row) => classifyUserAgent(row.user_agent));
  await client.query(
    `UPDATE ${TABLES.agentKeys} k SET browser = c.browser, device = c.device
      FROM unnest($1::int[], $2::text[], $3::text[]) AS c (agent_key, browser, device)
      WHERE k.agent_key = c.agent_key`,
    [rows.map((row) => row.agent_key), classes.map((c) => c.browser), classes.map((c) => c.device)],
  );
}

/**
 * Every user agent of the staged events (`day_events`) gets a key and, once, its browser
 * name and device class (see migration 17; an absent agent is ''). Runs before the
 * per-client rollups, which count users per class.
 */
export const AGENT_CLASSES_STEP: DeriveStep = {
  name: 'user agents keyed and classified',
  tables: [],
  statements: [
    `INSERT INTO ${TABLES.agentKeys} (user_agent)
      SELECT DISTINCT coalesce(user_agent, '') FROM day_events ORDER BY 1 ON CONFLICT DO NOTHING`,
  ],
  after: classifyNewAgents,
};
