// Offline, install and print (issue "Take it with you"), against the release build served like
// GitHub Pages: one visit caches the site (service worker from scripts/pwa.mjs), after which every
// route, a deep link with a query and an unknown path open with the network off; search, the
// hiring kit, the resume check, the offers import, the theme and the
// roadmap work offline; a data file never fetched says so; a new deploy shows "A new version is
// available" and Reload brings it in, with the old cache gone; the manifest and its icons are
// valid and Chromium reports no installability errors; print media hides the navigation and shows
// the address; the offline indicator comes and goes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  setupHarness, newPage, gotoApp, expectHeading, expectCleanConsole, expectNoOffOriginRequests, waitUntil,
  serverRequest, routes, routeRel, appUrl, DIST, BASE, PAGE_H1, NAV_TIMEOUT, CHROMIUM, CHROMIUM_ARGS,
} from './harness.mjs';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { writeServiceWorker } from '../../scripts/pwa.mjs';

setupHarness();

/** A page whose context lets the site register its service worker (the harness blocks it). */
const offlinePage = (options = {}) => newPage({ serviceWorkers: 'allow', ...options });

/** The first visit: the page loads, the service worker registers once the page is idle, installs
 *  (caching the site) and activates. */
async function visitOnce(page, rel = '', url = appUrl(rel)) {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator(PAGE_H1).first().waitFor({ timeout: NAV_TIMEOUT });
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker.state !== 'activated') {
      await new Promise((done) => worker.addEventListener('statechange', () => worker.state === 'activated' && done()));
    }
    // It takes charge of this page too (clientsClaim).
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
    return worker.state;
  });
  assert.equal(state, 'activated');
}

test('the offline client and the service worker start only once the page is interactive', async () => {
  const page = await offlinePage();
  await visitOnce(page, 'salaries/');
  const { interactive, client, wasm } = await page.evaluate(() => ({
    interactive: performance.getEntriesByName('page-interactive')[0]?.startTime,
    client: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/offline.js'))?.startTime,
    wasm: performance.getEntriesByType('resource').filter((e) => /_bg\.wasm$|pack_page_salaries-/.test(e.name)).map((e) => e.startTime),
  }));
  assert.ok(interactive > 0, 'the page marked page-interactive');
  assert.ok(client > interactive, `offline.js at ${client} ms, after interactive at ${interactive} ms`);
  assert.ok(wasm.length >= 2, 'the main module and the page’s pack');
  assert.ok(wasm.every((t) => t < client), 'both came before the offline client');
});

test('after one visit, every route, a deep link with a query and an unknown path open offline', async () => {
  const page = await offlinePage();
  await visitOnce(page);
  await page.context().setOffline(true);
  for (const route of routes) {
    await gotoApp(page, routeRel(route.path), { heading: route.heading });
    assert.equal(await page.locator('.error-panel').count(), 0, `no error panel on ${route.path}`);
  }
  // The app's own links have no trailing slash; a shared link keeps its query.
  await gotoApp(page, 'salaries?levels=senior&period=month', { heading: routes.find((r) => r.path === '/salaries').heading });
  assert.equal(await page.locator('input[name="period"][value="month"]').isChecked(), true, 'the link’s period');
  const levels = await page.locator('input[name="levels"]').evaluateAll((els) => els.filter((e) => e.checked).map((e) => e.value));
  assert.deepEqual(levels, ['senior'], 'the link’s levels');
  await page.locator('canvas.chart-canvas').first().waitFor();
  // Locations draws its default map from the files cached with the site.
  await gotoApp(page, 'locations');
  await page.locator('canvas.chart-canvas').first().waitFor();
  assert.equal(await page.locator('.error-panel').count(), 0, 'Locations’ default files were cached');
  // Any other address is the not-found page, as online.
  await gotoApp(page, 'no/such/page?x=1', { heading: 'Page not found' });
  await expectNoOffOriginRequests(page);
});

test('search and roadmap progress work offline', async () => {
  const page = await offlinePage();
  await visitOnce(page, 'roadmap/');
  await page.context().setOffline(true);
  await gotoApp(page, 'roadmap');
  const item = page.locator('#item-foundation-language');
  await item.getByRole('button', { name: 'Done' }).click();
  assert.equal(await item.getAttribute('data-state'), 'done');
  await page.reload();
  await page.locator('#item-foundation-language').waitFor();
  assert.equal(await page.locator('#item-foundation-language').getAttribute('data-state'), 'done', 'kept across an offline reload');

  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Search' });
  await input.fill('sebastian');
  await page.getByRole('option').first().waitFor();
  assert.match(await page.getByRole('option').first().innerText(), /FastAPI/);
  await page.keyboard.press('Enter');
  await waitUntil(async () => page.url().includes('/frameworks'), 'search led to Frameworks, offline');
  await expectHeading(page, routes.find((r) => r.path === '/frameworks').heading);
  await expectCleanConsole(page, { allow: [/ERR_INTERNET_DISCONNECTED/] });
});

