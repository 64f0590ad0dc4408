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

  it('refuses a non-snake_case event name', () => {
    expect(reason(testEvent({ event_name: 'Add To Cart' }))).toMatch(
      /^event_name: expected a name/,
    );
  });

  it('refuses a timestamp that is not epoch ms', () => {
    expect(reason(testEvent({ event_timestamp: '2026-11-25' }))).toBe(
      'event_timestamp: expected an integer ≥ 1, got "2026-11-25"',
    );
    expect(reason(testEvent({ event_timestamp: 1e15 }))).toBe('event_timestamp: expected epoch ms');
  });

  it('refuses a product without id and names the field', () => {
    expect(reason(testEvent({ product: { name: 'Mug' } }))).toBe(
      'product.id: expected a string of 1–512 characters, got nothing',
    );
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
