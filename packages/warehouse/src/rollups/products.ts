import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { deleteAffectedDays } from './sql.js';

const PRODUCT_EVENTS = `event_name IN ('view_item', 'add_to_cart')`;

/**
 * Per product and day: `view_item` and `add_to_cart` events by their product context, and
 * the lines of the purchases first recorded that day (purchases = distinct transactions,
 * units = quantities, revenue = (discount price, else price) x quantity); then the same per
 * category and per brand, a transaction counted once per group. A transaction has one day,
 * so a range's distinct transactions are the sum of its days'.
 *
 * By delta: events are only ever added, and only to touched sessions, so the event counts
 * per (day, app, product, context) change only for the (day, app, product) the touched
 * sessions' events hit (`touched_products`): those are counted again from their events
 * (index on app, product and time). Each affected day's product and group rows are then
 * summed from its context rows (a few per product) and its purchases' lines, not its events.
 */
export const PRODUCTS_STEP: DeriveStep = {
  name: 'products, categories and brands per day',
  tables: [TABLES.dailyProductContexts, TABLES.dailyProducts, TABLES.dailyProductGroups],
  statements: [
    `CREATE TEMP TABLE touched_products ON COMMIT DROP AS
      SELECT DISTINCT event_timestamp::date AS day, app_id, context_product_id AS product_id
      FROM session_events WHERE ${PRODUCT_EVENTS} AND context_product_id IS NOT NULL`,
    'ANALYZE touched_products',
    `DELETE FROM ${TABLES.dailyProductContexts} r USING touched_products t
      WHERE r.day = t.day AND r.app_id = t.app_id AND r.product_id = t.product_id`,
    `INSERT INTO ${TABLES.dailyProductContexts}
      SELECT t.day, t.app_id, t.product_id, e.context_product_name, e.context_product_category,
        e.context_product_brand, count(*) FILTER (WHERE e.event_name = 'view_item'),
        count(*) FILTER (WHERE e.event_name = 'add_to_cart')
      FROM touched_products t JOIN clickstream_events e
        ON e.app_id = t.app_id AND e.context_product_id = t.product_id
        AND e.event_timestamp >= t.day AND e.event_timestamp < t.day + 1
      WHERE e.${PRODUCT_EVENTS} AND e.context_product_id IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6`,
    `CREATE TEMP TABLE day_product_facts ON COMMIT DROP AS
      SELECT c.day, c.app_id, c.product_id, c.name, c.category, c.brand, c.views,
        c.add_to_carts, NULL::text AS transaction_key, 0 AS units, 0::numeric AS revenue
      FROM affected_days d
        JOIN ${TABLES.dailyProductContexts} c ON c.app_id = d.app_id AND c.day = d.day
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
