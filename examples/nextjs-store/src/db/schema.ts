/**
 * Every table of the store lives in the `clickstream_web` schema and every statement names
 * it: the embedded PGlite server shares one session between connections, so a per-connection
 * `search_path` cannot be relied on.
 */
export const SCHEMA = 'clickstream_web';

export const TABLES = {
  migrations: `${SCHEMA}.schema_migrations`,
  products: `${SCHEMA}.products`,
  inventory: `${SCHEMA}.inventory`,
  users: `${SCHEMA}.users`,
  orders: `${SCHEMA}.orders`,
  orderItems: `${SCHEMA}.order_items`,
} as const;

/** The store's prices are in one currency; amounts are kept in cents. */
export const CURRENCY = 'USD';
