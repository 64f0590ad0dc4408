import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { nextStep } from './funnel-chains.js';
import { touchedClients } from './sql.js';

const CHAIN = ['scope', 'app_id', 'client_key', 'day'] as const;
const key = CHAIN.join(', ');

/**
 * Each touched client's chains from its returning view days (see migration 15), from the
 * `chain_steps` the all-time chains were built from: per scope, every view day after the
 * first (`prev_day` the view day before it), the greedy chain from that day's first
 * view_item, stored as its steps' days (cut in the reporting time zone, which the derive
 * has set). Runs after `FUNNEL_CHAINS_STEP`.
 */
export const FUNNEL_DAY_CHAINS_STEP: DeriveStep = {
  name: 'closed-funnel chains per returning view day',
  tables: [TABLES.funnelDayChains],
  statements: [
    `DELETE FROM ${TABLES.funnelDayChains} WHERE client_key IN ${touchedClients}`,
    `INSERT INTO ${TABLES.funnelDayChains}
      WITH views AS (
        SELECT scope, app_id, client_key, at::date AS day, min(at) AS t
        FROM chain_steps WHERE step = 0 GROUP BY 1, 2, 3, 4
      ),
      c0 AS (
        SELECT * FROM (
          SELECT v.*, lag(v.day) OVER (PARTITION BY scope, app_id, client_key ORDER BY v.day) AS prev_day
          FROM views v) r
        WHERE prev_day IS NOT NULL
      ),
      ${[1, 2, 3].map((k) => nextStep(k, `c${k - 1}`, CHAIN)).join(',\n      ')}
      SELECT c0.scope, c0.app_id, c0.client_key, c0.day, c0.prev_day,
        c1.t::date, c2.t::date, c3.t::date
      FROM c0 LEFT JOIN c1 USING (${key}) LEFT JOIN c2 USING (${key}) LEFT JOIN c3 USING (${key})`,
  ],
};
