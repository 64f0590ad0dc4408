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
};

export default config;
