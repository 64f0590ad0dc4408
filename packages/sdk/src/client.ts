import type { ClickstreamClient, RecordOptions } from './api.js';
import { FULL } from './build-flags.js';
import { openDatabase } from './database.js';
import { alive, assign, merge, type Session, type Stored } from './identity.js';
import { takeLegacy } from './legacy.js';
import { createLocalStore } from './local-state.js';
import { log, setDebug } from './log.js';
import { newId } from './new-id.js';
import { CLIENT_DEFAULTS, type ClickstreamOptions, type Consent } from './options.js';
import { watchNavigation } from './page-views.js';
import { createQueue } from './queue.js';
import { cleanAttributes } from './schema/attributes.js';
import type { ClickstreamEvent } from './schema/event.js';
import { LIMITS, NAME_PATTERN } from './schema/limits.js';
import { createSender } from './sender.js';
import { createSharedState } from './shared-state.js';
import { createAcks, createStash } from './stash.js';
import { sendOnUnload } from './unload.js';
import { SDK_VERSION } from './version.js';

const INTERACTIONS = ['pointerdown', 'keydown', 'scroll'];
/** The identity record's key in the queue's object store (event ids are strings). */
const IDENTITY = 0;
const ANONYMOUS = { user_id: null, user_login_state: 'logged_out', identity_source: null } as const;
const clip = (text: string | null, max: number) => (text ? text.slice(0, max) : null);
/** Plain data IndexedDB can always clone (a Vue `reactive()` proxy or a class instance cannot). */
const plain = <T>(value: T | undefined): T | null =>
  value == null ? null : JSON.parse(JSON.stringify(value));

