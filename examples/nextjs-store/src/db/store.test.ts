import { randomBytes } from 'node:crypto';
import { DATABASE_KINDS, type TestDatabase } from '@clicktrail/warehouse/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../catalog/generate';
import { connect } from './connection';
import { migrate, readMigrations } from './migrate';
import {
  EmptyOrderError,
  getOrder,
  listOrders,
  OutOfStockError,
  placeOrder,
  UnknownProductError,
} from './orders';
import { getProduct, listCategories, listProducts, PAGE_SIZE } from './products';
import type { Database } from './queryable';
import { TABLES } from './schema';
import { seed } from './seed';
import { upsertUser } from './users';

const key = () => randomBytes(12).toString('base64url');
const stockOf = async (pool: Database, id: string) =>
  Number(
    (await pool.query(`SELECT stock FROM ${TABLES.inventory} WHERE product_id = $1`, [id])).rows[0]
      ?.stock,
  );

describe.each(DATABASE_KINDS)('the store database on $kind', ({ create }) => {
  let database: TestDatabase;
  let pool: Database;
  let alice: number;
  let bob: number;

  beforeAll(async () => {
    database = await create();
    pool = connect({ url: database.url, embedded: database.kind === 'pglite' }, { max: 25 });
    await migrate(pool);
    await seed(pool);
    alice = (await upsertUser(pool, { cognitoSub: 'sub-alice', email: 'alice@example.com' })).id;
    bob = (await upsertUser(pool, { cognitoSub: 'sub-bob', email: 'bob@example.com' })).id;
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('applies every migration once and nothing on a second run', async () => {
    const versions = (await readMigrations()).map((m) => m.version);
    const { rows } = await pool.query(`SELECT version FROM ${TABLES.migrations} ORDER BY version`);
    expect(rows.map((r) => r.version)).toEqual(versions);
    expect(await migrate(pool)).toEqual([]);
  });

  it('seeds 300 products over 10 categories, and seeding again changes no stock', async () => {
    const categories = await listCategories(pool);
    expect(categories).toHaveLength(10);
    expect(categories.reduce((sum, c) => sum + c.products, 0)).toBe(300);
    const first = generateCatalog()[0]!;
    await pool.query(`UPDATE ${TABLES.inventory} SET stock = 3 WHERE product_id = $1`, [first.id]);
    expect(await seed(pool)).toEqual({ products: 300, stocked: 0 });
    expect(await stockOf(pool, first.id)).toBe(3);
    expect((await getProduct(pool, first.id))?.name).toBe(first.name);
  });

  it('pages, filters and sorts the catalog', async () => {
    const kitchen = await listProducts(pool, { category: 'kitchen', sort: 'price-asc', page: 2 });
    expect(kitchen).toMatchObject({ total: 30, page: 2, pages: 3 });
    expect(kitchen.products).toHaveLength(PAGE_SIZE);
    const paid = kitchen.products.map((p) => p.discountPriceCents ?? p.priceCents);
    expect(paid).toEqual([...paid].sort((a, b) => a - b));
    expect(kitchen.products.every((p) => p.categorySlug === 'kitchen')).toBe(true);

    const search = await listProducts(pool, { search: 'cast iron SKILLET' });
    expect(search.total).toBeGreaterThan(0);
    expect(search.products.every((p) => /cast iron skillet/i.test(p.name))).toBe(true);
    expect(await listProducts(pool, { search: '100%_' })).toMatchObject({ total: 0, pages: 1 });
  });

  it('places an order: items at the price paid, stock taken, visible only to its owner', async () => {
    const [a, b] = (await listProducts(pool, { category: 'audio' })).products.filter(
      (p) => p.stock >= 2,
    );
    const before = [await stockOf(pool, a!.id), await stockOf(pool, b!.id)];
    const { order, created } = await placeOrder(pool, {
      userId: alice,
      idempotencyKey: key(),
      lines: [
        { productId: a!.id, quantity: 1 },
        { productId: b!.id, quantity: 2 },
        { productId: a!.id, quantity: 1 },
      ],
    });
    expect(created).toBe(true);
    const paid = (p: typeof a) => p!.discountPriceCents ?? p!.priceCents;
    expect(order.totalCents).toBe(2 * paid(a) + 2 * paid(b));
    expect(order.items.map((i) => [i.productId, i.quantity])).toEqual(
      [
        [a!.id, 2],
        [b!.id, 2],
      ].sort(),
    );
    expect([await stockOf(pool, a!.id), await stockOf(pool, b!.id)]).toEqual([
      before[0]! - 2,
      before[1]! - 2,
    ]);
    expect(await getOrder(pool, order.id, alice)).toMatchObject({ id: order.id });
    expect(await getOrder(pool, order.id, bob)).toBeNull();
    expect((await listOrders(pool, alice)).map((o) => o.id)).toContain(order.id);
    expect(await listOrders(pool, bob)).toEqual([]);
  });

  it('refuses an empty order, an unknown product and more than the stock, taking nothing', async () => {
    const product = (await listProducts(pool, { category: 'garden' })).products.find(
      (p) => p.stock > 0,
    )!;
    const stock = await stockOf(pool, product.id);
    await expect(
      placeOrder(pool, { userId: alice, idempotencyKey: key(), lines: [] }),
    ).rejects.toThrow(EmptyOrderError);
    await expect(
      placeOrder(pool, {
        userId: alice,
        idempotencyKey: key(),
        lines: [
          { productId: product.id, quantity: 1 },
          { productId: 'sku-nope', quantity: 1 },
        ],
      }),
    ).rejects.toThrow(UnknownProductError);
    await expect(
      placeOrder(pool, {
        userId: alice,
        idempotencyKey: key(),
        lines: [{ productId: product.id, quantity: stock + 1 }],
      }),
    ).rejects.toThrow(OutOfStockError);
    expect(await stockOf(pool, product.id)).toBe(stock);
  });

  it('never oversells: 20 concurrent checkouts of the last 3 units make 3 orders', async () => {
    const product = (await listProducts(pool, { category: 'games' })).products[0]!;
    await pool.query(`UPDATE ${TABLES.inventory} SET stock = 3 WHERE product_id = $1`, [
      product.id,
    ]);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        placeOrder(pool, {
          userId: i % 2 ? alice : bob,
          idempotencyKey: key(),
          lines: [{ productId: product.id, quantity: 1 }],
        }),
      ),
    );
    const placed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(placed).toHaveLength(3);
    expect(refused.every((r) => r.reason instanceof OutOfStockError)).toBe(true);
    expect(await stockOf(pool, product.id)).toBe(0);
    const sold = await pool.query<{ n: number }>(
      `SELECT sum(quantity)::int AS n FROM ${TABLES.orderItems} WHERE product_id = $1`,
      [product.id],
    );
    expect(sold.rows[0]?.n).toBe(3);
  });

  it('makes one order of a checkout submitted twice at once, and again later', async () => {
    const product = (await listProducts(pool, { category: 'desk' })).products.find(
      (p) => p.stock >= 5,
    )!;
    const stock = await stockOf(pool, product.id);
    const request = {
      userId: alice,
      idempotencyKey: key(),
      lines: [{ productId: product.id, quantity: 2 }],
    };
    const twins = await Promise.all([placeOrder(pool, request), placeOrder(pool, request)]);
    const again = await placeOrder(pool, request);
    expect(new Set([...twins, again].map((r) => r.order.id)).size).toBe(1);
    expect([...twins, again].filter((r) => r.created)).toHaveLength(1);
    expect(await stockOf(pool, product.id)).toBe(stock - 2);
    await expect(placeOrder(pool, { ...request, userId: bob })).rejects.toThrow(/another checkout/);
  });
});
