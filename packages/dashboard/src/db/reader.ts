import type pg from 'pg';

/** Runs one parameterised statement; rows come back as plain objects. */
export type Query = <Row extends object>(
  sql: string,
  params?: readonly unknown[],
) => Promise<Row[]>;

/** The dashboard's only door to the warehouse: read-only transactions on a few connections. */
export interface WarehouseReader {
  read<T>(work: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ReaderOptions {
  connect(): Promise<pg.Client>;
  /** Connections kept open; 1 for PGlite, which serves every connection from one session. */
  maxConnections?: number;
  /** Per statement, so a runaway query answers an error instead of hanging a page. */
  statementTimeoutMs?: number;
}

/**
 * Every unit of work runs inside `BEGIN TRANSACTION READ ONLY`, so no query of the dashboard
 * can write, whatever its SQL says. Connections are opened lazily and reused; a connection
 * that failed is dropped rather than returned.
 */
export function createReader(options: ReaderOptions): WarehouseReader {
  const max = options.maxConnections ?? 4;
  const timeout = Math.trunc(options.statementTimeoutMs ?? 30_000);
  const idle: pg.Client[] = [];
  const waiting: ((client: pg.Client | null) => void)[] = [];
  let open = 0;
  let closed = false;

  async function acquire(): Promise<pg.Client> {
    const ready = idle.pop();
    if (ready) return ready;
    if (open < max) {
      open += 1;
      try {
        return await options.connect();
      } catch (error) {
        open -= 1;
        throw error;
      }
    }
    const client = await new Promise<pg.Client | null>((resolve) => waiting.push(resolve));
    return client ?? acquire();
  }

  function release(client: pg.Client, broken: boolean): void {
    if (broken || closed) {
      open -= 1;
      client.end().catch(() => undefined);
      waiting.shift()?.(null);
      return;
    }
    const next = waiting.shift();
    if (next) next(client);
    else idle.push(client);
  }

  return {
    async read(work) {
      const client = await acquire();
      const query: Query = async (sql, params) =>
        (await client.query(sql, params as unknown[])).rows as never;
      try {
        await client.query('BEGIN TRANSACTION READ ONLY');
        await client.query(`SET LOCAL statement_timeout = ${timeout}`);
        // The panels' distinct counts and joins sort and hash tens of thousands of rows:
        // the default 4 MB sends them to disk.
        await client.query(`SET LOCAL work_mem = '64MB'`);
        // Their plans look costly to PostgreSQL (a 48-hour series joined to three aggregates),
        // and compiling them (JIT) took 300 ms of a 460 ms hourly trend at 10M events.
        await client.query('SET LOCAL jit = off');
        const result = await work(query);
        await client.query('COMMIT');
        release(client, false);
        return result;
      } catch (error) {
        const rolledBack = await client.query('ROLLBACK').then(
          () => true,
          () => false,
        );
        release(client, !rolledBack);
        throw error;
      }
    },
    async close() {
      closed = true;
      await Promise.all(idle.splice(0).map((client) => client.end().catch(() => undefined)));
    },
  };
}
