import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';

const touched = `(SELECT DISTINCT client_key FROM touched_client_days)`;
const key = 'scope, app_id, client_key, day';

/** The first step-k time at or after each chain's step k-1 (`prev`), per chain. */
const nextStep = (k: number, prev: string) => `c${k} AS (
  SELECT p.scope, p.app_id, p.client_key, p.day, min(s.at) AS t
  FROM ${prev} p JOIN chain_steps s USING (scope, app_id, client_key)
  WHERE s.step = ${k} AND s.at >= p.t GROUP BY 1, 2, 3, 4)`;

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
    `DELETE FROM ${TABLES.funnelDayChains} WHERE client_key IN ${touched}`,
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
      ${nextStep(1, 'c0')},
      ${nextStep(2, 'c1')},
      ${nextStep(3, 'c2')}
      SELECT c0.scope, c0.app_id, c0.client_key, c0.day, c0.prev_day,
        c1.t::date, c2.t::date, c3.t::date
      FROM c0 LEFT JOIN c1 USING (${key}) LEFT JOIN c2 USING (${key}) LEFT JOIN c3 USING (${key})`,
  ],
};
