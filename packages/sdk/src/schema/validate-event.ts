import { cleanAttributes, type DroppedAttribute } from './attributes.js';
import type { ClickstreamEvent, LoginState } from './event.js';
import {
  boolean,
  type Fields,
  int4,
  isPlainObject,
  isStorableText,
  oneOf,
  optionalString,
  requiredString,
  SchemaError,
  timestamp,
} from './fields.js';
import { EVENT_ID_PATTERN, LIMITS, NAME_PATTERN } from './limits.js';
import { readItems, readProduct } from './product.js';
import { checkPurchase } from './purchase.js';

export type EventCheck =
  | { ok: true; event: ClickstreamEvent; dropped: DroppedAttribute[] }
  | { ok: false; reason: string };

const LOGIN_STATES: readonly LoginState[] = ['logged_in', 'logged_out'];

const ID_RULE = { max: LIMITS.maxIdLength };
const EVENT_ID_RULE = {
  max: 64,
  pattern: EVENT_ID_PATTERN,
  patternText: '16–64 characters of [A-Za-z0-9_-]',
};
const EVENT_NAME_RULE = {
  max: LIMITS.maxNameLength,
  pattern: NAME_PATTERN,
  patternText: `a snake_case name matching ${NAME_PATTERN} of at most ${LIMITS.maxNameLength} characters`,
};

function readEvent(fields: Fields, dropped: DroppedAttribute[]): ClickstreamEvent {
  const id = ID_RULE;
  return {
    event_id: requiredString(fields, 'event_id', EVENT_ID_RULE),
    event_name: requiredString(fields, 'event_name', EVENT_NAME_RULE),
    event_timestamp: timestamp(fields, 'event_timestamp'),
    app_id: requiredString(fields, 'app_id', id),
    client_id: requiredString(fields, 'client_id', id),
    session_id: requiredString(fields, 'session_id', id),
    session_number: int4(fields, 'session_number', 1, 1),
    is_first_visit: boolean(fields, 'is_first_visit', false),
    user_id: optionalString(fields, 'user_id', LIMITS.maxIdLength * 2),
    user_login_state: oneOf(fields, 'user_login_state', LOGIN_STATES, 'logged_out'),
    identity_source: optionalString(fields, 'identity_source', LIMITS.maxIdLength),
    page_url: optionalString(fields, 'page_url', LIMITS.maxUrlLength),
    page_referrer: optionalString(fields, 'page_referrer', LIMITS.maxUrlLength),
    page_title: optionalString(fields, 'page_title', LIMITS.maxTitleLength),
    product: readProduct(fields.product, dropped),
    items: readItems(fields.items, dropped),
    attributes: {},
    sdk_version: optionalString(fields, 'sdk_version', 32),
  };
}

/**
 * Checks one event of wire format v1. Returns a normalised copy (every field set,
 * unknown fields left out) and the attributes, product fields and items it had to drop
 * (the event is kept without them), or the first reason
 * the event cannot be accepted.
 */
export function validateEvent(input: unknown): EventCheck {
  if (!isPlainObject(input)) return { ok: false, reason: 'event: expected an object' };
  try {
    const { attributes, dropped } = cleanAttributes(input.attributes);
    const event = readEvent(input, dropped);
    // The browser's check leaves this to the server: PostgreSQL's jsonb refuses such text.
    // Rare, so the common path only reads the values.
    const unstorable = (value: unknown) => typeof value === 'string' && !isStorableText(value);
    if (Object.values(attributes).some(unstorable)) {
      for (const [name, value] of Object.entries(attributes)) {
        if (unstorable(value)) dropped.push({ name, reason: 'value not storable text' });
      }
      event.attributes = Object.fromEntries(
        Object.entries(attributes).filter(([, value]) => !unstorable(value)),
      );
    } else event.attributes = attributes;
    if (event.event_name === 'purchase')
      event.attributes = checkPurchase(event.attributes, dropped);
    return { ok: true, event, dropped };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, reason: error.message };
    throw error;
  }
}
