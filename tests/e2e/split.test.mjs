// The release build splits each page into its own wasm chunks (src/app.rs, scripts/split.mjs),
// packed into one file per page (`pack_page_<name>`): a route downloads the main module and its
// page's pack and nothing else, client-side navigation fetches the next page's pack on demand,
// and a pack that cannot be fetched gives a panel, not a blank page. The pure helpers of
// scripts/split.mjs are tested without a build in tests/unit/split.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  blockedPackMessages,
  setupHarness, newPage, gotoApp, expectHeading, expectCleanConsole, serverRequest, routes, routeRel, appUrl, DIST, BASE, waitUntil,
} from './harness.mjs';
import { packIndex } from '../../scripts/split.mjs';

setupHarness();

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
  const mainWasm = fs.readdirSync(DIST).filter((f) => /^backend-atlas-[0-9a-f]+_bg\.wasm$/.test(f));
  assert.equal(mainWasm.length, 1, 'one main module');
  for (const route of routes) {
    const html = (await serverRequest(routeRel(route.path))).text;
    // No preload hint in the HTML: the loader asks for these files once the first paint is up.
    assert.doesNotMatch(html, /<link rel="(?:module)?preload"/, `${route.path} has no preload link`);
    const listed = /<meta name="atlas-preload" content="([^"]*)">/.exec(html)?.[1].split(' ') ?? [];
    assert.deepEqual(
      listed.map((url) => url.split('/').pop().replace(/^pack_page_([a-z]+)-.*$/, 'pack:$1')),
      [mainWasm[0], 'atlas.json', ...(ROUTE_DATA[route.path] ?? []), `pack:${pageOf(route.path)}`],
      `${route.path} lists the main module, the dataset, its own data files and its own page pack`,
    );
    for (const url of listed) assert.ok(url.startsWith(BASE), `${url} is under ${BASE}`);
  }
  const notFound = (await serverRequest('no-such-page/')).text;
  assert.doesNotMatch(notFound, /pack_page_/, '404.html preloads no page pack');
});

// Data files a route preloads besides the dataset (scripts/postbuild.mjs, routeData).
const ROUTE_DATA = { '/locations': ['states-map.json', '15-1252-states.json'] };
// The split points a route fetches once the browser is idle after its first screen (WhenIdle).
const IDLE_PACKS = {
  '/salaries': ['salaries_more'],
  '/locations': ['locations_details'],
  '/frameworks': ['frameworks_more'],
  '/roadmap': ['roadmap_more', 'roadmap_pace'],
  '/offers': ['offers_more'],
};

for (const route of routes) {
  test(`${route.path} fetches the main module and its own page pack, then only what waits for idle`, async () => {
    const page = await newPage();
    const seen = recordChunks(page);
    await gotoApp(page, routeRel(route.path), { heading: route.heading });
    const idle = IDLE_PACKS[route.path] ?? [];
    for (const point of idle) await waitUntil(() => seen.wasm.some((f) => f.startsWith(`pack_${point}-`)), `pack_${point} fetched once idle`);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(seen.pages, [pageOf(route.path)]);
    const expected = idle.map((point) => `pack_${point}`);
    const others = seen.wasm.filter((f) => !/^backend-atlas-|^pack_page_/.test(f)).map((f) => f.replace(/-[0-9a-f]+\.wasm$/, '')).sort();
    assert.deepEqual(others, expected, `wasm requests: ${seen.wasm.join(', ')}`);
    assert.equal(seen.wasm.length, 2 + expected.length, `wasm requests: ${seen.wasm.join(', ')}`);
    await expectCleanConsole(page);
  });
}

// The loader waits for the first contentful paint before it asks for anything of the app
// (scripts/postbuild.mjs, compileFromBytes): the static first paint never waits for, or competes
// with, the app's 250 KB.
for (const route of routes.filter((r) => ['/', '/salaries', '/locations'].includes(r.path))) {
  test(`${route.path}: no file of the app is asked for before the first contentful paint`, async () => {
    const page = await newPage();
    await gotoApp(page, routeRel(route.path), { heading: route.heading });
    const { paint, started } = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      started: performance.getEntriesByType('resource')
        .filter((e) => /\/(?:backend-atlas-[0-9a-f]+\.js|__wasm_split-[0-9a-f]+\.js|[\w-]+\.wasm|[\w.-]+\.json)$/.test(new URL(e.name).pathname))
        .map((e) => [new URL(e.name).pathname.split('/').pop(), e.startTime]),
    }));
    assert.ok(paint > 0, 'a first contentful paint is recorded');
    assert.ok(started.some(([f]) => /^backend-atlas-[0-9a-f]+\.js$/.test(f)), started.join(' '));
    assert.ok(started.some(([f]) => f === 'atlas.json'), started.join(' '));
    for (const [file, at] of started) assert.ok(at >= paint, `${file} asked for at ${at} ms, before the first paint at ${paint} ms`);
  });
}

