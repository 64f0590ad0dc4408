import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';

const touched = `(SELECT DISTINCT client_key FROM touched_client_days)`;
const key = 'scope, app_id, client_key';

/**
 * Each touched client's closed-funnel chain (see migration 14), from all its `funnel_steps`
 * rows: t0 its first view_item, t_k the first step-k time at or after t_(k-1). Runs after
 * the per-client rollups.
 */
export const FUNNEL_CHAINS_STEP: DeriveStep = {
  name: 'closed-funnel chains per client',
  tables: [TABLES.funnelChains],
  statements: [
    `DELETE FROM ${TABLES.funnelChains} WHERE client_key IN ${touched}`,
    // A table, analysed, rather than a CTE: the chain joins it four times.
    `CREATE TEMP TABLE chain_steps ON COMMIT DROP AS
      SELECT 'app'::text AS scope, f.app_id, f.client_key, f.step, f.at
        FROM ${TABLES.funnelSteps} f WHERE f.client_key IN ${touched}
      UNION ALL
      SELECT 'any', '', f.client_key, f.step, f.at
        FROM ${TABLES.funnelSteps} f WHERE f.client_key IN ${touched}`,
    'ANALYZE chain_steps',
    `INSERT INTO ${TABLES.funnelChains}
      WITH c0 AS (SELECT ${key}, min(at) AS t FROM chain_steps WHERE step = 0 GROUP BY 1, 2, 3),
      ${[1, 2, 3]
        .map(
          (k) => `c${k} AS (SELECT s.scope, s.app_id, s.client_key, min(s.at) AS t
        FROM chain_steps s JOIN c${k - 1} p USING (${key}) WHERE s.step = ${k} AND s.at >= p.t
        GROUP BY 1, 2, 3)`,
        )
        .join(',\n      ')}
      SELECT c0.scope, c0.app_id, c0.client_key, c0.t, c1.t, c2.t, c3.t
      FROM c0 LEFT JOIN c1 USING (${key}) LEFT JOIN c2 USING (${key}) LEFT JOIN c3 USING (${key})`,
  ],
};
