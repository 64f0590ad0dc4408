import { randomUUID } from 'node:crypto';
import type { RawStore } from '@clicktrail/raw-store';
import { migrate, rebuildDerived } from '@clicktrail/warehouse';
import type { ClientBase } from 'pg';
import { countRejected } from './count-rejected.js';
import { pendingObjects, receivedAtOfKey } from './discover.js';
import { DEFAULT_GROUP_LIMITS, type GroupLimits, groupObjects } from './groups.js';
import { loadGroup } from './load-group.js';
import { type LoadMethod, loadMethodFor } from './load-method.js';
import { Prefetcher, type PrefetchLimits } from './prefetch.js';
import { planScan, recordDay } from './receive-days.js';
import { acquireRunLock, releaseRunLock } from './run-lock.js';
import { emptySummary, type Progress, type RunSummary } from './summary.js';

export interface RunOptions {
  /** true: list all of `events/`. Otherwise a routine run (`planScan`), full only on an empty ledger. */
  fullScan?: boolean | 'auto';
  /** Days by receive time a routine run lists, today included (default 2). */
  recentDays?: number;
  waitForLock?: boolean;
  /**
   * Epoch ms after which the run stops cleanly (`status: "partial"`): listing ends, no new
   * group starts, the derived rebuild is left for the next run. The Lambda's remaining time.
   */
  deadline?: number;
  groupLimits?: GroupLimits;
  /** Objects fetched ahead of the loader (default 16 at once, 64 MB held). */
  prefetch?: PrefetchLimits;
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
export const DEFAULT_RECENT_DAYS = 2;

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
    const late = () => options.deadline !== undefined && now() > options.deadline;
    const plan = await planScan(client, {
      full: options.fullScan === true,
      now: started,
      recentDays: options.recentDays ?? DEFAULT_RECENT_DAYS,
    });
    const method = await loadMethodFor(client, options.loadMethod);
    const summary = emptySummary(runId, plan.full);
    summary.load_method = method.name;
    await client.query('INSERT INTO etl_runs (run_id, started_at, full_scan) VALUES ($1, $2, $3)', [
      runId,
      new Date(started),
      plan.full,
    ]);
    const onSkip = (key: string, reason: string) => {
      summary.skipped_keys += 1;
      if (summary.skipped_key_samples.length < SKIPPED_SAMPLES) {
        summary.skipped_key_samples.push({ key, reason });
      }
    };
    let stopped = false;
    const shouldStop = () => {
      stopped ||= late();
      return stopped;
    };
    const days = pendingObjects(client, store, plan.prefixes, { onSkip, shouldStop });
    for await (const pending of days) {
      if (summary.pending_at_start === 0 && pending.objects.length > 0) {
        const oldest = receivedAtOfKey(pending.objects[0]!.key) ?? started;
        summary.oldest_pending_age_s = Math.max(0, Math.round((started - oldest) / 1000));
      }
      summary.pending_at_start += pending.objects.length;
      let left = 0;
      const prefetcher = new Prefetcher(store, pending.objects, options.prefetch);
      for (const group of groupObjects(
        pending.objects,
        options.groupLimits ?? DEFAULT_GROUP_LIMITS,
      )) {
        if (shouldStop()) {
          left += group.length;
          summary.pending_after += group.length;
          continue;
        }
        const loaded = await loadGroup(client, store, group, {
          runId,
          batchRows: options.batchRows,
          method,
          open: (object) => prefetcher.open(object),
          beforeCommit: options.beforeCommit,
        });
        // Claimed by a concurrent run that may still roll back: not known loaded yet.
        left += loaded.alreadyLoaded;
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
      await recordDay(client, pending.day, {
        objects: pending.listed,
        listedWhole: pending.whole,
        pendingLeft: left,
        listedAt: now(),
      });
    }
    // The events ingest refused on the same receive days, for the dashboard's data health.
    if (!shouldStop()) {
      summary.rejected_events = await countRejected(client, store, plan.prefixes, shouldStop);
    }
    const loadedAt = now();
    summary.load_ms = loadedAt - started;
    // Past the deadline the dirty days stay recorded, and the next run rebuilds them.
    if (!shouldStop()) {
      const derived = await rebuildDerived(client);
      summary.derived_days = derived.days;
      summary.sessions_rebuilt = derived.sessions;
    }
    summary.derive_ms = now() - loadedAt;
    summary.status = stopped || summary.pending_after > 0 ? 'partial' : 'done';
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
