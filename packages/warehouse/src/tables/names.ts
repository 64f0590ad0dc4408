/**
 * Every table of the warehouse by role, so readers and writers name them from one place.
 * The names are part of the contract (dashboards and scripts read them): never rename one.
 */
export const TABLES = {
  /** One row per unique event (`event_id`), as loaded. */
  events: 'clickstream_events',
  /** One row per (app_id, client_id, session_id), rebuilt from the events. */
  sessions: 'sessions',
  /** One row per (day, app_id), rebuilt from the events and sessions. */
  dailyMetrics: 'daily_metrics',
  /** One row per purchase (transaction), rebuilt from the purchase events. */
  purchases: 'purchases',
  /** The lines (items) of each purchase. */
  purchaseItems: 'purchase_items',
  /** One integer per client_id, for the rollups' exact distinct counts. */
  clientKeys: 'client_keys',
  /** Rollup: one row per (day, app, client) with any event. */
  dailyClients: 'daily_clients',
  /** Rollup: one row per (day, local hour, app, client) with any event. */
  hourlyClients: 'hourly_clients',
  /** Rollup: one row per (dimension, day, app, value, client): pages, identity sources, browsers, devices. */
  dailyClientValues: 'daily_client_values',
  /** One integer per user agent, with its browser and device class. */
  agentKeys: 'agent_keys',
  /** Rollup: per-client rows counted by (day, previous day), for distinct clients over ranges. */
  dailyFirstCounts: 'daily_first_counts',
  /** Rollup: each session's landing referrer and UTM tags, and whether it has a purchase. */
  sessionLandings: 'session_landings',
  /** Rollup: sessions by start day, totals. */
  dailySessionTotals: 'daily_session_totals',
  /** Rollup: sessions by start day and landing referrer, campaign, landing and exit path. */
  dailySessionValues: 'daily_session_values',
  /** Rollup: per product and day, views, add-to-carts and sales. */
  dailyProducts: 'daily_products',
  /** Rollup: per day, product and context (name, category, brand), views and add-to-carts. */
  dailyProductContexts: 'daily_product_contexts',
  /** Rollup: the same per category and brand. */
  dailyProductGroups: 'daily_product_groups',
  /** Rollup: the closed funnel's candidate step times per client and day. */
  funnelSteps: 'funnel_steps',
  /** Rollup: each client's closed-funnel chain over all its time (per app, across apps). */
  funnelChains: 'funnel_chains',
  /** Rollup: closed-funnel chains from each client's returning view days. */
  funnelDayChains: 'funnel_day_chains',
  /** Rollup: per-client rows with a cohort, counted by day, cohort day and previous day. */
  dailyCohortCounts: 'daily_cohort_counts',
  /** The ledger: one row per raw object loaded (or being loaded). */
  loadedObjects: 'etl_loaded_objects',
  /** Raw lines that could not be loaded, with a reason and an excerpt. */
  quarantine: 'etl_quarantine',
  /** One row per `rejected/` raw object: the events (and attributes) ingest refused in it. */
  rejectedObjects: 'etl_rejected_objects',
  /** One row per ETL run with its summary. */
  runs: 'etl_runs',
  /** Sessions loaded into since the last derive (filled by a trigger on `clickstream_events`). */
  dirtySessions: 'derive_dirty_sessions',
  /** One row: the time zone the derived tables are cut in, and the last full rebuild. */
  deriveState: 'derive_state',
  /** Receive days the ETL has listed, and which of them are complete (nothing left to load). */
  receiveDays: 'etl_receive_days',
  /** The migrations applied, by version. */
  schemaMigrations: 'etl_schema_migrations',
} as const;

export type TableName = (typeof TABLES)[keyof typeof TABLES];
