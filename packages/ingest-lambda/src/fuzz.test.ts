import { LocalFolderStore } from '@clicktrail/raw-store';
import { validateRawEvent } from '@clicktrail/sdk/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { corsPolicy } from './cors.js';
import { badEvent, fuzzCase, seeded } from './fuzz-cases.js';
import { createHandler } from './handler.js';
import { silentLogger } from './logger.js';
import { apiEvent, batchBody, readObjects, tempDir, wireEvent } from './testing.js';

let store: LocalFolderStore;
let handler: ReturnType<typeof createHandler>;

beforeAll(async () => {
  store = new LocalFolderStore(await tempDir());
  handler = createHandler({ store, cors: corsPolicy('', []), log: silentLogger });
});

describe('fuzzing the handler', () => {
  it('answers 1,200 malformed bodies without a 5xx, each refusal with a reason', async () => {
    const random = seeded(20261125);
    const seen = new Map<string, number>();

    for (let i = 0; i < 1_200; i++) {
      const fuzz = fuzzCase(random);
      const result = await handler(apiEvent(fuzz));

      const label = `${fuzz.kind} #${i}`;
      expect(result.statusCode, label).toBeLessThan(500);
      const answer = JSON.parse(result.body);
      if (result.statusCode === 200) {
        for (const rejection of answer.rejected) expect(rejection.reason, label).toMatch(/\S/);
      } else {
        expect([400, 413], label).toContain(result.statusCode);
        expect(answer.error, label).toMatch(/\S/);
      }
      seen.set(fuzz.kind, (seen.get(fuzz.kind) ?? 0) + 1);
    }

    expect(seen.size).toBe(12);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const line of (await readObjects(store, 'events/')).flat()) {
      expect(validateRawEvent(line).ok).toBe(true);
    }
    // 1,200 fsynced writes: generous for a shared machine.
  }, 60_000);

  it('keeps every good event of 100 mixed batches', async () => {
    const random = seeded(7);

    for (let i = 0; i < 100; i++) {
      const good = Array.from({ length: 1 + random.int(20) }, () => wireEvent());
      const bad = Array.from({ length: 1 + random.int(20) }, () => badEvent(random));
      const events = [...good, ...bad].sort(() => random.next() - 0.5);

      const result = await handler(apiEvent({ body: batchBody(events) }));

      expect(result.statusCode).toBe(200);
      const answer = JSON.parse(result.body);
      expect(answer.accepted).toBe(good.length);
      expect(answer.rejected).toHaveLength(bad.length);
    }
  });
});
