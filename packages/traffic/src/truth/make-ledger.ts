import type { Simulation } from '../model/simulate.js';
import { daysBetween } from '../time.js';
import { computeFigures, sessionFacts } from './compute.js';
import type { Ledger } from './ledger.js';

/** The ranges verify checks beyond single days: the whole history and its two halves. */
export function ledgerRanges(from: string, to: string): Array<[string, string]> {
  const days = daysBetween(from, to);
  const ranges: Array<[string, string]> = days.map((day) => [day, day]);
  if (days.length > 1) ranges.push([from, to]);
  if (days.length > 3) {
    const half = Math.floor(days.length / 2);
    ranges.push([from, days[half - 1] as string], [days[half] as string, to]);
  }
  return ranges;
}

export function makeLedger(simulation: Simulation, via: 'ingest' | 'browser'): Ledger {
  const { options, events, from, to } = simulation;
  const sessions = sessionFacts(events, options.timeZone);
  return {
    version: 1,
    generator: { seed: options.seed, visitors: options.visitors, days: options.days, via },
    app_id: options.appId,
    time_zone: options.timeZone,
    from,
    to,
    ranges: ledgerRanges(from, to).map(([start, end]) =>
      computeFigures(events, sessions, options.timeZone, start, end),
    ),
  };
}
