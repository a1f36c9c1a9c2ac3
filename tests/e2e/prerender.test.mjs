// The default charts drawn at build time (crates/atlas-core/src/prerender.rs, placed by
// scripts/postbuild.mjs):
// - a normal load paints them at once, inside the snapshot of the page (scripts/snapshot.mjs),
//   and the live canvas takes their place without a shift or a blank frame (src/boot.rs);
// - when the app cannot start, the route still shows them with their text alternatives under
//   the "could not start" notice, and with JavaScript off;
// - a link with its own query or fragment never shows them.
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
  // The legend: one coloured item per source the chart draws, as text (no control that does
  // nothing in a page that did not start).
  const legend = figure.locator('ul.legend.static li.legend-item');
  assert.equal(await legend.count(), new Set(dataset.salary_bands.map((b) => b.source)).size);
  assert.equal(await figure.locator('button').count(), 0);
  const swatch = await legend.first().locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(swatch, 'rgba(0, 0, 0, 0)');
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
  const svg = page.locator('[data-boot] .static-figure svg.static-chart.phone');
  assert.ok(await svg.isVisible());
  assert.equal(await page.locator('[data-boot] .static-figure svg.static-chart.desktop').isVisible(), false);
  assert.equal(await svg.evaluate((el) => el.viewBox.baseVal.width), 324);
  // The background: charts::ink's dark background, by the system preference.
  const fill = () => svg.evaluate((el) => getComputedStyle(el.querySelector('rect')).fill);
  assert.equal(await fill(), 'rgb(23, 30, 38)');
  // A stored choice of light wins over the system's dark.
  await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  assert.equal(await fill(), 'rgb(255, 255, 255)');
});

test('the Overview and Frameworks pages carry their default charts too', async () => {
  // The Overview's chart has a legend of its sources; the timeline has none.
  for (const [route, title, legendItems] of [['/', 'Salary by seniority across sources', 4], ['/frameworks', 'First release years', 0]]) {
    const page = await withoutWasm(routeRel(route));
    const figure = page.locator('[data-boot] figure.static-figure');
    assert.equal(await figure.count(), 1, route);
    assert.equal(await figure.locator('h3').innerText(), title);
    assert.ok(await figure.locator('svg.static-chart.desktop').isVisible(), route);
    assert.equal(await figure.locator('ul.legend.static li.legend-item').count(), legendItems, route);
  }
});

test('with the wasm blocked, /locations/ still shows the map: every state\'s outline, at the canvas\'s proportions', async () => {
  const page = await withoutWasm(routeRel('/locations'));
  const figure = page.locator('[data-boot] figure.static-figure');
  await figure.waitFor();
  assert.equal(await figure.locator('h3').innerText(), 'Annual wage by state');
  // One drawing for every width: no text to keep legible, so it scales.
  const svg = figure.locator('svg.static-chart.fluid');
  assert.equal(await svg.count(), 1);
  assert.ok(await svg.isVisible());
  assert.equal(await svg.getAttribute('aria-label'), 'Chart: Annual wage by state');
  const map = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'oews', 'states-map.json'), 'utf8'));
  const rings = map.states.reduce((n, state) => n + state.rings.length, 0);
  // Every ring of every state, as a closed run of moves; one path per colour class.
  const drawn = await svg.evaluate((el) => [...el.querySelectorAll('path')].map((p) => p.getAttribute('d')));
  assert.equal(drawn.join('').match(/M/g).length, rings);
  assert.ok(drawn.length <= 6, `${drawn.length} paths`);
  const summary = figure.locator('.chart-summary');
  assert.match(await summary.innerText(), /^Map of the US states coloured by the median annual wage of Software Developers: \d+ of \d+ states have a figure\./);
  assert.equal(await svg.getAttribute('aria-describedby'), await summary.getAttribute('id'));
  // The legend the summary points to: the colour classes, then the states without a figure.
  assert.match(await summary.innerText(), /Colour classes are in the legend/);
  const items = figure.locator('ul.map-legend li.legend-item');
  assert.ok(await items.count() >= 3);
  assert.equal(await items.last().innerText(), 'not released or no estimate');
  assert.match(await items.first().innerText(), /^under \$[\d,]+$/);
  assert.match(await figure.locator('.map-legend-title').innerText(), /^Software Developers: Median, US dollars a year$/);
  const box = await svg.boundingBox();
  const viewBox = (await svg.getAttribute('viewBox')).split(' ').map(Number);
  assert.ok(Math.abs(box.height - (box.width * viewBox[3]) / viewBox[2]) < 1.5, JSON.stringify(box));
  // A phone gets the same drawing, scaled to its width.
  await page.setViewportSize({ width: 390, height: 844 });
  const small = await svg.boundingBox();
  assert.ok(small.width < box.width && Math.abs(small.height - (small.width * viewBox[3]) / viewBox[2]) < 1.5, JSON.stringify(small));
});

