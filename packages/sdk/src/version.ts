/** Replaced with package.json's version by the build (and by vitest's `define`). */
declare const __SDK_VERSION__: string;

/** Sent as `sdk_version`; taken from package.json at build time, so releases keep it right. */
export const SDK_VERSION: string = typeof __SDK_VERSION__ === 'string' ? __SDK_VERSION__ : 'source';
