-- Shoppers (known by their Cognito subject) and their orders.
CREATE TABLE clickstream_web.users (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cognito_sub text NOT NULL UNIQUE,
  email       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE clickstream_web.orders (
  id              text PRIMARY KEY,
  user_id         bigint NOT NULL REFERENCES clickstream_web.users (id),
  -- One order per checkout form: a double submit finds the order the first one made.
  idempotency_key text NOT NULL UNIQUE,
  total_cents     integer NOT NULL CHECK (total_cents >= 0),
  currency        text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_user ON clickstream_web.orders (user_id, created_at DESC);

CREATE TABLE clickstream_web.order_items (
  order_id         text NOT NULL REFERENCES clickstream_web.orders (id),
  product_id       text NOT NULL REFERENCES clickstream_web.products (id),
  quantity         integer NOT NULL CHECK (quantity > 0),
  unit_price_cents integer NOT NULL CHECK (unit_price_cents > 0),
  PRIMARY KEY (order_id, product_id)
);