test('a link with its own query never shows the default drawing as its view', async () => {
  const page = await withoutWasm(`${routeRel('/salaries')}?levels=senior&period=month`);
  assert.equal(await page.locator('[data-boot] .static-figures').isHidden(), true);
  assert.equal(await page.locator('[data-boot] svg.static-chart').first().isVisible(), false);
  assert.equal(await page.locator('[data-boot] svg.static-chart').nth(2).isVisible(), false);
  const map = await withoutWasm(`${routeRel('/locations')}?stat=p90`);
  assert.equal(await map.locator('[data-boot] .static-figures').isHidden(), true);
  assert.equal(await map.locator('[data-boot] svg.static-chart.fluid').first().isVisible(), false);
});

test('with JavaScript off, the default charts show under the page heading', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(appUrl(routeRel('/salaries')));
  const svg = page.locator('[data-boot] .static-figure svg.static-chart.desktop');
  assert.ok(await svg.isVisible());
  assert.match(await page.locator('[data-boot] .static-note').innerText(), /default view/);
});

/**
 * Loads `rel` and watches every frame until the live page has taken over: whether the snapshot
 * showed, the chart's frame and drawing in the snapshot and live, frames with no chart at all,
 * and the layout shifts the browser reports.
 */
async function handOver(rel, id, options) {
  const page = await newPage(options);
  await page.addInitScript((id) => {
    const seen = { frames: 0, snapshotFrames: 0, blank: 0, shifts: 0 };
    window.__handOver = seen;
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y + scrollY, width: r.width, height: r.height };
    };
    const shown = (el) => el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility === 'visible';
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) seen.shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    const frame = () => {
      seen.frames += 1;
      const drawing = [...document.querySelectorAll(`main[data-boot] [data-snapshot] svg[data-chart="${id}"], main[data-boot] [data-snapshot] svg.static-chart`)]
        .find(shown);
      const canvas = document.querySelector(`main#main:not([data-boot]) figure[aria-labelledby="${id}-title"] canvas`);
      const drawn = performance.getEntriesByName(`chart:${id}`).length > 0;
      if (drawing) {
        seen.snapshotFrames += 1;
        seen.before = { figure: box(drawing.closest('figure')), chart: box(drawing) };
      } else if (shown(canvas) && drawn) {
        seen.after = { figure: box(canvas.closest('figure')), chart: box(canvas) };
        return; // handed over
      } else if (seen.snapshotFrames > 0) {
        seen.blank += 1;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, id);
  await gotoApp(page, rel);
  await page.waitForFunction(() => window.__handOver.after || window.__handOver.frames > 2000);
  return { page, seen: await page.evaluate(() => window.__handOver) };
}

const near = (a, b) => ['x', 'y', 'width', 'height'].every((k) => Math.abs(a[k] - b[k]) < 1);

