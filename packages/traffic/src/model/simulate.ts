import { makeCatalog, type Product } from '../catalog.js';
import { Random } from '../random.js';
import { dayOf, startOfDay } from '../time.js';
import type { TimedAction } from './actions.js';
import { AFTER_ABANDON_WEIGHTS, INTENT_WEIGHTS, type Intent, RETURN_CHANCE } from './intents.js';
import { runSessionScript } from './session-script.js';
import { SessionWriter } from './session-writer.js';
import type { PurchaseItem, SimEvent } from './sim-event.js';

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
  /** Some visitors are known from before the history (default true). A browser starts
   * with no SDK state, so the browser driver has none. */
  knownVisitors?: boolean;
  /** Sessions start between 06:00 and 21:59 only, so no real-time drift of the browser
   * driver can move an event across midnight. */
  daytimeOnly?: boolean;
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
  /** Per visitor, their sessions' actions in order (the browser driver's script). */
  visits: VisitorScript[];
}

/** One visitor's sessions as actions, for a driver that acts instead of posting events. */
export interface VisitorScript {
  visitor: string;
  sessions: Array<{ session: string; actions: TimedAction[]; events: SimEvent[] }>;
}

const MAX_SESSIONS = 6;
const HOUR = 3_600;

/** The second of the day a session starts: mostly daytime, some at night. */
function startSecondOfDay(random: Random, daytimeOnly: boolean): number {
  const night = random.chance(0.15);
  if (daytimeOnly) return random.int(6, 21) * HOUR + random.int(0, HOUR - 1);
  const hour = night ? random.int(0, 7) : random.int(8, 22);
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
  const visits: VisitorScript[] = [];
  const daytime = options.daytimeOnly === true;
  /** A session start on day `day` of the history (seconds). */
  const startOn = (day: number, vr: Random) => start + day * 86_400 + startSecondOfDay(vr, daytime);
  for (let v = 0; v < options.visitors; v += 1) {
    const vr = random.fork();
    const visitor = vr.id(21);
    if (vr.chance(0.15)) flaky.add(visitor);
    const known = vr.chance(0.2) && options.knownVisitors !== false;
    let sessionNumber = known ? vr.int(2, 6) : 1;
    const registered = known && vr.chance(0.5) ? `user-${vr.id(10)}` : null;
    // A new shopper signs up when checkout asks them to (the store has no guest checkout).
    const signUp = registered ? null : `user-${vr.id(10)}`;
    let userId: string | null = null;
    const cart: PurchaseItem[] = [];
    const script: VisitorScript = { visitor, sessions: [] };
    visits.push(script);
    let at = startOn(vr.int(0, options.days - 1), vr);
    let intent: Intent = vr.weighted(INTENT_WEIGHTS);
    for (let s = 0; s < MAX_SESSIONS && at + HOUR < end; s += 1) {
      const session = vr.id(21);
      const writer: SessionWriter = new SessionWriter(
        vr,
        {
          visitor,
          session,
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
        registered: userId ? null : registered,
        logInAtStart: vr.chance(0.6),
        signUp: userId ? null : signUp,
        secondTab: intent !== 'bounce' && vr.chance(0.2),
        landing: vr.chance(0.7) ? '/' : `/category/${vr.pick(catalog).categorySlug}`,
        reloadConfirmation: vr.chance(0.2),
        reloadRecordsPurchase: options.reloadRecordsPurchase === true,
        cart,
      });
      keepClearOfEngagementEdge(writer.events);
      events.push(...writer.events);
      script.sessions.push({ session, actions: writer.actions, events: writer.events });
      userId = writer.userId;
      if (!vr.chance(RETURN_CHANCE[intent])) break;
      const last = Math.ceil((writer.events.at(-1) as SimEvent).at / 1000);
      at = last + HOUR + vr.int(0, 3 * 24 * HOUR);
      if (daytime) {
        // The same day's or the next day's daytime, at least an hour after the last event.
        const day = Math.floor((at - start) / 86_400);
        at = startOn(day, vr);
        if (at < last + HOUR) at = startOn(day + 1, vr);
      }
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
    visits,
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
