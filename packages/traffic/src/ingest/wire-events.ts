import type { ClickstreamEvent } from '@clicktrail/sdk/schema';
import { productContext } from '../catalog.js';
import type { SimEvent } from '../model/sim-event.js';
import { Random } from '../random.js';

/** An event exactly as the SDK sends it. */
export type WireEvent = ClickstreamEvent;

export const SIMULATED_SDK_VERSION = 'clicktrail-traffic';

/**
 * The events exactly as the SDK would send them for the model's events: its field names,
 * its automatic events, nanoid-like event ids (seeded, so reruns send the same ids), the
 * visitor's id as `client_id`, page URLs on `origin`.
 */
export function wireEvents(
  events: readonly SimEvent[],
  appId: string,
  origin: string,
  seed: number,
): WireEvent[] {
  const ids = new Random(seed ^ 0x5eed);
  return events.map((event) => {
    return {
      event_id: ids.id(21),
      event_name: event.name,
      event_timestamp: event.at,
      app_id: appId,
      client_id: event.visitor,
      session_id: event.session,
      session_number: event.sessionNumber,
      is_first_visit: event.isFirstVisit,
      user_id: event.userId,
      user_login_state: event.userId ? 'logged_in' : 'logged_out',
      identity_source: event.userId ? 'cognito' : null,
      page_url: `${origin}${event.path}`,
      page_referrer: event.referrer,
      page_title: event.title,
      product: event.product ? productContext(event.product) : null,
      // A purchase's lines: product context plus quantity, as the SDK's `items`.
      items: (event.items ?? []).map((item) => ({
        ...productContext(item.product),
        quantity: item.quantity,
      })),
      attributes: event.attributes,
      sdk_version: SIMULATED_SDK_VERSION,
    };
  });
}
