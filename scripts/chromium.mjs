// The one Chromium every script and test drives (Playwright's `executablePath`): its path
// (CHROMIUM, default /usr/bin/chromium: ../shared/TOOLCHAIN.md) and the flags that keep it quiet
// and on this machine (no sandbox in the container, no GPU, no background requests, no QUIC to a
// loopback server). Used by tests/e2e/harness.mjs, scripts/bench.mjs, scripts/snapshot.mjs and
// scripts/screenshots.mjs.
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
