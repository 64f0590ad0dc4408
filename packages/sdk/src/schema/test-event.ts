import type { ClickstreamEvent } from './event.js';

/** A complete, valid wire event for tests; override what a test is about. */
export function testEvent(overrides: Record<string, unknown> = {}): ClickstreamEvent {
  return {
    event_id: 'V1StGXR8_Z5jdHi6B-myT',
    event_name: 'add_to_cart',
    event_timestamp: 1_764_000_000_000,
    app_id: 'shop',
    client_id: 'client-1',
    session_id: 'session-1',
    session_number: 1,
    is_first_visit: true,
    user_id: null,
    user_login_state: 'logged_out',
    identity_source: null,
    page_url: 'https://shop.example/products/42',
    page_referrer: null,
    page_title: 'Mug',
    product: {
      id: 'sku-42',
      name: 'Mug',
      category: 'kitchen',
      brand: 'Acme',
      price: 12.5,
      discount_price: null,
      url_path: '/products/42',
    },
    items: [],
    attributes: { quantity: 2 },
    sdk_version: '0.1.0',
    ...overrides,
  } as ClickstreamEvent;
}