test('the hiring kit, the resume check, the offers import and the theme work offline', async () => {
  const page = await offlinePage();
  await visitOnce(page);
  await page.context().setOffline(true);
  await gotoApp(page, 'hiring?usecase=ml&level=senior');
  await page.locator('.printable-kit h2').waitFor();
  assert.match(await page.locator('.printable-kit').innerText(), /How would you expose a PyTorch model as an API/);
  await page.getByLabel('Resume text').fill('Built REST APIs with FastAPI and asyncio. Uses type hints everywhere.');
  await page.locator('.resume-text mark').first().waitFor();
  assert.ok((await page.locator('.resume-text mark').allTextContents()).includes('asyncio'));

  await page.locator('.site-header nav a', { hasText: 'Salaries' }).click();
  await page.getByRole('button', { name: 'Load example file' }).click();
  await page.locator('[data-testid="offer-stats"]').waitFor();
  assert.match(await page.locator('.imported').innerText(), /example file \(made-up numbers, not market data\)/);

  await page.locator('.site-header .theme-select').selectOption('dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.reload();
  await page.locator(PAGE_H1).first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the choice is kept offline');
  await expectCleanConsole(page, { allow: [/ERR_INTERNET_DISCONNECTED/] });
});

test('offline, a data file never fetched says so in the page, and the rest keeps working', async () => {
  const page = await offlinePage();
  await visitOnce(page, 'locations/');
  await page.context().setOffline(true);
  // Locations' default occupation was cached with the site; another one never was.
  const atlas = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
  const other = atlas.oews.occupations[1].code;
  await gotoApp(page, `locations?occ=${other}`);
  const panel = page.locator('.error-panel').first();
  await panel.waitFor();
  assert.match(await panel.innerText(), /You are offline, and this part was not saved in this browser yet/);
  await page.locator('.site-header nav a', { hasText: 'Salaries' }).click();
  await expectHeading(page, routes.find((r) => r.path === '/salaries').heading);
});

test('the offline indicator appears without the network and goes when it is back', async () => {
  const page = await offlinePage();
  await visitOnce(page);
  const pill = page.locator('.app-status .offline-pill');
  assert.equal(await pill.count(), 0);
  await page.context().setOffline(true);
  await pill.waitFor();
  assert.match(await pill.innerText(), /^Offline/);
  await page.context().setOffline(false);
  await pill.waitFor({ state: 'detached' });
});

test('the web app manifest is valid and its icons load', async () => {
  const res = await serverRequest('manifest.webmanifest');
  assert.equal(res.status, 200);
  const manifest = JSON.parse(res.body.toString('utf8'));
  assert.equal(manifest.name, 'Backend Atlas');
  assert.ok(manifest.short_name && manifest.short_name.length <= 12, manifest.short_name);
  assert.equal(manifest.start_url, BASE);
  assert.equal(manifest.scope, BASE);
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
  const sizes = new Set();
  for (const icon of manifest.icons) {
    assert.ok(icon.src.startsWith(BASE), icon.src);
    const png = await serverRequest(icon.src);
    assert.equal(png.status, 200, icon.src);
    assert.equal(png.body.subarray(1, 4).toString('latin1'), 'PNG', `${icon.src} is a PNG`);
    const [w, h] = [png.body.readUInt32BE(16), png.body.readUInt32BE(20)];
    assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is ${icon.sizes}`);
    sizes.add(`${icon.sizes} ${icon.purpose}`);
  }
  assert.deepEqual([...sizes].sort(), ['192x192 any', '512x512 any', '512x512 maskable']);
  // Every page links it.
  for (const route of routes) {
    const html = (await serverRequest(routeRel(route.path))).body.toString('utf8');
    assert.match(html, /<link rel="manifest" href="manifest.webmanifest">/, route.path);
  }
});

test('Chromium reports no installability errors', async () => {
  // A profile on disk: Chromium never offers to install from an incognito context (Playwright's
  // default), which would be the only error.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, serviceWorkers: 'allow', viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const problems = [];
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
    await visitOnce(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, [], 'the manifest parses without errors');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('printed, a page has no navigation or buttons, shows its address and date, and charts come with their tables', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries?levels=senior');
  await page.locator('canvas.chart-canvas').first().waitFor();
  const charts = await page.locator('figure.chart').count();
  assert.ok(charts >= 1);
  assert.equal(await page.locator('figure.chart table').count(), 0, 'tables stay closed on screen');
  await page.emulateMedia({ media: 'print' });
  await page.locator('.print-stamp').waitFor();
  assert.equal(await page.locator('.site-header').isVisible(), false, 'no header navigation');
  assert.equal(await page.locator('.search-button').isVisible(), false, 'no search');
  assert.equal(await page.locator('.chart-actions').first().isVisible(), false, 'no chart buttons');
  const stamp = await page.locator('.print-stamp').innerText();
  assert.ok(stamp.includes(page.url()), `the address: ${stamp}`);
  assert.match(stamp, /printed \w+ \d{1,2}, \d{4}/);
  // The sections below the first chart may still be arriving (they wait for idle): every chart
  // on the page then, with its table.
  await waitUntil(async () => {
    const [now, tables] = [await page.locator('figure.chart').count(), await page.locator('figure.chart table').count()];
    return now >= charts && tables === now;
  }, 'every chart’s table');
  assert.ok(await page.locator('.source-ref, .cite, [class*="source"]').first().isVisible(), 'sources kept');
  await page.emulateMedia({ media: 'screen' });
  await waitUntil(async () => (await page.locator('figure.chart table').count()) === 0, 'tables closed again');
  assert.equal(await page.locator('.site-header').isVisible(), true);
});

test('the roadmap prints as a checklist: each item with its status in words', async () => {
  const page = await newPage();
  await gotoApp(page, 'roadmap');
  await page.locator('#item-foundation-language').getByRole('button', { name: 'Done' }).click();
  await page.locator('#item-foundation-sql').getByRole('button', { name: 'Learning' }).click();
  await page.emulateMedia({ media: 'print' });
  const status = (id) => page.locator(`#item-${id} .item-row`).evaluate((row) => getComputedStyle(row, '::after').content);
  assert.equal(await status('foundation-language'), '"Done"');
  assert.equal(await status('foundation-sql'), '"Learning"');
  assert.equal(await status('foundation-dev-env-git'), '"Not started"');
  assert.equal(await page.locator('#item-foundation-language .state-buttons').isVisible(), false, 'no status buttons');
  assert.equal(await page.locator('#item-foundation-language .item-text').isVisible(), true, 'the item’s own text');
  assert.ok((await page.locator('.stage h2').count()) > 1, 'every stage');
});

// A new deploy, on a copy of the build this test changes: its own server.
let copy = null;
let server = null;
before(async () => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-deploy-'));
  fs.cpSync(DIST, copy, { recursive: true });
  server = await startServer({ root: copy, base: BASE, port: 0 });
});
after(async () => {
  await server?.close();
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

test('a new deploy installs in the background, says "A new version is available", and Reload brings it in', async () => {
  const page = await offlinePage({ allowOrigins: [server.origin] });
  const home = `${server.origin}${BASE}`;
  await visitOnce(page, '', home);
  const precached = () => page.evaluate(async () => {
    const name = (await caches.keys()).find((k) => k.includes('precache'));
    return (await (await caches.open(name)).keys()).map((r) => r.url);
  });
  const cachedBefore = await precached();

  // Deploy: the home page changes, and so does the service worker's list.
  const index = path.join(copy, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</head>', '<meta name="atlas-test-deploy" content="2"></head>'));
  const { count } = await writeServiceWorker(copy, BASE);

  // The open page keeps working, and is told when the new version has installed.
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const notice = page.locator('.update-notice');
  await notice.waitFor({ timeout: 30_000 });
  assert.match(await notice.innerText(), /A new version of Backend Atlas is available/);
  assert.equal(await page.locator('meta[name="atlas-test-deploy"]').count(), 0, 'no reload by itself');
  await page.waitForTimeout(1000);
  assert.equal(await page.locator('meta[name="atlas-test-deploy"]').count(), 0, 'still the page the reader had');

  // Its files stay cached until it reloads, even those the new deploy no longer has.
  const hiringPack = fs.readdirSync(copy).find((f) => f.startsWith('pack_page_hiring-'));
  fs.renameSync(path.join(copy, hiringPack), path.join(copy, `${hiringPack}.gone`));
  await page.locator('.site-header nav a', { hasText: 'Hiring' }).click();
  await expectHeading(page, routes.find((r) => r.path === '/hiring').heading);
  assert.equal(await page.locator('.error-panel').count(), 0, 'the old version’s pack came from the cache');
  fs.renameSync(path.join(copy, `${hiringPack}.gone`), path.join(copy, hiringPack));

  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
  await page.locator(PAGE_H1).first().waitFor();
  await page.goto(home, { waitUntil: 'load' });
  assert.equal(await page.locator('meta[name="atlas-test-deploy"]').count(), 1, 'the new version');
  const cachedAfter = await precached();
  assert.equal(cachedAfter.length, count, 'the cache holds the new list only');
  const oldHome = cachedBefore.find((u) => /\/index\.html\?__WB_REVISION__=/.test(u) && new URL(u).pathname === `${BASE}index.html`);
  assert.ok(oldHome && !cachedAfter.includes(oldHome), 'the old home page is gone from the cache');
});
