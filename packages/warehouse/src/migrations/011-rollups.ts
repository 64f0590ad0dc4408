/**
 * The dashboard's rollups (version 11, the dashboard's range 10-19): per day and dimension,
 * rebuilt by the derive's rollup steps (`src/rollups/`) for the days it touches, so that no
 * panel scans raw events. Distinct users over a range cannot be summed from days, so the
 * per-client tables keep one row per (day, client): a range's users are an exact distinct
 * count over them, of small integer keys (`client_keys`) rather than text ids.
 */
export const rollups = `
-- One small integer per client_id, never reassigned (a full rebuild keeps it).
CREATE TABLE client_keys (
  client_id text PRIMARY KEY,
  client_key integer GENERATED ALWAYS AS IDENTITY UNIQUE
);

-- One row per (app, day, client) with any event: users, new users, open funnel, retention.
CREATE TABLE daily_clients (
  day date NOT NULL,
  app_id text NOT NULL,
  client_key integer NOT NULL,
  events integer NOT NULL,
  first_visit boolean NOT NULL,
  view_item boolean NOT NULL,
  add_to_cart boolean NOT NULL,
  begin_checkout boolean NOT NULL,
  purchase boolean NOT NULL,
  PRIMARY KEY (day, app_id, client_key)
);

-- One row per (app, day, dimension, value, client): page paths (events = page views) and
-- identity sources (events = all events), for distinct users per value.
CREATE TABLE daily_client_values (
  dimension text NOT NULL,
  day date NOT NULL,
  app_id text NOT NULL,
  value text NOT NULL,
  client_key integer NOT NULL,
  events integer NOT NULL,
  PRIMARY KEY (dimension, day, app_id, value, client_key)
);

-- Sessions by start day: totals for the summary and login state.
CREATE TABLE daily_session_totals (
  day date NOT NULL,
  app_id text NOT NULL,
  sessions integer NOT NULL,
  engaged integer NOT NULL,
  duration_ms bigint NOT NULL,
  page_views bigint NOT NULL,
  converted integer NOT NULL,
  logged_in integer NOT NULL,
  PRIMARY KEY (day, app_id)
);

-- Sessions by start day and a value of their landing page ('referrer', 'campaign' with
-- source / medium / campaign) or their landing and exit paths ('landing', 'exit').
CREATE TABLE daily_session_values (
  dimension text NOT NULL,
  day date NOT NULL,
  app_id text NOT NULL,
  value text NOT NULL,
  value2 text NOT NULL,
  value3 text NOT NULL,
  sessions integer NOT NULL,
  PRIMARY KEY (dimension, day, app_id, value, value2, value3)
);

-- Per product and day: views and add-to-carts by event context; purchases (distinct
-- transactions first recorded that day), units and revenue from their lines.
CREATE TABLE daily_products (
  day date NOT NULL,
  app_id text NOT NULL,
  product_id text NOT NULL,
  name text,
  category text,
  brand text,
  views integer NOT NULL,
  add_to_carts integer NOT NULL,
  purchases integer NOT NULL,
  units bigint NOT NULL,
  revenue numeric NOT NULL,
  PRIMARY KEY (day, app_id, product_id)
);

-- The same by category and by brand ('category' | 'brand'), a transaction once per group.
CREATE TABLE daily_product_groups (
  kind text NOT NULL,
  day date NOT NULL,
  app_id text NOT NULL,
  name text NOT NULL,
  views integer NOT NULL,
  add_to_carts integer NOT NULL,
  purchases integer NOT NULL,
  units bigint NOT NULL,
  revenue numeric NOT NULL,
  PRIMARY KEY (kind, day, app_id, name)
);

-- The closed funnel's candidates: each client's first view_item of a day (step 0), and every
-- add_to_cart (1), begin_checkout (2) and purchase (3) time. Enough for the exact funnel:
-- the earliest view_item of a range is the earliest of its days' first ones.
CREATE TABLE funnel_steps (
  day date NOT NULL,
  app_id text NOT NULL,
  client_key integer NOT NULL,
  step smallint NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (day, app_id, client_key, step, at)
);
`;

/**
 * A warehouse upgraded with events already loaded: every session marked dirty, so the next
 * derive fills the new rollups for every day (no separate rebuild needed).
 */
export const fillRollupsOnNextDerive = `
INSERT INTO derive_dirty_sessions (app_id, client_id, session_id)
  SELECT DISTINCT app_id, client_id, session_id FROM clickstream_events
  ON CONFLICT DO NOTHING;
`;
