import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ClicktrailStack } from '../lib/clicktrail-stack.js';
import { type LambdaEntries, workspaceEntries } from '../lib/entries.js';
import { loadConfig } from '../lib/load-config.js';

const stub = fileURLToPath(new URL('./fixtures/handler.ts', import.meta.url));
export const stubEntries: LambdaEntries = { ingest: stub, etl: stub };

export interface BuildOptions {
  /** Overrides of the `clicktrail` context. */
  config?: Record<string, unknown>;
  /** Bundle the real workspace entries (slow) instead of skipping bundling. */
  bundle?: boolean;
  nag?: boolean;
  outdir?: string;
}

/** The app exactly as bin/app.ts builds it, with test-sized knobs. */
export function buildApp(options: BuildOptions = {}): { app: App; stack: ClicktrailStack } {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    context: {
      clicktrail: options.config ?? {},
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const config = loadConfig(app.node.tryGetContext('clicktrail'));
  const entries = options.bundle ? workspaceEntries : stubEntries;
  const stack = new ClicktrailStack(app, config.stackName, { config, entries });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