/** The browser client; `createClickstream` decides whether to use it. */
export function createBrowserClient(options: ClickstreamOptions): ClickstreamClient {
  const config = { ...CLIENT_DEFAULTS, ...options };
  const { endpoint, appId, sessionTimeoutMs: timeoutMs } = config;
  // The server refuses more events per request.
  const maxBatch = Math.min(config.maxBatchEvents, LIMITS.maxBatchEvents);
  setDebug(config.debug);
  // Everything stored is per endpoint and app: two clients on one origin share nothing.
  const key = `clicktrail:${appId}@${endpoint}`;
  const tab = newId();
  let consent: Consent = config.consent;
  const local = createLocalStore();
  const state = createSharedState(local, key, consent === 'granted');
  const stash = createStash(local, key, tab);
  const acks = createAcks(local, key);
  const db = openDatabase(key, consent === 'granted');
  const queue = createQueue(db, config.maxQueueEvents, () => stash.update(queue.unsaved), tab);
  const sender = createSender(endpoint, queue, maxBatch);
  /** Recorded, waiting for consent or for the identity and session they belong to. */
  const held: ClickstreamEvent[] = [];
  let settling: Promise<void> | undefined;
  const settled = async () => {
    while (settling) await settling;
  };
  let referrer = clip(document.referrer, LIMITS.maxUrlLength);
  /** What makes a page a new one for page views: its URL and its title. */
  const here = () => `${location.href}\n${document.title}`;
  let lastPage = '';

  const enqueue = (events: ClickstreamEvent[]) => {
    for (const event of events) {
      log(`queued ${event.event_name}`, event);
      queue.add(event);
    }
    sender.schedule(queue.memory.size >= maxBatch ? 0 : config.flushIntervalMs);
  };

  // Starting a client id or a session is a read-modify-write every tab may do at once: it runs
  // in one IndexedDB transaction, which tabs cannot interleave, on localStorage's and
  // IndexedDB's copies (either may have lost what the other holds).
  const assignHeld = (durable?: Stored) => {
    const stored = merge(durable, state.read());
    const events = assign(stored, held.splice(0), timeoutMs, tab);
    state.value = stored;
    state.write();
    enqueue(events);
    return stored;
  };
  const settle = (): Promise<void> =>
    (settling ??= db.update(IDENTITY, assignHeld).then(() => {
      settling = undefined;
      if (held[0] && consent === 'granted') return settle();
    }));

  // `assign` adds the client id and session fields.
  const build = (name: string, { product, items, attributes }: RecordOptions = {}) => {
    const cleaned = cleanAttributes(attributes);
    if (cleaned.dropped[0]) log('dropped', cleaned.dropped);
    return {
      event_id: newId(),
      event_name: name,
      event_timestamp: Date.now(),
      app_id: appId,
      ...(state.value.user ?? ANONYMOUS),
      page_url: clip(location.href, LIMITS.maxUrlLength),
      page_referrer: referrer,
      page_title: clip(document.title, LIMITS.maxTitleLength),
      product: plain(product),
      items: plain(items) ?? [],
      attributes: cleaned.attributes,
      sdk_version: SDK_VERSION,
    } as ClickstreamEvent;
  };

  const record = (name: string, recordOptions?: RecordOptions) => {
    try {
      if (
        typeof name !== 'string' ||
        name.length > LIMITS.maxNameLength ||
        !NAME_PATTERN.test(name)
      ) {
        return log(`bad name ${name}`);
      }
      if (consent === 'denied') return;
      const event = build(name, recordOptions);
      // The common case reads and writes no storage: this tab's copy of the shared state knows
      // the session, and activity reaches localStorage at most every few seconds.
      if (
        consent === 'granted' &&
        !held[0] &&
        alive(state.value, event.event_timestamp, timeoutMs)
      ) {
        enqueue(assign(state.value, [event], timeoutMs, tab));
        return state.write(true);
      }
      // Capped like the queue: the oldest go first.
      if (held.push(event) > config.maxQueueEvents) held.shift();
      if (consent === 'granted') void settle();
    } catch (error) {
      log('failed', error);
    }
  };

  const pageView = () => {
    const page = here();
    record('page_view');
    referrer = clip(location.href, LIMITS.maxUrlLength);
    lastPage = page;
  };
  // SPA navigation: only when the URL or the title changed (no doubles from replaceState).
  const autoPageView = () => lastPage !== here() && pageView();

  const extend = () => {
    if (!alive(state.value, Date.now(), timeoutMs)) return;
    (state.value.session as Session).at = Date.now();
    state.write(true);
  };
  /** Handed to a keepalive request since the page was last visible: not handed again. */
  const inFlight = new Set<string>();
  // Leaving a page fires beforeunload (on navigations and reloads, early enough for the answer
  // to come back before the page goes), pagehide and visibilitychange: each hands what is new.
  const onHide = () => {
    if (consent !== 'granted') return;
    // Events still waiting for their session cannot wait for IndexedDB: settle them on
    // localStorage's copy alone.
    if (held[0]) assignHeld();
    state.write();
    // IndexedDB may not finish before the page dies; localStorage writes at once.
    stash.write(queue.unsaved());
    sendOnUnload(endpoint, [...queue.memory.values()], maxBatch, inFlight, (ids) => {
      // The page may die before IndexedDB deletes them: say so in localStorage too.
      acks.add(ids);
      void queue.remove(ids);
    });
  };
  // On pagehide the page may still report 'visible', so only visibilitychange checks it.
  const onVisibility = () => (document.visibilityState === 'hidden' ? onHide() : inFlight.clear());
  const onOnline = () => void sender.flush();
  const listeners: [EventTarget, string, (event: never) => void][] = [
    [window, 'beforeunload', onHide],
    [window, 'pagehide', onHide],
    [document, 'visibilitychange', onVisibility],
    [window, 'online', onOnline],
    [window, 'storage', state.sync],
    ...INTERACTIONS.map((type): [EventTarget, string, () => void] => [window, type, extend]),
  ];
  for (const [target, type, listener] of listeners)
    target.addEventListener(type, listener as () => void, { passive: true });
  const stopNavigation = config.autoPageViews ? watchNavigation(autoPageView) : () => {};

  /** With consent: what earlier pages stashed rejoins the queue, the identity is settled. */
  const start = () => {
    // A namespace without a client id may be an upgrade from 0.1.0: adopt what it left.
    if (FULL && !state.value.cid) state.value = { ...takeLegacy(local, queue.add), ...state.value };
    // Acknowledged as a page went away: neither its stash nor the queue sends them again.
    const acked = acks.take();
    void queue.remove(acked);
    for (const event of stash.take()) if (!acked.includes(event.event_id)) queue.add(event);
    void settle();
    // Events left by earlier pages go out with this page's first batch.
    sender.schedule(config.flushIntervalMs);
  };
  if (consent === 'granted') start();
  if (config.autoPageViews) pageView();

  return {
    get clientId() {
      // Until one is stored, the id this tab will store (another tab may store its own first).
      return state.value.cid ?? tab;
    },
    get sessionId() {
      return state.value.session?.id ?? '';
    },
    record,
    pageView,
    setUser({ userId, loginState = 'logged_in', identitySource = null }) {
      state.value.user = {
        user_id: userId,
        user_login_state: loginState,
        identity_source: identitySource,
      };
      state.write();
    },
    clearUser() {
      delete state.value.user;
      state.write();
    },
    setConsent(next) {
      const was = consent;
      consent = next;
      state.persistent = db.on = next === 'granted';
      if (next === 'denied') {
        // Whatever the page started with: held events, the queue, the stored ids go.
        held.length = 0;
        queue.clear();
        db.destroy();
        state.clear();
        stash.take();
        if (FULL) takeLegacy(local, () => {});
      }
      if (next === 'granted' && was !== 'granted') start();
    },
    flush: () => settled().then(sender.flush),
    async shutdown() {
      stopNavigation();
      for (const [target, type, listener] of listeners)
        target.removeEventListener(type, listener as () => void);
      state.write();
      await settled();
      await sender.flush();
      sender.stop();
    },
  };
}
