/**
 * Debian's Chromium headless on a machine without internet access: without the
 * background-networking flags its connections are refused many at a time, and it looks up
 * Google's hosts at every start. Shared by the tests' launcher and the simulator's browser
 * driver (which adds its own flags).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
