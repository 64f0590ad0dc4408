import { eventsAndLedger } from './001-events-and-ledger.js';
import { derivedModel, urlPathFunction } from './002-derived-model.js';
import { deriveBySession } from './003-derive-by-session.js';
import { purchases } from './004-purchases.js';
import { dropDirtyDays } from './005-drop-dirty-days.js';
import { productContexts } from './006-product-contexts.js';
import { rejectedObjects } from './010-rejected-objects.js';
import { fillRollupsOnNextDerive, rollups } from './011-rollups.js';
import { firstInRange } from './012-first-in-range.js';
import { sessionLandings } from './013-session-landings.js';
import { funnelChains } from './014-funnel-chains.js';
import { funnelDayChains } from './015-funnel-day-chains.js';
import { cohortCounts } from './016-cohort-counts.js';
import { agentClasses } from './017-agent-classes.js';
import { hourlyClients } from './018-hourly-clients.js';
import { funnelChainsClient } from './019-funnel-chains-client.js';
import { receiveDays } from './020-receive-days.js';
import { hourlyTrendIndexes } from './030-hourly-trend-indexes.js';
import { countsByDelta } from './031-counts-by-delta.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration never changes, a new one gets the next version. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'events, ledger, quarantine', sql: eventsAndLedger },
  { version: 2, name: 'sessions and daily metrics', sql: derivedModel + urlPathFunction },
  { version: 3, name: 'dirty sessions, derive state', sql: deriveBySession },
  { version: 4, name: 'event items, purchases and their lines', sql: purchases },
  { version: 5, name: 'drop the unused dirty days', sql: dropDirtyDays },
  {
    version: 6,
    name: 'product contexts per day, by delta',
    sql: productContexts + fillRollupsOnNextDerive,
  },
  // 10-19: the dashboard's.
  { version: 10, name: 'rejected objects counted', sql: rejectedObjects },
  {
    version: 11,
    name: 'dashboard rollups per day and dimension',
    sql: rollups + fillRollupsOnNextDerive,
  },
  { version: 12, name: 'previous days of the per-client rollups', sql: firstInRange },
  { version: 13, name: 'landing facts per session', sql: sessionLandings },
  { version: 14, name: 'closed-funnel chains per client', sql: funnelChains },
  {
    version: 15,
    name: 'closed-funnel chains per returning view day',
    sql: funnelDayChains + fillRollupsOnNextDerive,
  },
  {
    version: 16,
    name: 'retention cohorts counted per day',
    sql: cohortCounts + fillRollupsOnNextDerive,
  },
  {
    version: 17,
    name: 'user agents classified, users per browser and device',
    sql: agentClasses + fillRollupsOnNextDerive,
  },
  { version: 18, name: 'clients per local hour', sql: hourlyClients + fillRollupsOnNextDerive },
  { version: 19, name: 'closed-funnel chains by client', sql: funnelChainsClient },
  // 20-29: the ETL's own bookkeeping.
  { version: 20, name: 'ETL receive days', sql: receiveDays },
  // 30-39: the dashboard's, continued.
  { version: 30, name: 'covering indexes for the hourly trend', sql: hourlyTrendIndexes },
  {
    version: 31,
    name: 'user counts kept by delta',
    sql: countsByDelta + fillRollupsOnNextDerive,
  },
];
