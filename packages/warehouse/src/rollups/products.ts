import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { deleteAffectedDays } from './sql.js';

/**
 * Per product and day: `view_item` and `add_to_cart` events by their product context, and
 * the lines of the purchases first recorded that day (purchases = distinct transactions,
 * units = quantities, revenue = (discount price, else price) x quantity); then the same per
 * category and per brand, a transaction counted once per group. A transaction has one day,
 * so a range's distinct transactions are the sum of its days'. Reads each affected day's
 * `view_item` and `add_to_cart` events (index on event name and time) and purchases.
 */
export const PRODUCTS_STEP: DeriveStep = {
  name: 'products, categories and brands per day',
  tables: [TABLES.dailyProducts, TABLES.dailyProductGroups],
  statements: [
    `CREATE TEMP TABLE day_product_facts ON COMMIT DROP AS
      SELECT d.day, d.app_id, e.context_product_id AS product_id, e.context_product_name AS name,
        e.context_product_category AS category, e.context_product_brand AS brand,
        (e.event_name = 'view_item')::int AS views, (e.event_name = 'add_to_cart')::int AS add_to_carts,
        NULL::text AS transaction_key, 0 AS units, 0::numeric AS revenue
      FROM affected_days d CROSS JOIN LATERAL (
        SELECT * FROM clickstream_events e
        WHERE e.event_name IN ('view_item', 'add_to_cart') AND e.app_id = d.app_id
          AND e.event_timestamp >= d.day AND e.event_timestamp < d.day + 1
          AND e.context_product_id IS NOT NULL) e
      UNION ALL
      SELECT d.day, d.app_id, i.product_id, i.product_name, i.product_category, i.product_brand,
        0, 0, i.transaction_key, i.quantity, coalesce(i.discount_price, i.price, 0) * i.quantity
      FROM affected_days d
        JOIN purchases p ON p.app_id = d.app_id AND p.purchase_date = d.day
        JOIN purchase_items i ON i.app_id = p.app_id AND i.transaction_key = p.transaction_key
      WHERE i.product_id IS NOT NULL`,
    deleteAffectedDays(TABLES.dailyProducts),
    `INSERT INTO ${TABLES.dailyProducts}
      SELECT day, app_id, product_id, max(name), max(category), max(brand), sum(views),
        sum(add_to_carts), count(DISTINCT transaction_key), sum(units), sum(revenue)
      FROM day_product_facts GROUP BY day, app_id, product_id`,
    deleteAffectedDays(TABLES.dailyProductGroups),
    `INSERT INTO ${TABLES.dailyProductGroups}
      SELECT CASE WHEN grouping(category) = 0 THEN 'category' ELSE 'brand' END, day, app_id,
        coalesce(CASE WHEN grouping(category) = 0 THEN category ELSE brand END, '(none)'),
        sum(views), sum(add_to_carts), count(DISTINCT transaction_key), sum(units), sum(revenue)
      FROM day_product_facts
      GROUP BY GROUPING SETS ((day, app_id, category), (day, app_id, brand))`,
  ],
};
