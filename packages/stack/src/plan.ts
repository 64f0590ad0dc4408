import type { ServiceDefinition } from './service.js';
import { cognitoService } from './services/cognito.js';
import { dashboardService } from './services/dashboard.js';
import type { DemoPool } from './services/demo-pool.js';
import { demoShopService } from './services/demo-shop.js';
import { etlService } from './services/etl.js';
import { ingestService } from './services/ingest.js';
import { storeIsBuilt, storeService } from './services/store.js';
import {
  embeddedWarehouseEnv,
  embeddedWarehouseUrl,
  warehouseService,
} from './services/warehouse.js';
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
  // With a real PostgreSQL the parts read DATABASE_URL / DWH_* from the environment as is.
  const warehouseEnv = settings.externalWarehouse ? {} : embeddedWarehouseEnv(settings);
  const storeDatabase = settings.env.DATABASE_URL || embeddedWarehouseUrl(settings);
  return [
    () => (settings.externalWarehouse ? null : warehouseService(settings)),
    () => ingestService(settings, storeOrigins),
    () => etlService(settings, warehouseEnv),
    () => dashboardService(settings, warehouseEnv),
    (context) =>
      settings.externalCognito
        ? null
        : cognitoService(settings, (pool) => {
            context.pool = pool;
          }),
    (context) =>
      storeIsBuilt(settings)
        ? storeService(settings, ingestUrl, storeDatabase, context.pool)
        : demoShopService(settings, ingestUrl),
  ];
}
