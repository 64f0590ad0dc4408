// CPU time of the stack's parts from /proc/<pid>/stat (utime + stime, in clock ticks), summed
// per process group: the supervisor starts each part in a group of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PARTS = [
  ['warehouse', /clicktrail-warehouse/],
  ['ingest', /clicktrail-ingest/],
  ['etl', /clicktrail-etl/],
  ['dashboard', /clicktrail-dashboard/],
  ['cognito', /cognito-local/],
  ['store', /next/],
];

const stat = (pid) => {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name is in parentheses and may hold spaces: count fields after it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { pgrp: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) };
};

/** Each part's process group, named from its leader's command line. */
export function partGroups(dataDir) {
  const lock = JSON.parse(readFileSync(join(dataDir, 'stack.lock'), 'utf8'));
  const groups = new Map();
  for (const group of lock.groups) {
    const command = readFileSync(`/proc/${group}/cmdline`, 'utf8').replaceAll('\0', ' ');
    const name = PARTS.find(([, pattern]) => pattern.test(command))?.[0] ?? `group ${group}`;
    groups.set(group, name);
  }
  return groups;
}

/** CPU ticks used so far per part, plus this process (the simulator) as `simulator`. */
export function cpuTicks(groups) {
  const ticks = { simulator: stat(process.pid).ticks };
  for (const name of groups.values()) ticks[name] = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const { pgrp, ticks: used } = stat(entry);
      const name = groups.get(pgrp);
      if (name) ticks[name] += used;
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks;
}

/** The share of the CPU time between two readings each part used, as fractions. */
export function cpuShares(before, after) {
  const used = Object.fromEntries(
    Object.keys(after).map((name) => [name, after[name] - (before[name] ?? 0)]),
  );
  const total = Object.values(used).reduce((sum, value) => sum + value, 0);
  return {
    total,
    shares: Object.fromEntries(Object.entries(used).map(([k, v]) => [k, total ? v / total : 0])),
  };
}
