// The default charts drawn at build time (crates/atlas-core/src/prerender.rs, placed by
// scripts/postbuild.mjs): when the app cannot start, the route still shows them with their text
// alternatives under the "could not start" notice; a link with its own query never shows them;
// a normal load never shows them (the live chart is the one drawn).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  setupHarness, newPage, gotoApp, appUrl, routeRel, DIST, PAGE_H1, expectCleanConsole,
} from './harness.mjs';

setupHarness();

/** Opens `rel` with every wasm request failing, and waits for the boot script's notice. */
async function withoutWasm(rel, options) {
  const page = await newPage(options);
  await page.route(/\.wasm$/, (r) => r.abort('failed'));
  await page.goto(appUrl(rel));
  await page.locator('[data-boot] [role="alert"]').waitFor();
  return page;
}

test('with the wasm blocked, /salaries/ still shows the seniority chart and its text alternative', async () => {
  const page = await withoutWasm(routeRel('/salaries'));
  const figure = page.locator('[data-boot] figure.static-figure');
  await figure.waitFor();
  assert.equal(await figure.locator('h3').innerText(), 'Salary by seniority, per source');
  // The desktop drawing shows (a 1280 px window), the phone's is hidden.
  const svg = figure.locator('svg.static-chart.desktop');
  assert.ok(await svg.isVisible());
  assert.equal(await figure.locator('svg.static-chart.phone').isVisible(), false);
  assert.equal(await svg.getAttribute('role'), 'img');
  assert.equal(await svg.getAttribute('aria-label'), 'Chart: Salary by seniority, per source');
  // Its bars: one shape per salary band of the dataset (a range's bar or a single average's dot).
  const dataset = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'atlas.json'), 'utf8'));
  const shapes = await svg.evaluate((el) => el.querySelectorAll('rect[opacity="0.9"], circle[stroke="none"]').length);
  assert.equal(shapes, dataset.salary_bands.length);
  // The text alternative is the live chart's summary, and the accessible description.
  const summary = figure.locator('.chart-summary');
  assert.match(await summary.innerText(), /^Floating bars: \d+ salary figure\(s\) for 6 level\(s\), in US dollars a year\./);
  assert.equal(await svg.getAttribute('aria-describedby'), await summary.getAttribute('id'));
  assert.match(await figure.locator('.static-note').innerText(), /default view/);
  // Under the notice.
  const [notice, chart] = await Promise.all([
    page.locator('[data-boot] [role="alert"]').boundingBox(),
    svg.boundingBox(),
  ]);
  assert.ok(notice.y < chart.y, `notice at ${notice.y}, chart at ${chart.y}`);
  // Drawn at its width: the drawing fills the figure's width at the viewBox's proportions.
  const viewBox = (await svg.getAttribute('viewBox')).split(' ').map(Number);
  assert.ok(Math.abs(chart.height - (chart.width * viewBox[3]) / viewBox[2]) < 1.5, JSON.stringify(chart));
});

test('the drawing follows the theme, and a phone gets the phone drawing', async () => {
  const page = await withoutWasm(routeRel('/salaries'), { colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  const svg = page.locator('[data-boot] svg.static-chart.phone');
  assert.ok(await svg.isVisible());
  assert.equal(await page.locator('[data-boot] svg.static-chart.desktop').isVisible(), false);
  assert.equal(await svg.evaluate((el) => el.viewBox.baseVal.width), 324);
  // The background: charts::ink's dark background, by the system preference.
  const fill = () => svg.evaluate((el) => getComputedStyle(el.querySelector('rect')).fill);
  assert.equal(await fill(), 'rgb(23, 30, 38)');
  // A stored choice of light wins over the system's dark.
  await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  assert.equal(await fill(), 'rgb(255, 255, 255)');
});

test('the Overview and Frameworks pages carry their default charts too', async () => {
  for (const [route, title] of [['/', 'Salary by seniority across sources'], ['/frameworks', 'First release years']]) {
    const page = await withoutWasm(routeRel(route));
    const figure = page.locator('[data-boot] figure.static-figure');
    assert.equal(await figure.count(), 1, route);
    assert.equal(await figure.locator('h3').innerText(), title);
    assert.ok(await figure.locator('svg.static-chart.desktop').isVisible(), route);
  }
});

test('a link with its own query never shows the default drawing as its view', async () => {
  const page = await withoutWasm(`${routeRel('/salaries')}?levels=senior&period=month`);
  assert.equal(await page.locator('[data-boot] .static-figures').isHidden(), true);
  assert.equal(await page.locator('[data-boot] svg.static-chart').first().isVisible(), false);
});

test('with JavaScript off, the default charts show under the page heading', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(appUrl(routeRel('/salaries')));
  const svg = page.locator('[data-boot] svg.static-chart.desktop');
  assert.ok(await svg.isVisible());
  assert.match(await page.locator('[data-boot] .static-note').innerText(), /default view/);
});

test('a normal load never shows the build-time drawing: the live chart is drawn in its frame', async () => {
  const page = await newPage();
  const seen = [];
  await page.exposeFunction('staticSeen', (v) => seen.push(v));
  // Every frame until the app has mounted: is any build-time drawing on screen?
  await page.addInitScript(() => {
    const check = () => {
      const shown = [...document.querySelectorAll('svg.static-chart')].some((el) => el.getBoundingClientRect().height > 0);
      if (shown) window.staticSeen(true);
      if (!performance.getEntriesByName('app-mounted').length) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await gotoApp(page, routeRel('/salaries'));
  await page.locator(PAGE_H1).waitFor();
  await page.locator('figure.chart canvas').first().waitFor();
  assert.deepEqual(seen, []);
  assert.equal(await page.locator('svg.static-chart').count(), 0, 'the static page is gone');
  await expectCleanConsole(page);
});