test('an app module that cannot be fetched gives the "could not start" notice, with the default charts', async () => {
  const page = await newPage();
  await page.route(/\/backend-atlas-[0-9a-f]+\.js$/, (r) => r.abort('failed'));
  await page.goto(appUrl(routeRel('/salaries')));
  const notice = page.locator('[data-boot] .loading[role="alert"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not start/);
  await page.locator('[data-boot] .static-figures svg.static-chart.desktop').waitFor();
});

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

// The Frameworks, Roadmap, Hiring and Offers pages' own stylesheet (style/pages.css): in those
// routes' HTML only; elsewhere the split loader links it with such a page's pack
// (scripts/split.mjs), so a page never shows unstyled, even when the stylesheet is slow to come.
test('the pages\' own stylesheet is left out of other routes\' first load and in before such a page shows', async () => {
  const page = await newPage();
  const css = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop();
    if (file.endsWith('.css')) css.push(file);
  });
  await page.route(/\/pages-[0-9a-f]+\.css$/, async (route) => {
    await new Promise((done) => setTimeout(done, 800));
    await route.continue();
  });
  await gotoApp(page, 'sources/');
  await page.waitForLoadState('networkidle');
  assert.ok(css.some((f) => /^main-/.test(f)) && !css.some((f) => /^pages-/.test(f)), css.join(' '));
  assert.equal(await page.locator('meta[name="atlas-page-styles"]').count(), 1);
  await page.locator('header nav[aria-label="Main"]').getByRole('link', { name: 'Roadmap', exact: true }).click();
  // The first time the page's own markup is there, its styles apply (8px: style/pages.css).
  const button = page.locator('.timeline-button').first();
  await button.waitFor({ state: 'attached' });
  assert.equal(await button.evaluate((el) => getComputedStyle(el).borderTopLeftRadius), '8px');
  assert.ok(css.some((f) => /^pages-/.test(f)), css.join(' '));
  // Their own routes link it in the HTML.
  const roadmap = fs.readFileSync(`${DIST}/roadmap/index.html`, 'utf8');
  assert.match(roadmap, /<link rel="stylesheet" href="[^"]*\/pages-[0-9a-f]+\.css"/);
  assert.doesNotMatch(fs.readFileSync(`${DIST}/locations/index.html`, 'utf8'), /rel="stylesheet" href="[^"]*\/pages-/);
  await expectCleanConsole(page);
});

test('a pages\' stylesheet that cannot be fetched gives the panel, and the next visit gets the page styled', async () => {
  const page = await newPage();
  const block = (route) => route.abort('failed');
  await page.route(/\/pages-[0-9a-f]+\.css$/, block);
  await gotoApp(page, 'sources/');
  const nav = page.locator('header nav[aria-label="Main"]');
  await nav.getByRole('link', { name: 'Roadmap', exact: true }).click();
  const panel = page.locator('[role="alert"].error-panel');
  await panel.waitFor();
  assert.match(await panel.innerText(), /This page could not be loaded/);
  assert.equal(await page.locator('.timeline-button').count(), 0, 'no page without its styles');
  await page.unroute(/\/pages-[0-9a-f]+\.css$/, block);
  await nav.getByRole('link', { name: 'Frameworks', exact: true }).click();
  await expectHeading(page, 'Frameworks');
  await nav.getByRole('link', { name: 'Roadmap', exact: true }).click();
  const button = page.locator('.timeline-button').first();
  await button.waitFor({ state: 'attached' });
  assert.equal(await button.evaluate((el) => getComputedStyle(el).borderTopLeftRadius), '8px');
  await expectCleanConsole(page, {
    allow: [
      { text: /^Failed to load resource: net::ERR_FAILED$/, location: /\/pages-[0-9a-f]+\.css/ },
      { text: /pages-[0-9a-f]+\.css could not be loaded/, location: /\/__wasm_split-[0-9a-f]+\.js:\d+$/ },
    ],
  });
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
  // The browser and the loader report the failed fetch in the console; nothing else may go wrong.
  await expectCleanConsole(page, { allow: blockedPackMessages('pack_page_roadmap') });
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
  await expectCleanConsole(page, { allow: blockedPackMessages('pack_search_dialog') });
});

