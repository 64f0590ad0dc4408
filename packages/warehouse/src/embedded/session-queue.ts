import type { PGlite } from '@electric-sql/pglite';

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

const QUERY = 0x51; // 'Q': a simple query, answered in full before ReadyForQuery
const SYNC = 0x53; // 'S': ends an extended-protocol sequence (Parse, Bind, Execute, ...)
const TERMINATE = 0x58; // 'X'
const syncMessage = Uint8Array.of(SYNC, 0, 0, 0, 4);
const rollbackMessage = (() => {
  const sql = new TextEncoder().encode('ROLLBACK\0');
  const message = new Uint8Array(5 + sql.length);
  new DataView(message.buffer).setUint32(1, 4 + sql.length);
  message[0] = QUERY;
  message.set(sql, 5);
  return message;
})();

/**
 * A message after which the client may leave the session to others: a whole simple query,
 * a Sync, a startup message (no type byte, so its first byte is the length's high byte, 0).
 */
const endsExchange = (message: Uint8Array): boolean =>
  message[0] === QUERY || message[0] === SYNC || message[0] === TERMINATE || message[0] === 0;

/**
 * PGlite has one session, so every socket's messages run in it one after another. This
 * queue gives the session to one client at a time, from its first message until it is
 * idle again: an exchange has ended (Query or Sync) and no transaction block is open.
 * pglite-socket's own queue only keeps transaction blocks together: an extended-protocol
 * exchange that spans TCP reads (a large parameter) can be cut by another client's Parse,
 * which replaces the unnamed statement the first client then binds (seen: a 2 MB text
 * parameter bound to the other client's `$1::int`). Implements the interface
 * `PGLiteSocketHandler` expects of its queue.
 */
export class SessionQueue {
  private readonly waiting: Pending[] = [];
  private owner: number | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.waiting.push({ handlerId, message, onData, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    this.running = (async () => {
      for (;;) {
        const owner = this.owner;
        const index = owner === null ? 0 : this.waiting.findIndex((p) => p.handlerId === owner);
        const next = index >= 0 ? this.waiting.splice(index, 1)[0] : undefined;
        if (!next) break;
        await this.run(next);
      }
    })().finally(() => {
      this.running = null;
    });
  }

  private async run(pending: Pending): Promise<void> {
    this.owner = pending.handlerId;
    let bytes = 0;
    try {
      await this.execute(pending.message, (data) => {
        bytes += data.length;
        pending.onData(data);
      });
    } catch (error) {
      pending.reject(error as Error);
      if (!this.db.isInTransaction()) this.owner = null;
      return;
    }
    if (endsExchange(pending.message) && !this.db.isInTransaction()) this.owner = null;
    pending.resolve(bytes);
  }

  private execute(message: Uint8Array, onRawData: (data: Uint8Array) => void): Promise<void> {
    return this.db.runExclusive(() => this.db.execProtocolRawStream(message, { onRawData }));
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.waiting.length - 1; i >= 0; i -= 1) {
      const pending = this.waiting[i]!;
      if (pending.handlerId !== handlerId) continue;
      this.waiting.splice(i, 1);
      pending.reject(new Error('client disconnected'));
    }
  }

  /**
   * A client that leaves while holding the session must not leave it half-used: end its
   * exchange (a Sync also clears an error that skips messages until Sync), roll back its
   * transaction, and hand the session on.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    await this.running;
    if (this.owner !== handlerId) return;
    const ignore = () => undefined;
    await this.execute(syncMessage, ignore).catch(ignore);
    if (this.db.isInTransaction()) await this.execute(rollbackMessage, ignore).catch(ignore);
    this.owner = null;
    this.pump();
  }
}
