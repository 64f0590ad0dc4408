import type { Announcement } from './service.js';
import type { DemoPool } from './services/demo-pool.js';
import type { StackSettings } from './settings.js';

/** The lines printed once every part is ready: where to go, how to log in, where data is. */
export function banner(
  settings: StackSettings,
  parts: ReadonlyArray<{ name: string; announcement: Announcement }>,
  pool: DemoPool | null,
): string[] {
  const lines = ['', 'Clicktrail is running on this machine (Ctrl-C stops everything):'];
  for (const { name, announcement } of parts) {
    const where = announcement.url ?? '';
    lines.push(`  ${name.padEnd(10)} ${where.padEnd(36)} ${announcement.detail ?? ''}`.trimEnd());
  }
  if (pool) lines.push(`  demo login ${pool.username} / ${pool.password}`);
  else if (settings.externalCognito) {
    lines.push(`  login      your Cognito pool ${settings.externalCognito.userPoolId}`);
  }
  // The embedded warehouse is a part and was listed above; a server of the user's is not.
  if (settings.externalWarehouse) lines.push(`  warehouse  ${settings.externalWarehouse}`);
  lines.push(
    `  data       ${settings.dataDir} (raw/ events, dw/ warehouse, cognito/ users, logs/ every part's output)`,
  );
  lines.push('');
  return lines;
}
