// The release build splits each page into its own wasm chunks (src/app.rs, scripts/split.mjs),
// packed into one file per page (`pack_page_<name>`): a route downloads the main module and its
// page's pack and nothing else, client-side navigation fetches the next page's pack on demand,
// and a pack that cannot be fetched gives a panel, not a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  setupHarness, newPage, gotoApp, expectHeading, expectCleanConsole, serverRequest, routes, routeRel, appUrl, DIST,
} from './harness.mjs';
import { packModule, packIndex, chunkId } from '../../scripts/split.mjs';

setupHarness();

test('a pack lists its chunks itself: packIndex reads back what packModule wrote', () => {
  const files = [
    ['./split_page_roadmap-0123456789abcdef.wasm', Buffer.alloc(70_000, 1)],
    ['./chunk_12-fedcba9876543210.wasm', Buffer.from([0, 97, 115, 109])],
    ['./chunk_9-00000000ffffffff.wasm', Buffer.alloc(0)],
  ];
  const { bytes, index } = packModule(files);
  const read = packIndex(new Uint8Array(bytes));
  assert.deepEqual(Object.fromEntries(read), index);
  for (const [name, body] of files) {
    const [at, length] = read.get(name);
    assert.ok(Buffer.from(bytes.subarray(at, at + length)).equals(body), name);
  }
  assert.deepEqual(files.map(([name]) => chunkId(name)), ['split_page_roadmap', 'chunk_12', 'chunk_9']);
});

const pageOf = (routePath) => (routePath === '/' ? 'overview' : routePath.slice(1));
const packFiles = fs.readdirSync(DIST).filter((f) => /^pack_page_[a-z]+-[0-9a-f]+\.wasm$/.test(f));

/** Record the page packs (`pack_page_<name>`) a page requests, and every wasm request. */
function recordChunks(page) {
  const seen = { pages: [], wasm: [] };
  page.on('request', (req) => {
    const file = new URL(req.url()).pathname.split('/').pop();
    if (file.endsWith('.wasm')) seen.wasm.push(file);
    const m = /^pack_page_([a-z]+)-[0-9a-f]+\.wasm$/.exec(file);
    if (m && !seen.pages.includes(m[1])) seen.pages.push(m[1]);
  });
  return seen;
}

test('the release build has one pack per page, each preloaded by its own route only', async () => {
  assert.deepEqual(
    packFiles.map((f) => f.replace(/^pack_page_([a-z]+)-.*$/, '$1')).sort(),
    routes.map((r) => pageOf(r.path)).sort(),
    'one pack_page_* file per route',
  );
  for (const route of routes) {
    const html = (await serverRequest(routeRel(route.path))).text;
    const preloaded = [...html.matchAll(/<link rel="preload" href="[^"]*\/pack_page_([a-z]+)-[^"]*"[^>]*>/g)].map((m) => {
      assert.match(m[0], /fetchpriority="low"/, 'page chunks must not compete with the first paint');
      return m[1];
    });
    assert.deepEqual(preloaded, [pageOf(route.path)], `${route.path} preloads its own page pack`);
  }
  const notFound = (await serverRequest('no-such-page/')).text;
  assert.doesNotMatch(notFound, /pack_page_/, '404.html preloads no page pack');
});

for (const route of routes) {
  test(`${route.path} fetches the main module and its own page pack, nothing else`, async () => {
    const page = await newPage();
    const seen = recordChunks(page);
    await gotoApp(page, routeRel(route.path), { heading: route.heading });
    await page.waitForLoadState('networkidle');
    assert.deepEqual(seen.pages, [pageOf(route.path)]);
    assert.equal(seen.wasm.length, 2, `wasm requests: ${seen.wasm.join(', ')}`);
    await expectCleanConsole(page);
  });
}

test('client-side navigation fetches the next page pack on demand', async () => {
  const page = await newPage();
  const seen = recordChunks(page);
  await gotoApp(page, 'sources/');
  await page.locator('header nav[aria-label="Main"]').getByRole('link', { name: 'Salaries', exact: true }).click();
  await expectHeading(page, 'Salaries');
  await page.locator('canvas').first().waitFor();
  assert.deepEqual(seen.pages, ['sources', 'salaries']);
  await expectCleanConsole(page);
});

