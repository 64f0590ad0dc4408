import { describe, expect, it } from 'vitest';
import { etlRunLine } from './services/etl-run-line.js';

const run = (overrides: Record<string, unknown>) =>
  JSON.stringify({
    status: 'done',
    run_id: 'r1',
    objects: 0,
    rows_loaded: 0,
    duplicates: 0,
    quarantined: 0,
    pending_after: 0,
    derived_days: [],
    duration_ms: 120,
    ...overrides,
  });

describe('etlRunLine', () => {
  it('stays quiet for a run that loaded nothing', () => {
    expect(etlRunLine(run({}))).toBeNull();
  });

  it('says what a run that loaded rows changed', () => {
    expect(
      etlRunLine(
        run({ objects: 2, rows_loaded: 14, derived_days: ['2026-12-01'], duration_ms: 1530 }),
      ),
    ).toBe('loaded 14 rows from 2 objects, days 2026-12-01 updated in 1.5 s');
  });

  it('reports quarantined lines and a partial run even without new rows', () => {
    expect(etlRunLine(run({ quarantined: 3, status: 'partial', pending_after: 7 }))).toBe(
      'loaded 0 rows from 0 objects, 3 lines quarantined, 7 objects left for the next run in 0.1 s',
    );
  });

  it('ignores output that is no run summary', () => {
    expect(etlRunLine('clicktrail-etl: 3/9 objects')).toBeNull();
    expect(etlRunLine('{"msg":"other"}')).toBeNull();
  });
});
