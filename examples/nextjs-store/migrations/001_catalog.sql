-- The catalog: products with their category and brand, and the stock of each.
CREATE TABLE clickstream_web.products (
  id             text PRIMARY KEY,
  name           text NOT NULL,
  description    text NOT NULL,
  category_slug  text NOT NULL,
  category_name  text NOT NULL,
  brand          text NOT NULL,
  price_cents    integer NOT NULL CHECK (price_cents > 0),
  discount_price_cents integer CHECK (discount_price_cents > 0 AND discount_price_cents < price_cents),
  image_path     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_category ON clickstream_web.products (category_slug);

CREATE TABLE clickstream_web.inventory (
  product_id text PRIMARY KEY REFERENCES clickstream_web.products (id),
  stock      integer NOT NULL CHECK (stock >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
