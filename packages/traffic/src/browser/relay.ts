import type { BrowserContext, Route } from 'playwright-core';

/** An event the SDK delivered and ingest acknowledged. */
export interface Delivered {
  event_id: string;
  event_name: string;
  app_id: string;
  event_timestamp: number;
  page_url: string | null;
}

/**
 * Stands between one visitor's browser and ingest. The page's clock runs on simulated time
 * (Playwright's clock), so the SDK's `sent_at` is simulated too; ingest would then shift
 * every event by the simulated distance to now (its skew correction). The relay stamps
 * `sent_at` with the real time as the batch leaves, as a device whose clock was right would,
 * so events keep their simulated times. On a flaky network the first acknowledgement of each
 * batch is lost after ingest stored it: the SDK sends it again.
 */
export class DeliveryRelay {
  /** Acknowledged events by id, in the order they were first acknowledged. */
  readonly delivered = new Map<string, Delivered>();
  requests = 0;
  lostAcks = 0;
  private readonly seenBatches = new Set<string>();

  constructor(
    private readonly endpoint: string,
    private readonly flaky: boolean,
  ) {}

  async attach(context: BrowserContext): Promise<void> {
    await context.route(this.endpoint, (route) => this.handle(route));
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    const batch = JSON.parse(request.postData() ?? '{}') as { events?: Delivered[] };
    const events = batch.events ?? [];
    const body = JSON.stringify({ ...batch, sent_at: Date.now() });
    let response: Awaited<ReturnType<Route['fetch']>>;
    try {
      response = await route.fetch({ postData: body });
    } catch {
      // Ingest unreachable: the SDK keeps the batch and retries, as it would offline.
      return route.abort('connectionrefused').catch(() => undefined);
    }
    this.requests += 1;
    if (response.status() === 200) {
      for (const event of events) {
        if (!this.delivered.has(event.event_id)) {
          const { event_id, event_name, app_id, event_timestamp, page_url } = event;
          this.delivered.set(event_id, { event_id, event_name, app_id, event_timestamp, page_url });
        }
      }
      const key = events[0]?.event_id ?? '';
      if (this.flaky && !this.seenBatches.has(key)) {
        this.seenBatches.add(key);
        this.lostAcks += 1;
        return route.abort('failed').catch(() => undefined);
      }
    }
    await route.fulfill({ response }).catch(() => undefined);
  }
}
