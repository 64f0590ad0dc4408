import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The workspace root, so the SDK linked from packages/sdk is traced and watched.
  outputFileTracingRoot: fileURLToPath(new URL('../..', import.meta.url)),
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
  serverExternalPackages: ['pg', 'aws-jwt-verify'],
  images: { formats: ['image/webp'] },
  // Metadata in the page, not streamed after it: a client navigation then commits the new
  // <title> with the page, so the SDK's page_view (recorded just after pushState) carries it.
  htmlLimitedBots: /./,
};

export default config;
