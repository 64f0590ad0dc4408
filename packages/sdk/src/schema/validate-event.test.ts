import { describe, expect, it } from 'vitest';
import { testEvent } from './test-event.js';
import { validateEvent } from './validate-event.js';

const reason = (input: unknown) => {
  const result = validateEvent(input);
  return result.ok ? undefined : result.reason;
};

describe('validateEvent', () => {
  it('accepts a complete event unchanged', () => {
    expect(validateEvent(testEvent())).toEqual({ ok: true, event: testEvent(), dropped: [] });
  });

  it('fills optional fields with their defaults and leaves unknown fields out', () => {
    const minimal = {
      event_id: 'a'.repeat(16),
      event_name: 'login',
      event_timestamp: 1,
      app_id: 'a',
      client_id: 'c',
      session_id: 's',
      extra: 1,
    };
    const result = validateEvent(minimal);
    expect(result.ok && result.event).toMatchObject({
      session_number: 1,
      is_first_visit: false,
      user_login_state: 'logged_out',
      product: null,
      attributes: {},
    });
    expect(result.ok && 'extra' in result.event).toBe(false);
  });

  it('accepts UUIDs as event ids', () => {
    expect(validateEvent(testEvent({ event_id: '3f2b7c1e-8a4d-4e0b-9c6f-1d2e3f4a5b6c' })).ok).toBe(
      true,
    );
  });

  it.each([
    ['short', 'event_id: expected 16–64 characters of [A-Za-z0-9_-], got "short"'],
    [
      'has spaces in it!!!',
      'event_id: expected 16–64 characters of [A-Za-z0-9_-], got "has spaces in it!!!"',
    ],
  ])('refuses event id %s with a reason quoting it', (id, expected) => {
    expect(reason(testEvent({ event_id: id }))).toBe(expected);
  });

  it.each(['Add To Cart', 'AddToCart', 'addToCart', '_private', '1st_visit'])(
    'refuses the event name %s, which is not snake_case',
    (name) => {
      expect(reason(testEvent({ event_name: name }))).toMatch(
        /^event_name: expected a snake_case name/,
      );
    },
  );

  it('accepts snake_case event names with digits', () => {
    expect(validateEvent(testEvent({ event_name: 'step_2_done' })).ok).toBe(true);
  });

  it('refuses a timestamp that is not epoch ms', () => {
    const expected =
      'event_timestamp: expected epoch ms (an integer from 1 to 253402300799999, the end of year 9999)';
    expect(reason(testEvent({ event_timestamp: '2026-11-25' }))).toBe(
      `${expected}, got "2026-11-25"`,
    );
    expect(reason(testEvent({ event_timestamp: 1e15 }))).toBe(`${expected}, got 1000000000000000`);
  });

  it('refuses a session number a PostgreSQL integer cannot hold', () => {
    expect(reason(testEvent({ session_number: 2_147_483_648 }))).toBe(
      'session_number: expected an integer from 1 to 2147483647, got 2147483648',
    );
    expect(validateEvent(testEvent({ session_number: 2_147_483_647 })).ok).toBe(true);
  });

  it('drops a malformed product field, keeps the product and the event, and reports it', () => {
    const result = validateEvent(
      testEvent({ product: { id: 'sku-1', name: 'Mug', price: '12.50' } }),
    );
    expect(result).toMatchObject({
      ok: true,
      event: { product: { id: 'sku-1', name: 'Mug', price: null } },
      dropped: [{ name: 'product.price', reason: 'expected a finite number or null, got "12.50"' }],
    });
  });

  it('drops a product without id, keeps the event, and reports it', () => {
    expect(validateEvent(testEvent({ product: { name: 'Mug' } }))).toMatchObject({
      ok: true,
      event: { product: null },
      dropped: [
        { name: 'product', reason: 'id: expected a string of 1–512 characters, got nothing' },
      ],
    });
    expect(validateEvent(testEvent({ product: 'sku-1' }))).toMatchObject({
      ok: true,
      event: { product: null },
      dropped: [{ name: 'product', reason: 'expected an object or null, got "sku-1"' }],
    });
  });

  it('keeps items with their quantity, every field set', () => {
    const items = [{ id: 'sku-1', price: 12.5, quantity: 2 }, { id: 'sku-2' }];
    const result = validateEvent(testEvent({ event_name: 'purchase', items }));
    expect(result.ok && result.event.items).toEqual([
      {
        id: 'sku-1',
        name: null,
        category: null,
        brand: null,
        price: 12.5,
        discount_price: null,
        url_path: null,
        quantity: 2,
      },
      {
        id: 'sku-2',
        name: null,
        category: null,
        brand: null,
        price: null,
        discount_price: null,
        url_path: null,
        quantity: null,
      },
    ]);
  });

  it('drops bad item fields and items without id, keeps the rest, and reports them', () => {
    const items = [
      { id: 'sku-1', quantity: 0 },
      { name: 'no id' },
      { id: 'sku-3', quantity: 1.5, price: '3' },
      'sku-4',
    ];
    const result = validateEvent(testEvent({ items }));
    expect(
      result.ok && result.event.items.map((item) => [item.id, item.quantity, item.price]),
    ).toEqual([
      ['sku-1', null, null],
      ['sku-3', null, null],
    ]);
    expect(result.ok && result.dropped.map((d) => d.name)).toEqual([
      'items[0].quantity',
      'items[1]',
      'items[2].price',
      'items[2].quantity',
      'items[3]',
    ]);
  });

  it('keeps the first 200 items and reports the rest', () => {
    const items = Array.from({ length: 201 }, (_, i) => ({ id: `sku-${i}` }));
    const result = validateEvent(testEvent({ items }));
    expect(result.ok && result.event.items).toHaveLength(200);
    expect(result.ok && result.dropped).toEqual([
      { name: 'items', reason: 'expected at most 200 items, got 201: kept the first 200' },
    ]);
  });

  it('drops items that are not an array', () => {
    expect(validateEvent(testEvent({ items: { id: 'sku-1' } }))).toMatchObject({
      ok: true,
      event: { items: [] },
      dropped: [{ name: 'items', reason: 'expected an array, got an object' }],
    });
  });

  it('keeps a purchase with transaction_id, value and currency', () => {
    const attributes = { transaction_id: 'T-1', value: 25, currency: 'EUR' };
    const result = validateEvent(testEvent({ event_name: 'purchase', attributes }));
    expect(result).toMatchObject({ ok: true, event: { attributes }, dropped: [] });
  });

  it('drops purchase attributes of the wrong type and reports them', () => {
    const attributes = { transaction_id: '', value: '25.00', currency: 'euro', coupon: 'X' };
    const result = validateEvent(testEvent({ event_name: 'purchase', attributes }));
    expect(result.ok && result.event.attributes).toEqual({ coupon: 'X' });
    expect(result.ok && result.dropped.map((d) => d.name)).toEqual([
      'transaction_id',
      'value',
      'currency',
    ]);
    // Other events may use those names freely.
    const other = validateEvent(testEvent({ event_name: 'search', attributes }));
    expect(other.ok && other.dropped).toEqual([]);
  });

  it('refuses a wrong login state', () => {
    expect(reason(testEvent({ user_login_state: 'maybe' }))).toBe(
      'user_login_state: expected one of logged_in, logged_out, got "maybe"',
    );
  });

  it('drops bad attributes and keeps the event', () => {
    const result = validateEvent(
      testEvent({ attributes: { ok: 1, 'bad name': 2, deep: { a: 1 } } }),
    );
    expect(result.ok && result.event.attributes).toEqual({ ok: 1 });
    expect(result.ok && result.dropped.map((d) => d.name)).toEqual(['bad name', 'deep']);
  });

  it('refuses what is not an object', () => {
    expect(reason([testEvent()])).toBe('event: expected an object');
    expect(reason(null)).toBe('event: expected an object');
  });

  it('refuses text PostgreSQL cannot store (NUL, unpaired surrogates)', () => {
    expect(reason(testEvent({ page_title: 'a\u0000b' }))).toMatch(
      /^page_title: expected text without NUL/,
    );
    expect(reason(testEvent({ client_id: 'x\ud800' }))).toMatch(
      /^client_id: expected text without NUL/,
    );
    expect(validateEvent(testEvent({ page_title: 'emoji 😀 ok' })).ok).toBe(true);
  });

  it('drops an attribute whose text PostgreSQL cannot store', () => {
    const result = validateEvent(testEvent({ attributes: { ok: 'fine', bad: 'a\u0000' } }));
    expect(result.ok && result.event.attributes).toEqual({ ok: 'fine' });
  });
});
