import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './database.js';
import { setDebug } from './log.js';
import { createQueue } from './queue.js';
import type { ClickstreamEvent } from './schema/event.js';

let time = 0;
const event = (id: string) => ({ event_id: id, event_timestamp: ++time }) as ClickstreamEvent;
const ids = (events: ClickstreamEvent[]) => events.map((e) => e.event_id);
const tick = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));
/** A queue on the database of one endpoint and app, as one tab or page load opens it. */
const open = (max = 10, name = 'clicktrail:test') => createQueue(openDatabase(name, true), max);

beforeEach(() => vi.stubGlobal('indexedDB', new IDBFactory()));

describe('queue', () => {
  it('keeps events across page loads in IndexedDB', async () => {
    const writer = open();
    writer.add(event('a'));
    await vi.waitFor(() => expect(writer.unsaved()).toEqual([]));
    expect(ids(await open().pending())).toEqual(['a']);
  });

  it('forgets an event once removed', async () => {
    const queue = open();
    queue.add(event('a'));
    queue.add(event('b'));
    await vi.waitFor(() => expect(queue.unsaved()).toEqual([]));
    await queue.remove(['a']);
    expect(ids(await open().pending())).toEqual(['b']);
  });

  it('keeps the queues of two databases (endpoints or apps) apart', async () => {
    const [a, b] = [open(10, 'clicktrail:a'), open(10, 'clicktrail:b')];
    a.add(event('for-a'));
    b.add(event('for-b'));
    await vi.waitFor(() => expect([...a.unsaved(), ...b.unsaved()]).toEqual([]));
    expect(ids(await open(10, 'clicktrail:a').pending())).toEqual(['for-a']);
  });

  it('falls back to memory when IndexedDB throws on open', async () => {
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    const queue = open();
    queue.add(event('a'));
    expect(ids(await queue.pending())).toEqual(['a']);
  });

  it('falls back to memory when IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const queue = open();
    queue.add(event('a'));
    expect(ids(await queue.pending())).toEqual(['a']);
  });

  it('evicts the oldest first and says so in debug', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    setDebug(true);
    const queue = open(2);
    for (const id of ['a', 'b', 'c']) queue.add(event(id));
    expect(ids(await queue.pending())).toEqual(['b', 'c']);
    setDebug(false);
    expect(info).toHaveBeenCalledWith('[clicktrail] queue full: evicted 1');
  });

  it('evicts past the cap without a transaction per event', async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const queue = open(1_000, 'clicktrail:burst');
    for (let i = 0; i < 10_000; i++) queue.add(event(`burst-${i}`));
    await tick(100);
    // Only this database's: a queue of an earlier test may still be writing to its own.
    const ours = transaction.mock.contexts.map((db) => (db as IDBDatabase).name);
    const modes = transaction.mock.calls.map(([, mode]) => mode);
    expect(
      modes.filter((mode, i) => mode !== 'versionchange' && ours[i] === 'clicktrail:burst'),
    ).toEqual(['readwrite']);
    const kept = await open(1_000, 'clicktrail:burst').pending();
    expect(kept).toHaveLength(1_000);
    expect(kept[0]?.event_id).toBe('burst-9000');
  });

  it('writes a burst of events in one go and keeps them all', async () => {
    const queue = open(2_000);
    for (let i = 0; i < 1_000; i++) queue.add(event(`burst-${i}`));
    await tick(50);
    expect(await open(2_000).pending()).toHaveLength(1_000);
  });

  it('drops an event IndexedDB cannot clone and keeps storing the others', async () => {
    const queue = open();
    queue.add({ ...event('proxy'), product: new Proxy({ id: 'sku' }, {}) } as ClickstreamEvent);
    queue.add(event('plain'));
    await tick();
    queue.add(event('later'));
    await tick();
    expect(ids(await open().pending())).toEqual(['plain', 'later']);
  });

  it('does not send again what another tab delivered', async () => {
    const [tabA, tabB] = [open(), open()];
    tabB.add(event('from-b'));
    await vi.waitFor(() => expect(tabB.unsaved()).toEqual([]));
    const seenByA = await tabA.pending();
    await tabA.remove(ids(seenByA));
    expect(ids(await tabB.pending())).toEqual([]);
    expect(tabB.memory.size).toBe(0);
  });

  it('reports events IndexedDB has not confirmed yet', async () => {
    const queue = open();
    queue.add(event('fresh'));
    expect(ids(queue.unsaved())).toEqual(['fresh']);
    await expect.poll(() => queue.unsaved()).toEqual([]);
  });
});

describe('send lease', () => {
  it('lets one tab at a time send the shared queue', async () => {
    const [tabA, tabB] = [open(), open()];
    const order: string[] = [];
    const send = (tab: string) => async () => {
      order.push(`${tab} starts`);
      await tick(30);
      order.push(`${tab} ends`);
    };
    await Promise.all([tabA.exclusive(send('a')), tabB.exclusive(send('b'))]);
    expect(order).toEqual(
      order[0] === 'a starts'
        ? ['a starts', 'a ends', 'b starts', 'b ends']
        : ['b starts', 'b ends', 'a starts', 'a ends'],
    );
  });

  it('sends without a lease when storage is missing (each tab has only its own events)', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const send = vi.fn(async () => {});
    await open().exclusive(send);
    expect(send).toHaveBeenCalledOnce();
  });
});
