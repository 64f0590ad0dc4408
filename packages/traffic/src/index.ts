export type { SimEvent } from './model/sim-event.js';
export type { Simulation, SimulationOptions } from './model/simulate.js';
export { simulate } from './model/simulate.js';
export type { Figures, Ledger, ProductFigures } from './truth/ledger.js';
export { FUNNEL_STEPS } from './truth/ledger.js';
export { makeLedger } from './truth/make-ledger.js';
