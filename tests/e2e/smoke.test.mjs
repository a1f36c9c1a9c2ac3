// Smoke tests of the release build (dist/) served like GitHub Pages under BASE:
// every route's document and page, client-side navigation and history, deep
// links with queries, the not-found page, static assets, wasm delivery, the CSP,
// and that nothing leaves the origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import {
  setupHarness, newPage, closePage, gotoApp, expectHeading, expectCleanConsole, expectNoOffOriginRequests,
  expectNoErrorPanel, waitUntil, serverRequest, routes, routeRel, BASE, DIST, htmlTitle, metaContent, parseCsp,
} from './harness.mjs';

setupHarness();

const navRoutes = routes.filter((r) => r.nav !== null);
const routeByPath = (p) => routes.find((r) => r.path === p);
const NOT_FOUND = 'Page not found';

/** Does a location pathname denote this route under BASE (with or without trailing slash)? */
function isRoutePath(pathname, routePath) {
  const want = (BASE + routePath.replace(/^\//, '')).replace(/\/$/, '');
  return pathname.replace(/\/$/, '') === want;
}

const mainNav = (page) => page.locator('header nav[aria-label="Main"]');

/** Wait for the title, then assert it (the app may set it just after mounting). */
async function expectTitle(page, title) {
  await waitUntil(async () => (await page.title()) === title, `title "${title}"`).catch(() => {});
  assert.equal(await page.title(), title, `document.title on ${page.url()}`);
}

/** Exactly the current route's nav link carries aria-current="page" (none for routes outside the nav). */
async function expectCurrentNav(page, route) {
  const nav = mainNav(page);
  for (const r of navRoutes) {
    assert.equal(await nav.getByRole('link', { name: r.nav, exact: true }).count(), 1, `nav link "${r.nav}"`);
  }
  const current = nav.locator('a[aria-current="page"]');
  await waitUntil(async () => (await current.count()) === (route.nav === null ? 0 : 1), 'aria-current to settle').catch(() => {});
  const texts = (await current.allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(texts, route.nav === null ? [] : [route.nav], `aria-current="page" links on ${page.url()}`);
}

/** The CSP meta tag exists and its script policy does not allow inline scripts. */
function expectStrictCsp(html, where) {
  const csp = metaContent(html, { httpEquiv: 'Content-Security-Policy' });
  assert.ok(csp, `${where}: no <meta http-equiv="Content-Security-Policy">`);
  const d = parseCsp(csp);
  const scriptSrc = d['script-src'] ?? d['default-src'];
  assert.ok(scriptSrc, `${where}: CSP has neither script-src nor default-src: ${csp}`);
  assert.ok(!scriptSrc.includes("'unsafe-inline'"), `${where}: script-src allows 'unsafe-inline': ${csp}`);
}

for (const route of routes) {
  const rel = routeRel(route.path);

  test(`document ${BASE}${rel} is served with its own title, description and CSP`, async () => {
    const res = await serverRequest(rel);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/html/);
    assert.equal(htmlTitle(res.text), route.title, 'served <title>');
    assert.equal(metaContent(res.text, { name: 'description' }), route.description, 'served meta description');
    expectStrictCsp(res.text, `${BASE}${rel}`);
  });

  test(`page ${route.path} renders heading, title, current nav link, clean console`, async () => {
    const page = await newPage();
    try {
      const res = await gotoApp(page, rel, { heading: route.heading });
      assert.equal(res.status(), 200);
      assert.ok(isRoutePath(new URL(page.url()).pathname, route.path), `url ${page.url()}`);
      await expectTitle(page, route.title);
      await expectCurrentNav(page, route);
      assert.equal(await page.locator('main#main').count(), 1, '<main id="main">');
      const sources = page.locator('footer').getByRole('link', { name: 'Data sources', exact: true });
      await sources.first().waitFor(); // the footer renders one task after the header
      assert.equal(await sources.count(), 1, 'footer link "Data sources"');
      const href = await sources.evaluate((a) => a.href);
      assert.ok(isRoutePath(new URL(href).pathname, '/sources'), `footer link href ${href}`);
      // The mark the benchmark reads as "interactive": once, after navigation start.
      await waitUntil(async () => (await page.evaluate(() => performance.getEntriesByName('page-interactive').length)) === 1, 'page-interactive marked');
      await expectNoOffOriginRequests(page);
      await expectNoErrorPanel(page);
      await expectCleanConsole(page);
    } finally {
      await closePage(page);
    }
  });
}

test('nav links and Back/Forward navigate without a full reload', async () => {
  const page = await newPage();
  try {
    const overview = routeByPath('/');
    await gotoApp(page, '', { heading: overview.heading });
    await page.evaluate(() => (window.__marker = 1));

    const check = async (route, how) => {
      await expectHeading(page, route.heading);
      assert.ok(isRoutePath(new URL(page.url()).pathname, route.path), `${how}: url ${page.url()}`);
      await expectTitle(page, route.title);
      await expectCurrentNav(page, route);
      assert.equal(await page.evaluate(() => window.__marker), 1, `${how}: page was reloaded`);
    };

    // Visit every nav entry, then come back to the overview.
    const visited = [overview];
    for (const route of [...navRoutes.filter((r) => r.path !== '/'), overview]) {
      await mainNav(page).getByRole('link', { name: route.nav, exact: true }).click();
      await check(route, `click "${route.nav}"`);
      visited.push(route);
    }
    // Footer link to the sources page, also client-side.
    await page.locator('footer').getByRole('link', { name: 'Data sources', exact: true }).click();
    await check(routeByPath('/sources'), 'click footer "Data sources"');
    visited.push(routeByPath('/sources'));

    // Back twice, Forward once.
    await page.goBack();
    await check(visited.at(-2), 'back');
    await page.goBack();
    await check(visited.at(-3), 'back again');
    await page.goForward();
    await check(visited.at(-2), 'forward');
    // "Interactive" is the document's first page, not each client-side navigation.
    assert.equal(await page.evaluate(() => performance.getEntriesByName('page-interactive').length), 1);

    await expectNoOffOriginRequests(page);
    await expectCleanConsole(page);
  } finally {
    await closePage(page);
  }
});

for (const rel of ['roadmap/?x=1', 'roadmap?x=1']) {
  test(`deep link ${BASE}${rel} shows the Roadmap and keeps the query, also after reload`, async () => {
    const roadmap = routeByPath('/roadmap');
    const page = await newPage();
    try {
      await gotoApp(page, rel, { heading: roadmap.heading });
      for (const when of ['first load', 'after reload']) {
        const { pathname, search } = await page.evaluate(() => ({ pathname: location.pathname, search: location.search }));
        assert.ok(isRoutePath(pathname, '/roadmap'), `${when}: pathname ${pathname}`);
        assert.equal(new URLSearchParams(search).get('x'), '1', `${when}: location.search ${search}`);
        if (when === 'first load') {
          await page.reload();
          await expectHeading(page, roadmap.heading);
        }
      }
      await expectNoOffOriginRequests(page);
      await expectCleanConsole(page);
    } finally {
      await closePage(page);
    }
  });
}

for (const rel of ['no-such-page', 'no-such-dir/deeper/page']) {
  test(`unknown path ${BASE}${rel} is a 404 showing "${NOT_FOUND}" with a link to the overview`, async () => {
    const res = await serverRequest(rel);
    assert.equal(res.status, 404);
    assert.match(res.headers['content-type'], /^text\/html/);

    const page = await newPage();
    try {
      const nav = await gotoApp(page, rel, { heading: NOT_FOUND });
      assert.equal(nav.status(), 404);
      assert.ok((await page.title()).startsWith(NOT_FOUND), `title "${await page.title()}"`);
      // No page of the site is current here, so no link may claim aria-current="page" (asserted last).
      const current = await page
        .locator('a[aria-current="page"]')
        .evaluateAll((as) => as.map((a) => `${a.textContent.trim()} -> ${a.getAttribute('href')}`));
      // Any link in <main> that points at the overview.
      const hrefs = await page.locator('main#main a[href]').evaluateAll((as) => as.map((a) => a.href));
      const i = hrefs.findIndex((h) => isRoutePath(new URL(h).pathname, '/'));
      assert.ok(i >= 0, `no link back to the overview in <main>; links: ${hrefs.join(', ')}`);
      await page.locator('main#main a[href]').nth(i).click();
      await expectHeading(page, routeByPath('/').heading);
      assert.ok(isRoutePath(new URL(page.url()).pathname, '/'), `url ${page.url()}`);
      await expectNoOffOriginRequests(page);
      // Chromium logs the 404 of the document itself; that one is expected.
      await expectCleanConsole(page, { allow: [/Failed to load resource: .*\b404\b/] });
      assert.deepEqual(current, [], 'links with aria-current="page" on the not-found page');
    } finally {
      await closePage(page);
    }
  });
}

test('favicon and dataset are served with the right content types', async () => {
  const icon = await serverRequest('favicon.svg');
  assert.equal(icon.status, 200, `${BASE}favicon.svg status`);
  assert.match(icon.headers['content-type'], /^image\/svg\+xml/);
  assert.match(icon.text, /<svg[\s>]/);

  const data = await serverRequest('data/atlas.json');
  assert.equal(data.status, 200, `${BASE}data/atlas.json status`);
  assert.match(data.headers['content-type'], /^application\/json/);
  assert.doesNotThrow(() => JSON.parse(data.text), 'atlas.json parses');
});

// What the release files themselves promise: the page at every other path is 404.html, a copy
// of the app shell that says so in its title, with the same scripts as index.html.
test('404.html is the app shell for unknown paths, titled as such', async () => {
  const notFound = fs.readFileSync(`${DIST}/404.html`, 'utf8');
  const index = fs.readFileSync(`${DIST}/index.html`, 'utf8');
  assert.match(notFound, /<title>Page not found · Backend Atlas<\/title>/);
  const scripts = (html) => [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(scripts(index).length > 0);
  assert.deepEqual(scripts(notFound), scripts(index));
  expectStrictCsp(notFound, `${BASE}404.html`);
});

// The suite's own server (tests/e2e/server.mjs) stands in for GitHub Pages: this checks that the
// build's modules are all referenced and valid wasm, and that the server sends them the way Pages
// does (application/wasm, gzip when accepted), so the other tests see what users get.
test('every wasm module is referenced, and the Pages-like test server sends it as application/wasm, gzip-encoded when accepted', async () => {
  // One main module, plus (in the split release build) a chunk per page and shared chunks.
  const wasmFiles = fs.readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.ok(wasmFiles.length >= 1, 'a wasm module in dist');
  // The loader may live in index.html or in a .js file next to it (moved out of line for the CSP);
  // the chunks are named by the split loader (__wasm_split-*.js).
  const loaders = [(await serverRequest('')).text];
  for (const f of fs.readdirSync(DIST).filter((f) => f.endsWith('.js'))) loaders.push(fs.readFileSync(`${DIST}/${f}`, 'utf8'));
  for (const wasm of wasmFiles) {
    assert.ok(loaders.some((t) => t.includes(wasm)), `neither index.html nor a .js file in dist references ${wasm}`);
    const gz = await serverRequest(wasm, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(gz.status, 200, wasm);
    assert.equal(gz.headers['content-type'], 'application/wasm', wasm);
    assert.equal(gz.headers['content-encoding'], 'gzip', wasm);
    const plain = await serverRequest(wasm);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(zlib.gunzipSync(gz.body), plain.body);
    assert.deepEqual([...plain.body.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], `${wasm}: wasm magic number`);
  }
});

test('index.html has a CSP whose script-src has no unsafe-inline', async () => {
  const res = await serverRequest('');
  assert.equal(res.status, 200);
  expectStrictCsp(res.text, `${BASE}index.html`);
});
