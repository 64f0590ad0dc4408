import { makeCatalog, type Product } from '../catalog.js';
import { Random } from '../random.js';
import { dayOf, startOfDay } from '../time.js';
import { AFTER_ABANDON_WEIGHTS, INTENT_WEIGHTS, type Intent, RETURN_CHANCE } from './intents.js';
import { runSessionScript } from './session-script.js';
import { SessionWriter } from './session-writer.js';
import type { SimEvent } from './sim-event.js';

export interface SimulationOptions {
  seed: number;
  visitors: number;
  /** Whole days of history, ending with the day before `today`. */
  days: number;
  appId: string;
  timeZone: string;
  /** The day the history ends before (default: today in the time zone). */
  today?: string;
  /** Products to shop from (the browser driver passes the store's); else a seeded catalog. */
  catalog?: readonly Product[];
  /** The shop records `purchase` again when its confirmation page is reloaded (ingest driver). */
  reloadRecordsPurchase?: boolean;
}

export interface Simulation {
  options: SimulationOptions;
  from: string;
  to: string;
  catalog: readonly Product[];
  /** Every event the model says happens, in time order. */
  events: SimEvent[];
  /** Visitors on flaky networks: the ingest driver resends their batches as lost acks would. */
  flakyVisitors: ReadonlySet<string>;
}

const MAX_SESSIONS = 6;
const HOUR = 3_600;

/** The second of the day a session starts: mostly daytime, some at night. */
function startSecondOfDay(random: Random): number {
  const hour = random.chance(0.85) ? random.int(8, 22) : random.int(0, 7);
  return hour * HOUR + random.int(0, HOUR - 1);
}

/**
 * The behaviour model: visitors, new or known from before the history, each with a first
 * session somewhere in it and, by chance and intent, later ones (1 h to 3 days apart, so every
 * gap is longer than the SDK's 30-minute session timeout). Seeded: one seed, one history.
 */
export function simulate(options: SimulationOptions): Simulation {
  const random = new Random(options.seed);
  const catalog = options.catalog ?? makeCatalog(random.fork());
  const today = options.today ?? dayOf(Date.now(), options.timeZone);
  const end = startOfDay(today, options.timeZone) / 1000;
  const start = end - options.days * 86_400;
  const events: SimEvent[] = [];
  const flaky = new Set<string>();
  for (let v = 0; v < options.visitors; v += 1) {
    const vr = random.fork();
    const visitor = vr.id(21);
    if (vr.chance(0.15)) flaky.add(visitor);
    const known = vr.chance(0.2);
    let sessionNumber = known ? vr.int(2, 6) : 1;
    const registered = known && vr.chance(0.5) ? `user-${vr.id(10)}` : null;
    let userId: string | null = null;
    let at: number = start + vr.int(0, options.days - 1) * 86_400 + startSecondOfDay(vr);
    let intent: Intent = vr.weighted(INTENT_WEIGHTS);
    for (let s = 0; s < MAX_SESSIONS && at + HOUR < end; s += 1) {
      const writer: SessionWriter = new SessionWriter(
        vr,
        {
          visitor,
          session: vr.id(21),
          sessionNumber,
          firstVisit: !known && s === 0,
          userId,
          referrer:
            s === 0 && vr.chance(0.5)
              ? vr.pick(['https://www.google.com/', 'https://news.example/'])
              : null,
        },
        at,
      );
      runSessionScript(writer, vr, {
        intent,
        catalog,
        logIn: registered && !userId && vr.chance(0.6) ? registered : null,
        signUp: !registered && !userId && vr.chance(0.4) ? `user-${vr.id(10)}` : null,
        secondTab: intent !== 'bounce' && vr.chance(0.2),
        landing: vr.chance(0.7) ? '/' : `/category/${vr.pick(catalog).category}`,
        reloadRecordsPurchase: options.reloadRecordsPurchase === true && vr.chance(0.2),
      });
      keepClearOfEngagementEdge(writer.events);
      events.push(...writer.events);
      userId = writer.userId;
      if (!vr.chance(RETURN_CHANCE[intent])) break;
      const last = (writer.events.at(-1) as SimEvent).at / 1000;
      at = Math.ceil(last) + HOUR + vr.int(0, 3 * 24 * HOUR);
      intent = vr.weighted(intent === 'abandon' ? AFTER_ABANDON_WEIGHTS : INTENT_WEIGHTS);
      sessionNumber += 1;
    }
  }
  events.sort((a, b) => a.at - b.at);
  return {
    options,
    from: dayOf(start * 1000, options.timeZone),
    to: dayOf((end - 1) * 1000, options.timeZone),
    catalog,
    events,
    flakyVisitors: flaky,
  };
}

/**
 * A session exactly 10 s long is engaged or not by a few ms of clock skew; move its last
 * event a second later so the answer never depends on the network.
 */
function keepClearOfEngagementEdge(events: SimEvent[]): void {
  const first = events[0];
  const last = events.at(-1);
  if (first && last && last.at - first.at === 10_000) last.at += 1_000;
}
