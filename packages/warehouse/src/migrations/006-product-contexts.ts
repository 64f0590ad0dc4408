/**
 * Version 6: the product rollups by delta. `daily_product_contexts` counts each day's
 * `view_item` and `add_to_cart` events per product and context (name, category, brand as the
 * event carried them), rebuilt by the derive only for the (day, app, product) its touched
 * sessions' events hit, found by the partial index below; the day's product and group rows
 * are then summed from these few rows instead of the day's events.
 */
export const productContexts = `
CREATE TABLE daily_product_contexts (
  day date NOT NULL,
  app_id text NOT NULL,
  product_id text NOT NULL,
  name text,
  category text,
  brand text,
  views integer NOT NULL,
  add_to_carts integer NOT NULL,
  UNIQUE NULLS NOT DISTINCT (day, app_id, product_id, name, category, brand)
);

-- A product's view_item and add_to_cart events of a day.
CREATE INDEX clickstream_events_product_day
  ON clickstream_events (app_id, context_product_id, event_timestamp)
  WHERE event_name IN ('view_item', 'add_to_cart') AND context_product_id IS NOT NULL;
`;
