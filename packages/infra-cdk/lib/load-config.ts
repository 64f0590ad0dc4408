import { type ClicktrailConfig, defaultConfig } from './config.js';

/** A setting that cannot be deployed: says which key, what was expected, what came. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const cidr = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const retentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653];

function fail(key: string, expected: string, got: unknown): never {
  throw new ConfigError(
    `clicktrail.${key}: expected ${expected}, got ${JSON.stringify(got)?.slice(0, 80)}`,
  );
}

function isCidr(value: string): boolean {
  const m = cidr.exec(value);
  return !!m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
}

/**
 * Merges overrides (the `clicktrail` context value, object or JSON string)
 * over the defaults and refuses unknown keys, so a typo never silently
 * deploys the default.
 */
export function loadConfig(context: unknown): ClicktrailConfig {
  const raw = typeof context === 'string' ? JSON.parse(context) : (context ?? {});
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('', 'an object', raw);
  const config: Record<string, unknown> = { ...defaultConfig };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(key in defaultConfig)) fail(key, `one of ${Object.keys(defaultConfig).join(', ')}`, key);
    const expected = defaultConfig[key as keyof ClicktrailConfig];
    if (Array.isArray(expected) !== Array.isArray(value) || typeof expected !== typeof value) {
      fail(key, Array.isArray(expected) ? 'a list' : `a ${typeof expected}`, value);
    }
    config[key] = value;
  }
  return validate(config as unknown as ClicktrailConfig);
}

function validate(c: ClicktrailConfig): ClicktrailConfig {
  if (!Number.isInteger(c.azCount) || c.azCount < 1 || c.azCount > 3) {
    fail('azCount', 'an integer from 1 to 3', c.azCount);
  }
  for (const key of ['rawBucketName', 'assetsBucketName'] as const) {
    if (!bucketName.test(c[key])) fail(key, 'a valid S3 bucket name', c[key]);
  }
  for (const key of ['oltpAppCidrs', 'oltpAdminCidrs', 'oltpSshCidrs'] as const) {
    for (const value of c[key])
      if (!isCidr(value)) fail(key, 'IPv4 CIDRs like 203.0.113.0/24', value);
  }
  if (c.corsOrigins.length === 0 || c.corsOrigins.some((o) => !/^https?:\/\/[^/]+$/.test(o))) {
    fail('corsOrigins', 'origins like https://shop.example.com (no path)', c.corsOrigins);
  }
  if (!/^(rate|cron)\(.+\)$/.test(c.etlSchedule)) {
    fail('etlSchedule', 'rate(...) or cron(...)', c.etlSchedule);
  }
  if (!retentionDays.includes(c.logRetentionDays)) {
    fail('logRetentionDays', `one of ${retentionDays.join(', ')}`, c.logRetentionDays);
  }
  if (c.rawGlacierDays < c.rawInfrequentAccessDays + 30 || c.rawInfrequentAccessDays < 30) {
    fail('rawGlacierDays', 'Standard-IA after >= 30 days and Glacier >= 30 days later', [
      c.rawInfrequentAccessDays,
      c.rawGlacierDays,
    ]);
  }
  return c;
}
