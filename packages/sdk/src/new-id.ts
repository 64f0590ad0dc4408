/**
 * A random id of 32 hex characters (128 bits): what the schema accepts (16–64 url-safe
 * characters), with no alphabet table to ship.
 */
export const newId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    (byte + 256).toString(16).slice(1),
  ).join('');
