import { randomUUID } from 'node:crypto';
import { parseQuantity } from '../cart/quantity';
import { unitPriceCents } from './products';
import type { Database, Queryable } from './queryable';
import { CURRENCY, TABLES } from './schema';

export interface OrderLine {
  productId: string;
  quantity: number;
}

export interface OrderItem extends OrderLine {
  name: string;
  categoryName: string;
  brand: string;
  unitPriceCents: number;
}

export interface Order {
  id: string;
  userId: number;
  totalCents: number;
  currency: string;
  createdAt: Date;
  items: OrderItem[];
}

export class EmptyOrderError extends Error {
  override name = 'EmptyOrderError';
  constructor() {
    super('An order needs at least one product, got none');
  }
}

export class UnknownProductError extends Error {
  override name = 'UnknownProductError';
  constructor(readonly productId: string) {
    super(`Expected a product of the catalog, got "${productId.slice(0, 40)}"`);
  }
}

export class OutOfStockError extends Error {
  override name = 'OutOfStockError';
  constructor(
    readonly productId: string,
    readonly requested: number,
    readonly available: number,
  ) {
    super(`Only ${available} of ${productId} left, ${requested} requested`);
  }
}

export class IdempotencyKeyError extends Error {
  override name = 'IdempotencyKeyError';
  constructor(detail: string) {
    super(`Expected a checkout key of 16-64 characters [A-Za-z0-9_-] of your own, ${detail}`);
  }
}

export interface PlaceOrder {
  userId: number;
  lines: OrderLine[];
  /** One per checkout form: placing an order again with it returns the first order. */
  idempotencyKey: string;
}

/** Sums duplicate lines and checks quantities; sorted by product so row locks never deadlock. */
function normalise(lines: OrderLine[]): OrderLine[] {
  const quantities = new Map<string, number>();
  for (const line of lines) {
    const quantity = parseQuantity(line.quantity);
    quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + quantity);
  }
  if (quantities.size === 0) throw new EmptyOrderError();
  return [...quantities]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([productId, quantity]) => ({
      productId,
      quantity,
    }));
}

/**
 * Creates the order and its items and takes the stock, all in one transaction. A line the
 * stock cannot cover fails the whole order (OutOfStockError): the conditional decrement takes
 * the row lock, so concurrent checkouts of the last units never oversell.
 */
export async function placeOrder(
  db: Database,
  request: PlaceOrder,
): Promise<{ order: Order; created: boolean }> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(request.idempotencyKey)) {
    throw new IdempotencyKeyError(`got "${request.idempotencyKey.slice(0, 70)}"`);
  }
  const lines = normalise(request.lines);
  const placed = await db.transaction(async (client) => {
    const id = `ord_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    // A concurrent twin with the same key waits here until the first commits or rolls back.
    const inserted = await client.query(
      `INSERT INTO ${TABLES.orders} (id, user_id, idempotency_key, total_cents, currency)
       VALUES ($1, $2, $3, 0, $4) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [id, request.userId, request.idempotencyKey, CURRENCY],
    );
    if (!inserted.rowCount) return { id: await orderIdForKey(client, request), created: false };
    let total = 0;
    for (const line of lines) {
      const product = await client.query<{
        price_cents: number;
        discount_price_cents: number | null;
      }>(`SELECT price_cents, discount_price_cents FROM ${TABLES.products} WHERE id = $1`, [
        line.productId,
      ]);
      const row = product.rows[0];
      if (!row) throw new UnknownProductError(line.productId);
      const taken = await client.query(
        `UPDATE ${TABLES.inventory} SET stock = stock - $2, updated_at = now()
         WHERE product_id = $1 AND stock >= $2`,
        [line.productId, line.quantity],
      );
      if (!taken.rowCount) {
        const stock = await client.query<{ stock: number }>(
          `SELECT stock FROM ${TABLES.inventory} WHERE product_id = $1`,
          [line.productId],
        );
        throw new OutOfStockError(line.productId, line.quantity, stock.rows[0]?.stock ?? 0);
      }
      const unit = unitPriceCents({
        priceCents: row.price_cents,
        discountPriceCents: row.discount_price_cents,
      });
      total += unit * line.quantity;
      await client.query(
        `INSERT INTO ${TABLES.orderItems} (order_id, product_id, quantity, unit_price_cents)
         VALUES ($1, $2, $3, $4)`,
        [id, line.productId, line.quantity, unit],
      );
    }
    await client.query(`UPDATE ${TABLES.orders} SET total_cents = $2 WHERE id = $1`, [id, total]);
    return { id, created: true };
  });
  const order = await getOrder(db, placed.id, request.userId);
  if (!order) throw new Error(`order ${placed.id} vanished after it was placed`);
  return { order, created: placed.created };
}

async function orderIdForKey(db: Queryable, request: PlaceOrder): Promise<string> {
  const { rows } = await db.query<{ id: string; user_id: string }>(
    `SELECT id, user_id FROM ${TABLES.orders} WHERE idempotency_key = $1`,
    [request.idempotencyKey],
  );
  const row = rows[0];
  if (!row || Number(row.user_id) !== request.userId) {
    throw new IdempotencyKeyError('got one that belongs to another checkout');
  }
  return row.id;
}

interface OrderRow {
  id: string;
  user_id: string;
  total_cents: number;
  currency: string;
  created_at: Date;
}

/** The order if it belongs to the user; null for unknown ids and other users' orders alike. */
export async function getOrder(db: Queryable, id: string, userId: number): Promise<Order | null> {
  const { rows } = await db.query<OrderRow>(
    `SELECT id, user_id, total_cents, currency, created_at FROM ${TABLES.orders}
     WHERE id = $1 AND user_id = $2`,
    [id, userId],
  );
  const row = rows[0];
  if (!row) return null;
  const items = await db.query<{
    product_id: string;
    quantity: number;
    unit_price_cents: number;
    name: string;
    category_name: string;
    brand: string;
  }>(
    `SELECT oi.product_id, oi.quantity, oi.unit_price_cents, p.name, p.category_name, p.brand
     FROM ${TABLES.orderItems} oi JOIN ${TABLES.products} p ON p.id = oi.product_id
     WHERE oi.order_id = $1 ORDER BY oi.product_id`,
    [id],
  );
  return {
    id: row.id,
    userId: Number(row.user_id),
    totalCents: row.total_cents,
    currency: row.currency,
    createdAt: row.created_at,
    items: items.rows.map((i) => ({
      productId: i.product_id,
      quantity: i.quantity,
      unitPriceCents: i.unit_price_cents,
      name: i.name,
      categoryName: i.category_name,
      brand: i.brand,
    })),
  };
}

export interface OrderSummary {
  id: string;
  totalCents: number;
  currency: string;
  createdAt: Date;
  items: number;
}

/** The user's orders, newest first. */
export async function listOrders(db: Queryable, userId: number): Promise<OrderSummary[]> {
  const { rows } = await db.query<OrderRow & { items: string }>(
    `SELECT o.id, o.total_cents, o.currency, o.created_at,
       (SELECT COALESCE(sum(quantity), 0) FROM ${TABLES.orderItems} WHERE order_id = o.id) AS items
     FROM ${TABLES.orders} o WHERE o.user_id = $1 ORDER BY o.created_at DESC, o.id`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    totalCents: r.total_cents,
    currency: r.currency,
    createdAt: r.created_at,
    items: Number(r.items),
  }));
}
