import type { AttributeValue } from '@clicktrail/sdk/schema';
import type { Product } from '../catalog.js';
import type { Random } from '../random.js';
import type { ShopperAction, TimedAction } from './actions.js';
import type { PurchaseItem, SimEvent } from './sim-event.js';

/** Tabs sit on their own sub-second offsets, so no two events of a visitor share a time. */
const TAB_OFFSET_MS = [100, 400] as const;

/** Who is visiting, as one session sees them. */
export interface SessionContext {
  visitor: string;
  session: string;
  sessionNumber: number;
  /** The client is new: its first page load records `first_visit`. */
  firstVisit: boolean;
  userId: string | null;
  referrer: string | null;
}

/**
 * Writes one session's events in time order, as the SDK would record them: page loads with
 * `session_start` / `first_visit` first, think time between actions (whole seconds, so
 * event times stay clear of day boundaries and the skew ingest corrects cannot reorder them).
 */
export class SessionWriter {
  readonly events: SimEvent[] = [];
  /** What the shopper does, in order: the browser driver's script for this session. */
  readonly actions: TimedAction[] = [];
  private now: number;
  private tab = 0;
  private path = '/';
  private title = 'Home';
  private started = false;
  private readonly lastPath: string[] = [];

  constructor(
    private readonly random: Random,
    private readonly context: SessionContext,
    startSecond: number,
  ) {
    this.now = startSecond * 1000;
  }

  get userId(): string | null {
    return this.context.userId;
  }

  /** The path of the page on screen in the current tab. */
  get currentPath(): string {
    return this.path;
  }

  /** The shopper does `action` now; the events written next are what it records. */
  act(action: ShopperAction): void {
    this.actions.push({ action, at: this.now, eventsBefore: this.events.length });
  }

  /** Waits a visitor's think time: 2 to `maxSeconds` whole seconds. */
  think(maxSeconds = 40): void {
    this.now += this.random.int(2, maxSeconds) * 1000;
  }

  /** A page load or client navigation: a `page_view` (after the automatic events, once). */
  page(path: string, title: string): void {
    const referrer = this.started ? this.absolute(this.path) : this.context.referrer;
    this.path = path;
    this.title = title;
    if (!this.started) {
      this.started = true;
      this.emit('session_start', {}, null, null, referrer);
      if (this.context.firstVisit) this.emit('first_visit', {}, null, null, referrer);
    }
    this.emit('page_view', {}, null, null, referrer);
  }

  /** Reloads the page on screen: a page load of the same path, so a page view again. */
  reload(): void {
    this.emit('page_view', {}, null, null, this.absolute(this.path));
  }

  /** Opens `path` in a second tab of the same session (it shares the session, as the SDK does). */
  openTab(path: string, title: string): void {
    this.lastPath[this.tab] = this.path;
    this.tab = 1;
    this.page(path, title);
  }

  /** Back to the first tab. */
  closeTab(): void {
    if (this.tab === 0) return;
    this.tab = 0;
    this.path = this.lastPath[0] ?? '/';
  }

  record(
    name: string,
    attributes: Record<string, AttributeValue> = {},
    product: Product | null = null,
  ): void {
    this.emit(name, attributes, product, null, null);
  }

  purchase(transactionId: string, valueCents: number, items: PurchaseItem[]): void {
    const attributes = { transaction_id: transactionId, value: valueCents / 100, currency: 'USD' };
    this.emit('purchase', attributes, null, items, null);
  }

  /** From now on the visitor is logged in (sign-up or login). */
  logIn(userId: string): void {
    this.context.userId = userId;
  }

  private absolute(path: string): string {
    return `http://localhost:3000${path}`;
  }

  private emit(
    name: string,
    attributes: Record<string, AttributeValue>,
    product: Product | null,
    items: PurchaseItem[] | null,
    referrer: string | null,
  ): void {
    // The automatic trio of a page load shares one instant, as in the SDK.
    const automatic = name === 'session_start' || name === 'first_visit';
    const at = this.now + (TAB_OFFSET_MS[this.tab] ?? 100);
    this.events.push({
      name,
      at,
      visitor: this.context.visitor,
      session: this.context.session,
      sessionNumber: this.context.sessionNumber,
      isFirstVisit: this.context.sessionNumber === 1,
      tab: this.tab,
      path: this.path,
      title: this.title,
      referrer,
      product,
      userId: this.context.userId,
      attributes,
      items,
    });
    if (!automatic && name !== 'page_view') this.now += 1000;
    else if (name === 'page_view') this.now += 1000;
  }
}
