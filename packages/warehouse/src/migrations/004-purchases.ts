/**
 * Purchases in tables of their own, one row per transaction (`transaction_id`, else the
 * event's own id), so a purchase recorded twice (a reloaded confirmation page) counts once;
 * and the raw `items` of every event, which purchase lines are read from.
 */
export const purchases = `
ALTER TABLE clickstream_events ADD COLUMN items jsonb NOT NULL DEFAULT '[]';

-- Finds every purchase event of a transaction (the derive rebuilds a transaction whole).
CREATE INDEX clickstream_events_transaction
  ON clickstream_events (app_id, (coalesce(attributes->>'transaction_id', event_id)))
  WHERE event_name = 'purchase';

CREATE TABLE purchases (
  app_id text NOT NULL,
  transaction_key text NOT NULL,
  transaction_id text,
  event_id text NOT NULL,
  client_id text NOT NULL,
  session_id text NOT NULL,
  user_id text,
  purchased_at timestamptz NOT NULL,
  purchase_date date NOT NULL,
  value numeric NOT NULL,
  currency text,
  item_lines integer NOT NULL,
  recorded integer NOT NULL,
  PRIMARY KEY (app_id, transaction_key)
);
CREATE INDEX purchases_app_date ON purchases (app_id, purchase_date);

CREATE TABLE purchase_items (
  app_id text NOT NULL,
  transaction_key text NOT NULL,
  line integer NOT NULL,
  product_id text,
  product_name text,
  product_category text,
  product_brand text,
  price numeric,
  discount_price numeric,
  quantity integer NOT NULL,
  PRIMARY KEY (app_id, transaction_key, line)
);
`;
