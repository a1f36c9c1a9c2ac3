// The Locations page (BLS OEWS) in the browser: a shared link reopens its figures and
// percentiles, the map's tooltip and click, the area search and the box plots, search landing
// on an area, a broken OEWS file's panel, and the BLS figures elsewhere in the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setupHarness, newPage, gotoApp, expectCleanConsole, expectNoOffOriginRequests, waitUntil, REPO_ROOT } from './harness.mjs';

setupHarness();

const oews = (code) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public/data/oews', `${code}.json`), 'utf8'));
const usd = (n) => `$${n.toLocaleString('en-US')}`;
const figure = (page, id) => page.locator(`figure:has(#${id}-title)`);

async function tableRows(page, chartId) {
  const fig = figure(page, chartId);
  const button = fig.getByRole('button', { name: 'Table' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const rows = fig.locator('table tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
}

/** The map canvas's point for map coordinates (the 975 × 610 Albers space), in page pixels. */
async function mapPoint(page, x, y) {
  const canvas = figure(page, 'locations-map').locator('canvas');
  await waitUntil(async () => (await canvas.evaluate((c) => c.width)) > 300, 'the map is drawn');
  // The point must be in the viewport for the mouse to reach it: scroll that part of the map in.
  await canvas.evaluate((c, [x, y]) => {
    const r = c.getBoundingClientRect();
    const k = Math.min(r.width / 975, r.height / 610);
    window.scrollBy(0, r.top + y * k - window.innerHeight / 2);
  }, [x, y]);
  const box = await canvas.boundingBox();
  const k = Math.min(box.width / 975, box.height / 610);
  const dx = (box.width - 975 * k) / 2;
  const dy = (box.height - 610 * k) / 2;
  return { x: box.x + dx + x * k, y: box.y + dy + y * k };
}

test('a link with areas, salary and occ opens the expected figures and percentiles', async () => {
  const page = await newPage();
  await gotoApp(page, 'locations?areas=0012420&salary=150000');
  const standing = page.locator('.standing tbody tr');
  await standing.first().waitFor();
  const rows = await standing.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
  assert.deepEqual(rows, [
    ['United States', '$135,980', 'about the 60th percentile'],
    ['Austin-Round Rock-San Marcos, TX', '$134,120', 'about the 61st percentile'],
  ]);
  assert.match(await page.locator('.standing .method').innerText(), /linear interpolation/);
  const boxes = await tableRows(page, 'locations-compare');
  assert.deepEqual(boxes[1].slice(0, 6), ['Austin-Round Rock-San Marcos, TX', '$96,110', '$104,000', '$134,120', '$168,730', '$209,890']);
  // The recruiter's line, with its citation.
  const lines = await page.locator('.pay-range-text').allInnerTexts();
  assert.ok(
    lines.includes('Software Developers, Austin-Round Rock-San Marcos, TX: $104,000 – $168,730 a year (25th–75th percentile, BLS OEWS, May 2025)'),
    lines.join('\n'),
  );
  assert.equal(await page.locator('.notice').count(), 0);
  await expectCleanConsole(page);
  await expectNoOffOriginRequests(page);
});

test('another occupation opens its own file and figures', async () => {
  const web = oews('15-1254');
  const page = await newPage();
  await gotoApp(page, 'locations?occ=15-1254&stat=p90&areas=0600000&span=p10-p90');
  await page.locator('.pay-range-text').first().waitFor();
  assert.equal(await page.locator('select[name="occ"]').inputValue(), '15-1254');
  assert.equal(await page.locator('select[name="stat"]').inputValue(), 'p90');
  const nation = web.areas[0];
  const first = await page.locator('.pay-range-text').first().innerText();
  assert.equal(first, `Web Developers, United States: ${usd(nation.p10)} – ${usd(nation.p90)} a year (10th–90th percentile, BLS OEWS, May 2025)`);
  const map = await tableRows(page, 'locations-map');
  const ca = web.areas.find((a) => a.code === '0600000');
  assert.deepEqual(map.find((r) => r[0] === 'California').slice(1, 2), [usd(ca.p90)]);
  await expectCleanConsole(page);
});

test('another occupation redraws the map, the box plots and the list in place', async () => {
  const web = oews('15-1254');
  const page = await newPage();
  await gotoApp(page, 'locations?areas=0600000');
  const canvas = figure(page, 'locations-map').locator('canvas');
  const california = page.locator('#area-0600000');
  await california.waitFor();
  await page.locator('.pay-range-text').first().waitFor();
  // Tag the nodes: a rebuilt view would come without the tags.
  await canvas.evaluate((c) => { c.dataset.kept = 'map'; });
  await figure(page, 'locations-compare').locator('canvas').evaluate((c) => { c.dataset.kept = 'boxes'; });
  await page.locator('select[name="occ"]').selectOption('15-1254');
  await page.locator('.map-legend-title', { hasText: 'Web Developers: Median, US dollars a year' }).waitFor();
  await page.locator('#locations-compare-summary', { hasText: 'annual wages of Web Developers' }).waitFor();
  assert.equal(await canvas.getAttribute('data-kept'), 'map');
  assert.equal(await figure(page, 'locations-compare').locator('canvas').getAttribute('data-kept'), 'boxes');
  // The map's table and the list now carry the Web Developers figures.
  const ca = web.areas.find((a) => a.code === '0600000');
  const map = await tableRows(page, 'locations-map');
  assert.deepEqual(map.find((r) => r[0] === 'California').slice(1, 2), [usd(ca.median)]);
  await waitUntil(async () => (await california.locator('td').nth(2).innerText()) === usd(ca.median), "California's row shows the Web Developers median");
  // A search keystroke moves the rows that stay; it does not rebuild them.
  await california.evaluate((tr) => { tr.dataset.kept = 'row'; });
  await page.locator('input[name="q"]').fill('c');
  await waitUntil(() => page.url().includes('q=c'), 'q=c in the URL');
  assert.equal(await california.getAttribute('data-kept'), 'row');
  await expectCleanConsole(page);
});

test('hovering the map shows a state tooltip, and clicking it adds the state to the comparison', async () => {
  const page = await newPage();
  await gotoApp(page, 'locations');
  // Central Texas in the map's own coordinates.
  const texas = await mapPoint(page, 470, 470);
  await page.mouse.move(texas.x, texas.y);
  const tip = figure(page, 'locations-map').locator('.chart-tooltip');
  await tip.waitFor();
  const text = await tip.innerText();
  const tx = oews('15-1252').areas.find((a) => a.code === '4800000');
  assert.match(text, new RegExp(`^Texas: Median ${usd(tx.median).replace('$', '\\$')} a year`));
  assert.match(text, /P10–P90 .* employment .*BLS OEWS, May 2025/);
  await page.mouse.click(texas.x, texas.y);
  await waitUntil(() => page.url().includes('areas=4800000'), 'areas=4800000 in the URL');
  await page.locator('.chips li', { hasText: 'Texas' }).waitFor();
  // The keyboard does the same: focus the map, step with the arrows (from the state last shown,
  // in FIPS order: Texas 48, then Utah 49), Enter picks.
  const canvas = figure(page, 'locations-map').locator('canvas');
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await tip.waitFor();
  assert.match(await tip.innerText(), /^Utah: /);
  await page.keyboard.press('Enter');
  await waitUntil(() => page.url().includes('areas=4800000,4900000'), 'Utah added by keyboard');
  await page.keyboard.press('ArrowLeft');
  assert.match(await tip.innerText(), /^Texas: /);
  await expectCleanConsole(page);
});

test('searching the list finds an area, and comparing it draws its box plot', async () => {
  const page = await newPage();
  await gotoApp(page, 'locations');
  const input = page.locator('input[name="q"]');
  await input.waitFor();
  const rows = page.locator('.areas-table tbody tr:not([hidden])');
  await waitUntil(async () => (await rows.count()) === 25, 'the first 25 rows');
  // The list's first rows stay built (hidden) during a search: clearing it shows the same rows.
  await rows.first().evaluate((tr) => { tr.dataset.mark = 'kept'; });
  const firstName = await rows.first().locator('th').innerText();
  await input.fill('austin');
  await waitUntil(async () => (await rows.count()) === 1, 'one row for "austin"');
  assert.match(await rows.first().innerText(), /Austin-Round Rock-San Marcos, TX/);
  assert.ok(page.url().includes('q=austin'), page.url());
  await rows.first().getByRole('button', { name: 'Compare' }).click();
  await waitUntil(() => page.url().includes('areas=0012420'), 'Austin compared');
  const boxes = await tableRows(page, 'locations-compare');
  assert.deepEqual(boxes.map((r) => r[0]), ['United States', 'Austin-Round Rock-San Marcos, TX']);
  // The canvas drew something: not one flat colour.
  const inked = await figure(page, 'locations-compare').locator('canvas').evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const first = d.slice(0, 4).join();
    for (let i = 4; i < d.length; i += 4) if (d.slice(i, i + 4).join() !== first) return true;
    return false;
  });
  assert.ok(inked, 'the box plot canvas has ink');
  await input.fill('');
  await waitUntil(async () => (await rows.count()) === 25, 'the first 25 rows again');
  assert.equal(await rows.first().locator('th').innerText(), firstName);
  assert.equal(await rows.first().getAttribute('data-mark'), 'kept', 'the first row was kept, not rebuilt');
  // The state filter.
  await page.locator('select[name="state"]').selectOption('TX');
  await waitUntil(() => page.url().includes('state=TX'), 'state=TX');
  const names = await rows.locator('th').allInnerTexts();
  assert.ok(names.length > 5 && names.every((n) => /Texas|TX/.test(n)), names.join(' | '));
  await expectCleanConsole(page);
});

test('the area list fits 1280 px without sideways scrolling, and scrolls in its box on a phone', async () => {
  for (const [width, fits] of [[1280, true], [390, false]]) {
    const page = await newPage({ viewport: { width, height: 800 } });
    await gotoApp(page, 'locations');
    const box = page.locator('.areas-table').locator('xpath=..');
    await page.locator('.areas-table tbody tr').first().waitFor();
    const [scroll, client] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.equal(scroll <= client, fits, `${width} px: table ${scroll} px in a ${client} px box`);
    // The page itself never scrolls sideways.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${width} px page`);
    await expectCleanConsole(page);
  }
});

test('site search finds an area and lands on its comparison', async () => {
  const page = await newPage();
  await gotoApp(page, '');
  await page.keyboard.press('Control+k');
  const box = page.locator('.search-input');
  await box.waitFor();
  await box.fill('austin round');
  const result = page.locator('.search-result', { hasText: 'Austin-Round Rock-San Marcos, TX' });
  await result.waitFor({ timeout: 20_000 });
  assert.match(await result.innerText(), /US area/);
  await result.click();
  await waitUntil(() => page.url().includes('locations') && page.url().includes('areas=0012420'), 'landed on Locations');
  await page.locator('.chips li', { hasText: 'Austin' }).waitFor();
  await expectCleanConsole(page);
});

test('a broken OEWS file shows its panel, and the rest of the page works', async () => {
  const page = await newPage();
  await page.route('**/data/oews/15-1252.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"format":1,"areas":[' }),
  );
  await gotoApp(page, 'locations?areas=0012420');
  const panel = page.locator('.error-panel', { hasText: 'data/oews/15-1252.json could not be used' }).first();
  await panel.waitFor();
  assert.match(await panel.innerText(), /not valid JSON/);
  assert.match(await panel.innerText(), /rest of the page and the app keep working/);
  // The page's controls and notes are still there, and another occupation still loads.
  await page.locator('#about-heading').waitFor();
  await page.locator('select[name="occ"]').selectOption('15-1254');
  await figure(page, 'locations-map').waitFor();
  await expectCleanConsole(page, { allow: [/15-1252\.json/] });
});

