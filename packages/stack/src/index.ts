export type { StackSettings } from './settings.js';
export { stackSettings } from './settings.js';
export type { StackLockFile } from './stack-lock.js';
export { StackAlreadyRunningError, takeStackLock } from './stack-lock.js';
