/** `@clicktrail/dashboard`: the dashboard as a library (the stack's scripts, verify, tests). */
export type { DashboardOptions } from './dashboard.js';
export { createDashboard, LEGACY_BASE } from './dashboard.js';
export type { Query, WarehouseReader } from './db/reader.js';
export { createReader } from './db/reader.js';
export type { Summary } from './queries/summary.js';
export type { RunningDashboard, StartOptions } from './server.js';
export { startDashboard } from './server.js';
