import { eventsAndLedger } from './001-events-and-ledger.js';
import { derivedModel, urlPathFunction } from './002-derived-model.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration never changes, a new one gets the next version. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'events, ledger, quarantine', sql: eventsAndLedger },
  { version: 2, name: 'sessions and daily metrics', sql: derivedModel + urlPathFunction },
];
