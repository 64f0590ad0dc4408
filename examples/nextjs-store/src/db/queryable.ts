import type pg from 'pg';

/** Whatever can run one statement: the database or a client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>;
}

/** The store's database: single statements, transactions, and the end of the pool. */
export interface Database extends Queryable {
  transaction<T>(work: (client: Queryable) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

export interface DatabaseOptions {
  /** Connections in the pool. */
  max?: number;
  /**
   * Run every statement inside BEGIN / COMMIT. The embedded PGlite server (pglite-socket)
   * serves all connections from one session and interleaves their protocol messages unless a
   * transaction is open, so two concurrent parameterised queries can overwrite each other's
   * unnamed prepared statement. An open transaction makes it serve that connection alone.
   */
  atomicStatements?: boolean;
}

/** Runs `work` in one transaction on a client of the pool; rolls back when it throws. */
async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: Queryable) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export function databaseOf(pool: pg.Pool, options: DatabaseOptions = {}): Database {
  const transaction = <T>(work: (client: Queryable) => Promise<T>) => inTransaction(pool, work);
  return {
    query: options.atomicStatements
      ? (text, values) => transaction((client) => client.query(text, values))
      : (text, values) => pool.query(text, values),
    transaction,
    end: () => pool.end(),
  };
}
