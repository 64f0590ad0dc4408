import { randomUUID } from 'node:crypto';
import type { RawStore } from '@clicktrail/raw-store';
import { migrate, rebuildDerived } from '@clicktrail/warehouse';
import type { ClientBase } from 'pg';

import { pendingObjects, receivedAtOfKey, scanPrefixes } from './discover.js';
import { DEFAULT_GROUP_LIMITS, type GroupLimits, groupObjects } from './groups.js';
import { loadGroup } from './load-group.js';
import { type LoadMethod, loadMethodFor } from './load-method.js';
import { acquireRunLock, releaseRunLock } from './run-lock.js';
import { emptySummary, type Progress, type RunSummary } from './summary.js';

export interface RunOptions {
  /** true / false, or 'auto': full when none completed within `fullScanEveryMs` or the last run did not finish. */
  fullScan?: boolean | 'auto';
  fullScanEveryMs?: number;
  waitForLock?: boolean;
  /** Epoch ms after which no new group starts (the Lambda's remaining time). */
  deadline?: number;
  groupLimits?: GroupLimits;
  batchRows?: number;
  /** Forces a load method; by default COPY on a server, JSON on embedded PGlite. */
  loadMethod?: LoadMethod['name'];
  now?: () => number;
  onProgress?: (progress: Progress) => void;
  /** Test seam, passed to every group transaction. */
  beforeCommit?: () => Promise<void>;
}

/** Skipped keys named in the summary; the count covers them all. */
const SKIPPED_SAMPLES = 10;

async function shouldFullScan(client: ClientBase, options: RunOptions, now: number) {
  if (typeof options.fullScan === 'boolean') return options.fullScan;
  const every = options.fullScanEveryMs ?? 86_400_000;
  const result = await client.query<{ recent_full: boolean; last_done: boolean | null }>(
    `SELECT
      EXISTS (SELECT 1 FROM etl_runs WHERE full_scan AND summary->>'status' = 'done'
        AND started_at > $1) AS recent_full,
      (SELECT summary->>'status' = 'done' FROM etl_runs ORDER BY started_at DESC LIMIT 1) AS last_done`,
    [new Date(now - every)],
  );
  const row = result.rows[0];
  return !row?.recent_full || row.last_done === false || row.last_done === null;
}

/** One ETL run: migrate, lock, find unloaded objects, load them in groups, rebuild derived. */
export async function runEtl(
  client: ClientBase,
  store: RawStore,
  options: RunOptions = {},
): Promise<RunSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  await migrate(client);
  const runId = randomUUID();
  if (!(await acquireRunLock(client, options.waitForLock ?? false))) {
    return { ...emptySummary(runId, false), status: 'busy' };
  }
  try {
    const full = await shouldFullScan(client, options, started);
    const method = await loadMethodFor(client, options.loadMethod);
    const summary = emptySummary(runId, full);
    summary.load_method = method.name;
    await client.query('INSERT INTO etl_runs (run_id, started_at, full_scan) VALUES ($1, $2, $3)', [
      runId,
      new Date(started),
      full,
    ]);
    const skip = (key: string, reason: string) => {
      summary.skipped_keys += 1;
      if (summary.skipped_key_samples.length < SKIPPED_SAMPLES) {
        summary.skipped_key_samples.push({ key, reason });
      }
    };
    for await (const pending of pendingObjects(client, store, scanPrefixes(full, started), skip)) {
      if (summary.pending_at_start === 0) {
        const oldest = receivedAtOfKey(pending.objects[0]!.key) ?? started;
        summary.oldest_pending_age_s = Math.max(0, Math.round((started - oldest) / 1000));
      }
      summary.pending_at_start += pending.objects.length;
      for (const group of groupObjects(
        pending.objects,
        options.groupLimits ?? DEFAULT_GROUP_LIMITS,
      )) {
        if (options.deadline !== undefined && now() > options.deadline) {
          summary.pending_after += group.length;
          continue;
        }
        const loaded = await loadGroup(client, store, group, {
          runId,
          batchRows: options.batchRows,
          method,
          beforeCommit: options.beforeCommit,
        });
        summary.objects += loaded.objects;
        summary.already_loaded += loaded.alreadyLoaded;
        summary.rows_loaded += loaded.loaded;
        summary.duplicates += loaded.duplicates;
        summary.quarantined += loaded.quarantined;
        options.onProgress?.({
          objects: summary.objects + summary.already_loaded,
          pending: summary.pending_at_start,
          rows: summary.rows_loaded,
          elapsedMs: now() - started,
        });
      }
    }
    const loadedAt = now();
    summary.load_ms = loadedAt - started;
    const derived = await rebuildDerived(client);
    summary.derive_ms = now() - loadedAt;
    summary.derived_days = derived.days;
    summary.sessions_rebuilt = derived.sessions;
    summary.status = summary.pending_after > 0 ? 'partial' : 'done';
    summary.duration_ms = now() - started;
    await client.query('UPDATE etl_runs SET finished_at = now(), summary = $2 WHERE run_id = $1', [
      runId,
      JSON.stringify(summary),
    ]);
    return summary;
  } finally {
    await releaseRunLock(client).catch(() => undefined);
  }
}
