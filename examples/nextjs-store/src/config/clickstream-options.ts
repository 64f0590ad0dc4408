import type { ClickstreamOptions } from '@clicktrail/sdk';

export const DEFAULT_ENDPOINT = 'http://localhost:3100/clickstream';
export const DEFAULT_APP_ID = 'clicktrail-store';

// Read by name at request time (never `process.env.NEXT_PUBLIC_…` literally, which Next.js
// would freeze into the build), so one build serves any endpoint.
const read = (env: Record<string, string | undefined>, name: string) =>
  env[name]?.trim() || undefined;

/**
 * The SDK's options from the environment: NEXT_PUBLIC_CLICKTRAIL_ENDPOINT,
 * NEXT_PUBLIC_CLICKTRAIL_APP_ID, and for tests and demos NEXT_PUBLIC_CLICKTRAIL_TRACK_BOTS=1
 * (record in headless browsers) and NEXT_PUBLIC_CLICKTRAIL_DEBUG=1.
 */
export function clickstreamOptions(
  env: Record<string, string | undefined> = process.env,
): ClickstreamOptions {
  return {
    endpoint: read(env, 'NEXT_PUBLIC_CLICKTRAIL_ENDPOINT') ?? DEFAULT_ENDPOINT,
    appId: read(env, 'NEXT_PUBLIC_CLICKTRAIL_APP_ID') ?? DEFAULT_APP_ID,
    trackBots: read(env, 'NEXT_PUBLIC_CLICKTRAIL_TRACK_BOTS') === '1',
    debug: read(env, 'NEXT_PUBLIC_CLICKTRAIL_DEBUG') === '1',
  };
}