test('a page pack that cannot be fetched gives a panel, and the rest of the site works', async () => {
  const page = await newPage();
  await page.route(/\/pack_page_roadmap-[0-9a-f]+\.wasm$/, (r) => r.abort('failed'));
  await page.goto(appUrl(routeRel('/roadmap')));
  const panel = page.locator('[role="alert"].error-panel');
  await panel.waitFor();
  assert.match(await panel.innerText(), /This page could not be loaded/);
  assert.match(await panel.innerText(), /Check your connection and reload/);
  await page.locator('header nav[aria-label="Main"]').getByRole('link', { name: 'Frameworks', exact: true }).click();
  await expectHeading(page, 'Frameworks');
  // The loader reports the failed fetch in the console; nothing else may go wrong.
  await expectCleanConsole(page, { allow: [/pack_page_roadmap|Failed to fetch|net::ERR_FAILED|TypeError/] });
});

test('a search pack that cannot be fetched says so, and pressing Search again retries', async () => {
  const page = await newPage();
  const block = (r) => r.abort('failed');
  await page.route(/\/pack_search_dialog-[0-9a-f]+\.wasm$/, block);
  await gotoApp(page, routeRel('/sources'), { heading: 'Data sources' });
  const search = page.locator('header .search-button');
  await search.click();
  const failed = page.locator('.search-failed[role="alert"]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /Search could not be loaded/);
  // Close dismisses it; the page is still usable.
  await failed.getByRole('button', { name: 'Close' }).click();
  await failed.waitFor({ state: 'detached' });
  await search.click();
  await failed.waitFor();
  // Back online: pressing Search again loads the dialog.
  await page.unroute(/\/pack_search_dialog-[0-9a-f]+\.wasm$/, block);
  await search.click();
  await page.getByRole('combobox', { name: 'Search' }).waitFor();
  assert.equal(await failed.count(), 0);
  await expectCleanConsole(page, { allow: [/pack_search_dialog|Failed to fetch|net::ERR_FAILED|TypeError/] });
});

test('when the app cannot start at all, the static page says so instead of loading for ever', async () => {
  const page = await newPage();
  await page.route(/\.wasm$/, (r) => r.abort('failed'));
  await page.goto(appUrl(routeRel('/salaries')));
  const status = page.locator('[data-boot] [role="alert"]');
  await status.waitFor();
  assert.match(await status.innerText(), /could not start/);
  // The static header's links are plain links: the site can still be left or reloaded.
  assert.equal(await page.locator('header[data-boot] nav a').count(), 5);
});

// The route files' static header (`bootMarkup` in scripts/postbuild.mjs) is a hand-made copy of
// src/components/header.rs; the app replaces it when it mounts. If the two drift apart, the
// header jumps or changes on every first load.
for (const route of routes) {
  test(`${route.path}: the static first-paint header and heading match what the app draws`, async () => {
    const page = await newPage();
    await gotoApp(page, routeRel(route.path), { heading: route.heading });
    const { staticHtml, appHtml, lead } = await page.evaluate(async (url) => {
      // Markup without Leptos's comment markers, whitespace-only text or the data-boot flag.
      const clean = (el) => {
        const copy = el.cloneNode(true);
        const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_TEXT);
        const drop = [];
        while (walker.nextNode()) {
          const n = walker.currentNode;
          if (n.nodeType === Node.COMMENT_NODE || !n.textContent.trim()) drop.push(n);
        }
        drop.forEach((n) => n.remove());
        copy.removeAttribute('data-boot');
        return copy.outerHTML;
      };
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
      const staticHeader = doc.querySelector('header[data-boot]');
      return {
        staticHtml: staticHeader ? clean(staticHeader) : null,
        appHtml: clean(document.querySelector('header.site-header')),
        lead: [doc.querySelector('main[data-boot] .lead')?.textContent, document.querySelector('main#main .lead')?.textContent],
      };
    }, appUrl(routeRel(route.path)));
    assert.ok(staticHtml, 'the route file has a static header');
    assert.equal(staticHtml, appHtml);
    assert.equal(lead[0], route.lead, 'static lead');
    assert.equal(lead[1], route.lead, 'app lead');
    await expectCleanConsole(page);
  });
}
