// Script-tag entry: rollup exposes these exports as `window.Clicktrail`.
export { createClickstream } from './create-clickstream.js';
