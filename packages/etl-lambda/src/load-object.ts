import { setImmediate as toEventLoop } from 'node:timers/promises';
import type { LoadMethod } from './load-method.js';
import type { ObjectItem } from './read-lines.js';
import type { RowBatcher } from './row-batcher.js';

/**
 * Lines parsed between turns of the event loop. Decompressed text is often buffered, so
 * the loop below can parse a whole object in microtasks alone, and the server's answers
 * to the batch in flight (a lookup, a finished COPY) would wait for it: the server idles
 * while Node parses. 50 lines are ~1 ms of parsing; a turn costs microseconds.
 */
const LINES_PER_TURN = 50;

/**
 * Streams one object's lines into the group's batcher: good lines as rows, the others to
 * quarantine with their line number and reason (made storable by the batcher). Collects the UTC event days it sees.
 */
export async function loadObjectLines(
  batcher: RowBatcher,
  method: LoadMethod,
  key: string,
  items: AsyncIterable<ObjectItem>,
  days: Set<string>,
): Promise<void> {
  batcher.open(key);
  let sinceTurn = 0;
  for await (const item of items) {
    if (++sinceTurn === LINES_PER_TURN) {
      sinceTurn = 0;
      await toEventLoop();
    }
    if (item.kind === 'broken') {
      await batcher.addQuarantine({
        object_key: key,
        line_number: item.lineNumber,
        reason: item.reason,
        excerpt: item.excerpt,
      });
      continue;
    }
    const result = method.parse(item.line.text, key);
    if (!result.ok) {
      await batcher.addQuarantine({
        object_key: key,
        line_number: item.line.lineNumber,
        reason: result.reason,
        excerpt: item.line.text,
      });
      continue;
    }
    days.add(result.day);
    // Awaiting only when a batch flushes spares a microtask per row.
    const flushing = batcher.addRow(key, item.line.lineNumber, result.text);
    if (flushing) await flushing;
  }
}
