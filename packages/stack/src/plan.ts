import type { ServiceDefinition } from './service.js';
import { cognitoService } from './services/cognito.js';
import type { DemoPool } from './services/demo-pool.js';
import { demoShopService } from './services/demo-shop.js';
import { etlService } from './services/etl.js';
import { ingestService } from './services/ingest.js';
import type { StackSettings } from './settings.js';

/** What earlier parts found out that later ones need (the demo pool's ids). */
export interface PlanContext {
  pool: DemoPool | null;
}

/** One step of the plan: a part to start, made once the parts before it are ready. */
export type PlannedPart = (context: PlanContext) => ServiceDefinition | null;

/**
 * The parts in start order. A part the environment replaces (a real PostgreSQL, bucket or
 * Cognito pool) is not started: the others are pointed at it instead.
 */
export function stackPlan(settings: StackSettings): PlannedPart[] {
  const storeOrigins = [
    `http://localhost:${settings.ports.store.port}`,
    `http://127.0.0.1:${settings.ports.store.port}`,
  ].join(',');
  const ingestUrl = `http://localhost:${settings.ports.ingest.port}/clickstream`;
  return [
    () => ingestService(settings, storeOrigins),
    () => etlService(settings, {}),
    (context) =>
      settings.externalCognito
        ? null
        : cognitoService(settings, (pool) => {
            context.pool = pool;
          }),
    () => demoShopService(settings, ingestUrl),
  ];
}
