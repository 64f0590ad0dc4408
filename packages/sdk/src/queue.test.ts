import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueue } from './queue.js';
import type { ClickstreamEvent } from './schema/event.js';

const silent = () => {};
let time = 0;
const event = (id: string) => ({ event_id: id, event_timestamp: ++time }) as ClickstreamEvent;
const ids = (events: ClickstreamEvent[]) => events.map((e) => e.event_id);

beforeEach(() => vi.stubGlobal('indexedDB', new IDBFactory()));

describe('queue', () => {
  it('keeps events across page loads in IndexedDB', async () => {
    const writer = createQueue(10, true, silent);
    writer.add(event('a'));
    await vi.waitFor(() => expect(writer.unsaved()).toEqual([]));
    expect(ids(await createQueue(10, true, silent).pending())).toEqual(['a']);
  });

  it('forgets an event once removed', async () => {
    const queue = createQueue(10, true, silent);
    queue.add(event('a'));
    queue.add(event('b'));
    await queue.remove(['a']);
    expect(ids(await createQueue(10, true, silent).pending())).toEqual(['b']);
  });

  it('falls back to memory when IndexedDB throws on open', async () => {
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    const queue = createQueue(10, true, silent);
    queue.add(event('a'));
    expect(ids(await queue.pending())).toEqual(['a']);
  });

  it('falls back to memory when IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const queue = createQueue(10, true, silent);
    queue.add(event('a'));
    expect(ids(await queue.pending())).toEqual(['a']);
  });

  it('evicts the oldest first and says how many in debug', async () => {
    const log = vi.fn();
    const queue = createQueue(2, true, log);
    for (const id of ['a', 'b', 'c']) queue.add(event(id));
    expect(ids(await queue.pending())).toEqual(['b', 'c']);
    expect(log).toHaveBeenCalledWith('queue full: evicted 1');
  });

  it('writes a burst of events in one go and keeps them all', async () => {
    const queue = createQueue(2_000, true, silent);
    for (let i = 0; i < 1_000; i++) queue.add(event(`burst-${i}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await createQueue(2_000, true, silent).pending()).toHaveLength(1_000);
  });

  it('does not send again what another tab delivered', async () => {
    const [tabA, tabB] = [createQueue(10, true, silent), createQueue(10, true, silent)];
    tabB.add(event('from-b'));
    await vi.waitFor(() => expect(tabB.unsaved()).toEqual([]));
    const seenByA = await tabA.pending();
    await tabA.remove(ids(seenByA));
    expect(ids(await tabB.pending())).toEqual([]);
    expect(tabB.memory.size).toBe(0);
  });

  it('reports events IndexedDB has not confirmed yet', async () => {
    const queue = createQueue(10, true, silent);
    queue.add(event('fresh'));
    expect(ids(queue.unsaved())).toEqual(['fresh']);
    // Waits for the write to commit rather than a fixed delay, which a loaded machine outlasts.
    await vi.waitFor(() => expect(queue.unsaved()).toEqual([]));
  });
});