test('the import code arrives when the import card is first used; a failed fetch says so only on import, and the next import retries', async () => {
  const page = await newPage();
  const seen = recordChunks(page);
  const block = (r) => r.abort('failed');
  await page.route(/\/pack_salaries_import-[0-9a-f]+\.wasm$/, block);
  await gotoApp(page, routeRel('/salaries'), { heading: 'Salaries' });
  await page.waitForLoadState('networkidle');
  assert.ok(!seen.wasm.some((f) => f.startsWith('pack_salaries_import')), `not before the card is used: ${seen.wasm.join(', ')}`);
  // Typing into the card starts the fetch; its failure shows nothing until an import is asked for.
  const warmFailed = page.waitForEvent('requestfailed', (r) => r.url().includes('pack_salaries_import'));
  await page.locator('textarea').fill('salary,offers\n5000,2\n7000,1\n');
  await warmFailed;
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.import-error').count(), 0, 'no message before an import');
  await page.getByRole('button', { name: 'Use pasted text' }).click();
  const failed = page.locator('.import-error[role="alert"]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /importer could not be loaded.*Nothing changed/s);
  // Back online: the next import loads it, and the pack holds only what the page's did not.
  await page.unroute(/\/pack_salaries_import-[0-9a-f]+\.wasm$/, block);
  await page.getByRole('button', { name: 'Use pasted text' }).click();
  const stats = page.locator('[data-testid="offer-stats"]');
  await stats.waitFor();
  assert.match(await page.locator('.imported').innerText(), /Imported 2 rows from pasted text/);
  assert.equal(await failed.count(), 0);
  const importPacks = seen.wasm.filter((f) => f.startsWith('pack_salaries_import'));
  assert.ok(importPacks.length >= 3, `failed fetches, then a good one: ${seen.wasm.join(', ')}`);
  const pagePack = fs.readFileSync(`${DIST}/${seen.wasm.find((f) => f.startsWith('pack_page_salaries'))}`);
  const importPack = fs.readFileSync(`${DIST}/${importPacks.at(-1)}`);
  const inPagePack = new Set(packIndex(new Uint8Array(pagePack)).keys());
  const inImportPack = [...packIndex(new Uint8Array(importPack)).keys()];
  assert.ok(inImportPack.includes('split_salaries_import'), inImportPack.join(', '));
  assert.deepEqual(inImportPack.filter((f) => inPagePack.has(f)), [], 'no chunk downloaded twice');
  await expectCleanConsole(page, { allow: blockedPackMessages('pack_salaries_import') });
});

test('a page\'s nested packs hold only what its own pack does not', () => {
  const packs = fs.readdirSync(DIST).filter((f) => /^pack_[a-z_]+-[0-9a-f]+\.wasm$/.test(f));
  const chunks = (f) => [...packIndex(new Uint8Array(fs.readFileSync(`${DIST}/${f}`))).keys()];
  const nested = packs.filter((f) => /^pack_(salaries_import|salaries_more|locations_details|frameworks_compare|frameworks_chooser|frameworks_more|roadmap_pace|roadmap_note)-/.test(f));
  assert.equal(nested.length, 8, packs.join(', '));
  for (const f of nested) {
    const page = f.replace(/^pack_([a-z]+)_.*$/, '$1');
    const own = new Set(chunks(packs.find((p) => p.startsWith(`pack_page_${page}-`))));
    const inNested = chunks(f);
    assert.ok(inNested.includes(f.replace(/^pack_(.*)-[0-9a-f]+\.wasm$/, 'split_$1')), `${f}: ${inNested.join(', ')}`);
    assert.deepEqual(inNested.filter((c) => own.has(c)), [], `${f} repeats chunks of its page's pack`);
  }
});

test('the Frameworks comparison and chooser arrive when a link asks for them', async () => {
  const page = await newPage();
  const seen = recordChunks(page);
  await gotoApp(page, 'frameworks?compare=fastapi,flask&q1=apis&q2=yes&q3=yes', { heading: 'Frameworks' });
  await page.locator('table.compare-table').waitFor();
  await page.locator('.recommendation').waitFor();
  const nested = seen.wasm.filter((f) => /^pack_frameworks_(compare|chooser)-/.test(f)).map((f) => f.split('-')[0]).sort();
  assert.deepEqual(nested, ['pack_frameworks_chooser', 'pack_frameworks_compare']);
  await expectCleanConsole(page);
});

test('when the app cannot start at all, the static page says so instead of loading for ever', async () => {
  const page = await newPage();
  await page.route(/\.wasm$/, (r) => r.abort('failed'));
  await page.goto(appUrl(routeRel('/salaries')));
  const status = page.locator('[data-boot] [role="alert"]');
  await status.waitFor();
  assert.match(await status.innerText(), /could not start/);
  // The static header's links are plain links: the site can still be left or reloaded.
  assert.equal(await page.locator('header[data-boot] nav a').count(), routes.filter((r) => r.nav).length);
});

test('before the app starts, the static page already wears the stored theme and its theme select says so', async () => {
  const page = await newPage({ colorScheme: 'light' });
  await page.route(/\.wasm$/, (r) => r.abort('failed'));
  await page.addInitScript(() => localStorage.setItem('backend-atlas.theme', 'dark'));
  await page.goto(appUrl(routeRel('/salaries')));
  await page.locator('[data-boot] [role="alert"]').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.locator('header[data-boot] .theme-select').inputValue(), 'dark');
});

test('before the app starts, with no stored choice the theme select says system', async () => {
  const page = await newPage({ colorScheme: 'dark' });
  await page.route(/\.wasm$/, (r) => r.abort('failed'));
  await page.goto(appUrl(routeRel('/')));
  await page.locator('[data-boot] [role="alert"]').waitFor();
  assert.equal(await page.locator('header[data-boot] .theme-select').inputValue(), 'system');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
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
