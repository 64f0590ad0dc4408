/** The events table (the reference design's columns first, then ours), the ledger, quarantine. */
export const eventsAndLedger = `
CREATE TABLE clickstream_events (
  event_id text PRIMARY KEY,
  event_timestamp timestamptz NOT NULL,
  event_name text NOT NULL,
  user_id text,
  user_login_state text NOT NULL,
  identity_source text,
  client_id text NOT NULL,
  session_id text NOT NULL,
  is_first_visit boolean NOT NULL,
  context_product_id text,
  context_product_name text,
  context_product_category text,
  context_product_brand text,
  context_product_price numeric,
  context_product_discount_price numeric,
  context_product_url_path text,
  app_id text NOT NULL,
  session_number integer NOT NULL,
  page_url text,
  page_referrer text,
  page_title text,
  device_timestamp timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  sent_at timestamptz,
  clock_skew_ms bigint NOT NULL,
  user_agent text,
  client_ip text,
  request_id text NOT NULL,
  sdk_version text,
  raw_version smallint NOT NULL,
  attributes jsonb NOT NULL DEFAULT '{}',
  source_object text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
-- Time-range scans (every dashboard query), sessionising, and funnels by event name.
CREATE INDEX clickstream_events_time ON clickstream_events (event_timestamp);
CREATE INDEX clickstream_events_session ON clickstream_events (app_id, client_id, session_id);
CREATE INDEX clickstream_events_name_time ON clickstream_events (event_name, event_timestamp);

CREATE TABLE etl_loaded_objects (
  object_key text PRIMARY KEY,
  etag text NOT NULL,
  receive_day date,
  size_bytes bigint NOT NULL,
  rows_loaded integer NOT NULL DEFAULT 0,
  duplicates integer NOT NULL DEFAULT 0,
  quarantined integer NOT NULL DEFAULT 0,
  run_id text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX etl_loaded_objects_day ON etl_loaded_objects (receive_day);

CREATE TABLE etl_quarantine (
  object_key text NOT NULL,
  line_number integer NOT NULL,
  reason text NOT NULL,
  excerpt text NOT NULL,
  quarantined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (object_key, line_number)
);

CREATE TABLE etl_runs (
  run_id text PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  full_scan boolean NOT NULL,
  summary jsonb
);

-- Event days whose derived rows are stale; filled in the load transaction, emptied by the rebuild.
CREATE TABLE etl_dirty_days (day date PRIMARY KEY);
`;
