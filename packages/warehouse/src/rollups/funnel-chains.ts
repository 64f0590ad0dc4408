import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { touchedClients } from './sql.js';

const CHAIN = ['scope', 'app_id', 'client_key'] as const;
const key = CHAIN.join(', ');

/**
 * The CTE `c<k>`: per chain of `prev` (keyed by `chainKey`, a client's columns first), the
 * first step-k time of `chain_steps` at or after the chain's step k-1 time (`prev.t`).
 */
export const nextStep = (k: number, prev: string, chainKey: readonly string[]) => `c${k} AS (
  SELECT ${chainKey.map((column) => `p.${column}`).join(', ')}, min(s.at) AS t
  FROM ${prev} p JOIN chain_steps s USING (${key})
  WHERE s.step = ${k} AND s.at >= p.t GROUP BY ${chainKey.map((_, i) => i + 1).join(', ')})`;

/**
 * Each touched client's closed-funnel chain (see migration 14), from all its `funnel_steps`
 * rows: t0 its first view_item, t_k the first step-k time at or after t_(k-1). Runs after
 * the per-client rollups.
 */
export const FUNNEL_CHAINS_STEP: DeriveStep = {
  name: 'closed-funnel chains per client',
  tables: [TABLES.funnelChains],
  statements: [
    `DELETE FROM ${TABLES.funnelChains} WHERE client_key IN ${touchedClients}`,
    // A table, analysed, rather than a CTE: the chain joins it four times.
    `CREATE TEMP TABLE chain_steps ON COMMIT DROP AS
      SELECT 'app'::text AS scope, f.app_id, f.client_key, f.step, f.at
        FROM ${TABLES.funnelSteps} f WHERE f.client_key IN ${touchedClients}
      UNION ALL
      SELECT 'any', '', f.client_key, f.step, f.at
        FROM ${TABLES.funnelSteps} f WHERE f.client_key IN ${touchedClients}`,
    'ANALYZE chain_steps',
    `INSERT INTO ${TABLES.funnelChains}
      WITH c0 AS (SELECT ${key}, min(at) AS t FROM chain_steps WHERE step = 0 GROUP BY 1, 2, 3),
      ${[1, 2, 3].map((k) => nextStep(k, `c${k - 1}`, CHAIN)).join(',\n      ')}
      SELECT c0.scope, c0.app_id, c0.client_key, c0.t, c1.t, c2.t, c3.t
      FROM c0 LEFT JOIN c1 USING (${key}) LEFT JOIN c2 USING (${key}) LEFT JOIN c3 USING (${key})`,
  ],
};