test('hostile parameters are ignored with a notice', async () => {
  const page = await newPage();
  const junk = encodeURIComponent('<img src=x onerror=window.__pwned=1>');
  await gotoApp(page, `locations?occ=${junk}&areas=${junk},0012420,9999999&stat=p99&q=${junk}`);
  const notice = page.locator('.notice').first();
  await notice.waitFor();
  const text = await page.locator('.notice').allInnerTexts();
  assert.match(text.join('\n'), /Ignored occ value/);
  assert.match(text.join('\n'), /Ignored stat value/);
  await page.locator('.chips li', { hasText: 'Austin' }).waitFor();
  // 9999999 is a well-formed code this occupation does not have: named, not shown.
  assert.match(text.join('\n') + (await page.locator('.notice').allInnerTexts()).join('\n'), /9999999/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await expectCleanConsole(page);
});

test('the BLS figures reach Salaries and the overview, with their source', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries?bls=1');
  assert.equal(await page.locator('input[name="bls"]').isChecked(), true);
  const rows = await tableRows(page, 'salary-ranges');
  const band = rows.find((r) => r[5] === 'reference band');
  assert.ok(band, rows.map((r) => r.join(' ')).join('\n'));
  assert.deepEqual(band.slice(3, 5), ['$82,460', '$214,670']);
  await page.locator('input[name="bls"]').uncheck();
  await waitUntil(() => !page.url().includes('bls=1'), 'bls=1 left the URL');
  await gotoApp(page, '');
  const card = page.locator('.figure-card', { hasText: 'US Software Developers median wage' });
  await card.waitFor();
  assert.match(await card.innerText(), /\$135,980 a year/);
  assert.match(await card.innerText(), /Source: BLS OEWS, 2025/);
  assert.match(await card.innerText(), /May 2025 release/);
  await expectCleanConsole(page);
});
