/**
 * `@clicktrail/sdk/react`: a provider and hooks for React and Next.js apps. React is an
 * optional peer dependency; nothing here is part of the core bundle.
 */
export { ClickstreamContext } from './context.js';
export { useClickstream, useRecordOnce } from './hooks.js';
export { ClickstreamProvider, type ClickstreamProviderProps } from './provider.js';
