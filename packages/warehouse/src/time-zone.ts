import { WarehouseSettingsError } from './errors.js';

export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * An IANA time zone name in its canonical spelling (`asia/singapore` -> `Asia/Singapore`),
 * or a `WarehouseSettingsError` naming `name` (the variable it came from).
 */
export function checkTimeZone(value: string, name = 'CLICKTRAIL_TIME_ZONE'): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new WarehouseSettingsError(
      `${name} must be an IANA time zone name such as UTC or Asia/Singapore; got "${value}"`,
    );
  }
}

/** The reporting time zone: `CLICKTRAIL_TIME_ZONE`, default UTC. Days are cut in it. */
export function reportingTimeZone(
  // A plain record, not a weak type: Next.js augments ProcessEnv and tsc then refuses it.
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const value = env.CLICKTRAIL_TIME_ZONE?.trim();
  return value ? checkTimeZone(value) : DEFAULT_TIME_ZONE;
}
