// Screenshots of pages at desktop and phone sizes in light and dark, for looking at what users see.
//   node scripts/screenshots.mjs [--out screenshots] [--base http://127.0.0.1:4173/backend-atlas/] [path ...]
// Paths are relative to the base (default: every route). Prints console problems per page.
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const out = opt('--out', 'screenshots');
const base = opt('--base', 'http://127.0.0.1:4173/backend-atlas/');
// Every route in src/routes.json unless paths are given.
const routePaths = JSON.parse(fs.readFileSync(new URL('../src/routes.json', import.meta.url), 'utf8')).map((r) => r.path.slice(1));
const paths = args.length ? args : routePaths;
const sizes = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
];
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
for (const rel of paths) {
  for (const [sizeName, viewport] of sizes) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: sizeName === 'phone' ? 2 : 1 });
      const problems = [];
      page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      await page.goto(base + rel, { waitUntil: 'networkidle' });
      await page.waitForTimeout(2000); // parts that wait for idle (WhenIdle) arrive
      const name = `${(rel || 'overview').replace(/[^a-z0-9]+/gi, '-')}-${sizeName}-${scheme}.png`;
      await page.screenshot({ path: path.join(out, name), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      console.log(`${name}${overflow > 0 ? ` HORIZONTAL OVERFLOW ${overflow}px` : ''}${problems.length ? '\n  ' + problems.join('\n  ') : ''}`);
      await page.close();
    }
  }
}
await browser.close();
