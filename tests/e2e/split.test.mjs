// The release build splits each page into its own wasm chunk (src/app.rs, scripts/split.mjs):
// a route downloads its page's code and no other page's, client-side navigation fetches the
// next page's chunk on demand, and a chunk that cannot be fetched gives a panel, not a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  setupHarness, newPage, gotoApp, expectHeading, expectCleanConsole, serverRequest, routes, routeRel, appUrl, DIST,
} from './harness.mjs';

setupHarness();

const pageOf = (routePath) => (routePath === '/' ? 'overview' : routePath.slice(1));
const chunkFiles = fs.readdirSync(DIST).filter((f) => /^split_page_[a-z]+-[0-9a-f]+\.wasm$/.test(f));

/** Record the page chunks (`split_page_<name>`) a page requests. */
function recordChunks(page) {
  const seen = [];
  page.on('request', (req) => {
    const m = /\/split_page_([a-z]+)-[0-9a-f]+\.wasm$/.exec(new URL(req.url()).pathname);
    if (m && !seen.includes(m[1])) seen.push(m[1]);
  });
  return seen;
}

test('the release build has one chunk per page, each preloaded by its own route only', async () => {
  assert.deepEqual(
    chunkFiles.map((f) => f.replace(/^split_page_([a-z]+)-.*$/, '$1')).sort(),
    routes.map((r) => pageOf(r.path)).sort(),
    'one split_page_* chunk per route',
  );
  for (const route of routes) {
    const html = (await serverRequest(routeRel(route.path))).text;
    const preloaded = [...html.matchAll(/<link rel="preload" href="[^"]*\/split_page_([a-z]+)-/g)].map((m) => m[1]);
    assert.deepEqual(preloaded, [pageOf(route.path)], `${route.path} preloads its own page chunk`);
  }
  const notFound = (await serverRequest('no-such-page/')).text;
  assert.doesNotMatch(notFound, /split_page_/, '404.html preloads no page chunk');
});

for (const route of routes) {
  test(`${route.path} fetches its own page chunk and no other page's`, async () => {
    const page = await newPage();
    const seen = recordChunks(page);
    await gotoApp(page, routeRel(route.path), { heading: route.heading });
    await page.waitForLoadState('networkidle');
    assert.deepEqual(seen, [pageOf(route.path)]);
    await expectCleanConsole(page);
  });
}

test('client-side navigation fetches the next page chunk on demand', async () => {
  const page = await newPage();
  const seen = recordChunks(page);
  await gotoApp(page, 'sources/');
  await page.locator('header nav[aria-label="Main"]').getByRole('link', { name: 'Salaries', exact: true }).click();
  await expectHeading(page, 'Salaries');
  await page.locator('canvas').first().waitFor();
  assert.deepEqual(seen, ['sources', 'salaries']);
  await expectCleanConsole(page);
});

test('a page chunk that cannot be fetched gives a panel, and the rest of the site works', async () => {
  const page = await newPage();
  await page.route(/\/split_page_roadmap-[0-9a-f]+\.wasm$/, (r) => r.abort('failed'));
  await page.goto(appUrl(routeRel('/roadmap')));
  const panel = page.locator('[role="alert"].error-panel');
  await panel.waitFor();
  assert.match(await panel.innerText(), /This page could not be loaded/);
  assert.match(await panel.innerText(), /Check your connection and reload/);
  await page.locator('header nav[aria-label="Main"]').getByRole('link', { name: 'Frameworks', exact: true }).click();
  await expectHeading(page, 'Frameworks');
  // The loader reports the failed fetch in the console; nothing else may go wrong.
  await expectCleanConsole(page, { allow: [/split_page_roadmap|Failed to fetch|net::ERR_FAILED|TypeError/] });
});
