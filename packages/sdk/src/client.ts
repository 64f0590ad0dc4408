import { nanoid } from 'nanoid';
import type { ClickstreamClient, RecordOptions } from './api.js';
import { createIdentity, type Identity } from './identity.js';
import { createLocalState } from './local-state.js';
import { createLog } from './log.js';
import { type ClickstreamOptions, type Consent, DEFAULTS } from './options.js';
import { watchNavigation } from './page-views.js';
import { createQueue } from './queue.js';
import { cleanAttributes } from './schema/attributes.js';
import type { ClickstreamEvent } from './schema/event.js';
import { LIMITS, NAME_PATTERN } from './schema/limits.js';
import { createSender } from './sender.js';
import { createSessions } from './session.js';
import { sendOnUnload } from './unload.js';
import { SDK_VERSION } from './version.js';

const UNSAVED = 'unsaved';
const INTERACTIONS = ['pointerdown', 'keydown', 'scroll'];
const clip = (text: string | null, max: number) => (text ? text.slice(0, max) : null);

/** The browser client; `createClickstream` decides whether to use it. */
export function createBrowserClient(options: ClickstreamOptions): ClickstreamClient {
  const config = { ...DEFAULTS, ...options };
  const { endpoint, appId } = config;
  // The server refuses more events per request.
  const maxBatch = Math.min(config.maxBatchEvents, LIMITS.maxBatchEvents);
  const log = createLog(config.debug);
  let consent: Consent = config.consent;
  const state = createLocalState(consent === 'granted', log);
  const identity: Identity = createIdentity(state);
  const sessions = createSessions(state, config.sessionTimeoutMs);
  const queue = createQueue(config.maxQueueEvents, consent !== 'denied', log);
  const sender = createSender({ endpoint, queue, maxBatchEvents: maxBatch, log });
  const held: ClickstreamEvent[] = [];
  let referrer = clip(document.referrer, LIMITS.maxUrlLength);
  let lastPage = '';

  const enqueue = (event: ClickstreamEvent) => {
    if (consent === 'denied') return;
    log(`${consent === 'pending' ? 'held' : 'queued'} ${event.event_name}`, event);
    if (consent === 'pending') return held.push(event);
    queue.add(event);
    sender.schedule(queue.memory.size >= maxBatch ? 0 : config.flushIntervalMs);
  };

  const build = (
    name: string,
    { product, items, attributes }: RecordOptions = {},
  ): ClickstreamEvent => {
    const session = sessions.touch();
    if (session.isNew && name !== 'session_start') enqueue(build('session_start'));
    const cleaned = cleanAttributes(attributes);
    if (cleaned.dropped[0]) log('dropped attributes', cleaned.dropped);
    return {
      event_id: nanoid(),
      event_name: name,
      event_timestamp: Date.now(),
      app_id: appId,
      client_id: identity.clientId,
      session_id: session.id,
      session_number: session.number,
      is_first_visit: session.number === 1,
      ...identity.user(),
      page_url: clip(location.href, LIMITS.maxUrlLength),
      page_referrer: referrer,
      page_title: clip(document.title, LIMITS.maxTitleLength),
      product: product ?? null,
      items: items ?? [],
      attributes: cleaned.attributes,
      sdk_version: SDK_VERSION,
    };
  };

  const record = (name: string, recordOptions?: RecordOptions) => {
    try {
      if (
        typeof name !== 'string' ||
        name.length > LIMITS.maxNameLength ||
        !NAME_PATTERN.test(name)
      ) {
        return log(`dropped: invalid name ${name}`);
      }
      enqueue(build(name, recordOptions));
    } catch (error) {
      log('record failed', error);
    }
  };

  const pageView = () => {
    const page = `${location.href}\n${document.title}`;
    record('page_view');
    referrer = clip(location.href, LIMITS.maxUrlLength);
    lastPage = page;
  };
  // SPA navigation: only when the URL or the title changed (no doubles from replaceState).
  const autoPageView = () => lastPage !== `${location.href}\n${document.title}` && pageView();

  const extend = () => sessions.extend();
  // On pagehide the page may still report 'visible', so only visibilitychange checks it.
  // Leaving a page fires both events at once: send what is waiting only once.
  let hiddenAt = 0;
  const onHide = () => {
    if (consent !== 'granted' || Date.now() - hiddenAt < 1_000) return;
    hiddenAt = Date.now();
    // IndexedDB may not finish before the page dies; localStorage writes at once.
    state.set(UNSAVED, [...(state.get<ClickstreamEvent[]>(UNSAVED) ?? []), ...queue.unsaved()]);
    sendOnUnload(
      endpoint,
      [...queue.memory.values()],
      maxBatch,
      (ids) => void queue.remove(ids),
      log,
    );
  };
  const onVisibility = () => document.visibilityState === 'hidden' && onHide();
  const onOnline = () => void sender.flush();
  const listeners: [EventTarget, string, () => void][] = [
    [window, 'pagehide', onHide],
    [document, 'visibilitychange', onVisibility],
    [window, 'online', onOnline],
    ...INTERACTIONS.map((type): [EventTarget, string, () => void] => [window, type, extend]),
  ];
  for (const [target, type, listener] of listeners)
    target.addEventListener(type, listener, { passive: true });
  const stopNavigation = config.autoPageViews ? watchNavigation(autoPageView) : () => {};

  // Events an earlier page stashed on its way out rejoin the queue.
  for (const event of state.get<ClickstreamEvent[]>(UNSAVED) ?? []) queue.add(event);
  state.remove(UNSAVED);
  // The first event of a session is preceded by `session_start` (see `build`).
  if (identity.isNew) enqueue(build('first_visit'));
  if (config.autoPageViews) pageView();
  // Events left by earlier pages go out with this page's first batch.
  sender.schedule(config.flushIntervalMs);

  return {
    clientId: identity.clientId,
    get sessionId() {
      return sessions.current()?.id ?? '';
    },
    record,
    pageView,
    setUser: (user) => identity.setUser(user),
    clearUser: () => identity.clearUser(),
    setConsent(next) {
      consent = next;
      state.persist(next === 'granted');
      if (next === 'denied') void queue.clear();
      const released = held.splice(0);
      if (next === 'granted') for (const event of released) enqueue(event);
      log(`consent ${next}`, released);
    },
    flush: () => sender.flush(),
    async shutdown() {
      stopNavigation();
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
      await sender.flush();
      sender.stop();
    },
  };
}