for (const [route, id, viewport] of [
  ['/salaries', 'salary-ranges', { width: 1280, height: 800 }],
  ['/salaries', 'salary-ranges', { width: 390, height: 844 }],
  ['/', 'overview-ranges', { width: 1280, height: 800 }],
  ['/frameworks', 'framework-timeline', { width: 1280, height: 800 }],
  ['/locations', 'locations-map', { width: 1280, height: 800 }],
  ['/locations', 'locations-map', { width: 390, height: 844 }],
]) {
  test(`${route} at ${viewport.width} px: the first paint carries the chart, and the live canvas takes its place without a shift`, async () => {
    const { page, seen } = await handOver(routeRel(route), id, { viewport });
    assert.ok(seen.snapshotFrames > 0, 'the drawing showed before the app drew');
    assert.ok(seen.after, 'the live chart took over');
    assert.equal(seen.blank, 0, 'frames with neither the drawing nor the drawn canvas');
    assert.ok(near(seen.before.figure, seen.after.figure), `figure: ${JSON.stringify(seen.before.figure)} -> ${JSON.stringify(seen.after.figure)}`);
    assert.ok(near(seen.before.chart, seen.after.chart), `chart: ${JSON.stringify(seen.before.chart)} -> ${JSON.stringify(seen.after.chart)}`);
    assert.equal(seen.shifts, 0, 'cumulative layout shift');
    // The static page is gone: no second copy of the page, its ids or its drawings.
    assert.equal(await page.locator('[data-boot], svg.static-chart').count(), 0);
    await expectCleanConsole(page);
  });
}

test('the snapshot is a picture of the page: inert, busy, without ids or inline styles', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(appUrl(routeRel('/salaries')));
  const snapshot = page.locator('main[data-boot] > [data-snapshot]');
  assert.equal(await snapshot.count(), 1);
  assert.equal(await snapshot.getAttribute('inert'), '');
  assert.equal(await snapshot.getAttribute('aria-busy'), 'true');
  assert.equal(await snapshot.locator('[id], [style], [name], [for]').count(), 0);
  // The live page's own markup down to the chart: the heading, the filters, the chart's title.
  assert.equal(await snapshot.locator('h1').innerText(), 'Salaries');
  assert.ok(await snapshot.locator('form').count() >= 1, 'the filters');
  assert.equal(await snapshot.locator('figure h3').last().innerText(), 'Salary by seniority, per source');
  assert.equal(await snapshot.locator('svg[data-chart="salary-ranges"]').count(), 2, 'a drawing per width');
  // With JavaScript off it stays out of sight (no boot script: no `boot-default`).
  assert.equal(await snapshot.isVisible(), false);
});

test('a shared link with a query or a fragment never shows the default view, not even at first paint', async () => {
  for (const rel of [`${routeRel('/salaries')}?levels=senior&period=month`, `${routeRel('/salaries')}#salary-ranges-title`, `${routeRel('/locations')}?stat=p90`]) {
    const page = await newPage();
    await page.addInitScript(() => {
      window.__snapshotSeen = 0;
      const frame = () => {
        const snapshot = document.querySelector('[data-snapshot]');
        if (snapshot && snapshot.getBoundingClientRect().height > 0) window.__snapshotSeen += 1;
        if (!performance.getEntriesByName('page-interactive').length) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await gotoApp(page, rel);
    await page.waitForFunction(() => performance.getEntriesByName('page-interactive').length > 0);
    assert.equal(await page.evaluate(() => window.__snapshotSeen), 0, rel);
    await expectCleanConsole(page);
  }
});

test('a normal load never shows the figures meant for a failed start', async () => {
  const page = await newPage();
  await page.addInitScript(() => {
    window.__figuresSeen = 0;
    const frame = () => {
      if ([...document.querySelectorAll('.static-figure')].some((el) => el.getBoundingClientRect().height > 0)) window.__figuresSeen += 1;
      if (!performance.getEntriesByName('page-interactive').length) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await gotoApp(page, routeRel('/salaries'));
  await page.waitForFunction(() => performance.getEntriesByName('page-interactive').length > 0);
  assert.equal(await page.evaluate(() => window.__figuresSeen), 0);
  await page.locator('figure.chart canvas').first().waitFor();
  assert.equal(await page.locator('.static-figure').count(), 0, 'the static page is gone');
  await expectCleanConsole(page);
});
