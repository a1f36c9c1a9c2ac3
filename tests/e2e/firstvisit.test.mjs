// Issue 25, "First visit: fix what trips people up": one test per point, so that none of them
// comes back. Each test is named by its point's number in the issue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setupHarness, newPage, gotoApp, expectCleanConsole, waitUntil } from './harness.mjs';

setupHarness();

test('13. the Sources page shows titles, publishers and what was taken, no internal file names', async () => {
  const page = await newPage();
  await gotoApp(page, 'sources');
  const cards = page.locator('.source-card');
  await cards.first().waitFor();
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /\d{3}_[0-9a-f]{8,}/, 'no internal file name such as 000_ad37….txt');
  assert.doesNotMatch(text, /\bId\b/, 'no internal id');
  for (const card of await cards.all()) {
    const body = await card.innerText();
    assert.ok((await card.locator('h2').innerText()).length > 0);
    assert.match(body, /Publisher/i);
    assert.match(body, /Year/i);
    assert.match(body, /What Backend Atlas takes from it/);
  }
  const upstaff = cards.filter({ hasText: 'Back-End Web Developer with FastApi Salary in 2024' });
  assert.match(await upstaff.innerText(), /Upstaff/);
  assert.match(await upstaff.innerText(), /A copy supplied with the dataset/);
  await expectCleanConsole(page);
});

test('1. picking frameworks shows a tray where the user is, and "Compare now" moves view and focus to the table', async () => {
  const page = await newPage();
  await gotoApp(page, 'frameworks');
  const tray = page.locator('.compare-tray');
  await page.locator('#framework-sanic').waitFor();
  assert.equal(await tray.isVisible(), false, 'no tray before a pick');
  await page.locator('#framework-sanic').getByRole('button', { name: 'Compare' }).click();
  await tray.waitFor();
  assert.match(await tray.innerText(), /1 of 4 picked: Sanic/);
  assert.equal(await tray.getByRole('button', { name: 'Compare now' }).isDisabled(), true);
  const django = page.locator('#framework-django');
  await django.scrollIntoViewIfNeeded();
  await django.getByRole('button', { name: 'Compare' }).click();
  await waitUntil(async () => /2 of 4 picked: Sanic, Django/.test(await tray.innerText()), 'two picked');
  // The tray is in the window, next to the card just picked.
  const box = await tray.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `tray in view: ${JSON.stringify(box)}`);
  await tray.getByRole('button', { name: 'Compare now' }).click();
  await waitUntil(() => page.evaluate(() => document.activeElement?.id === 'compare-heading'), 'focus on the comparison');
  const heading = await page.locator('#compare-heading').boundingBox();
  assert.ok(heading && heading.y > -1 && heading.y < 900, `comparison in view: ${JSON.stringify(heading)}`);
  assert.match(await page.locator('#compare-heading').innerText(), /Comparing Sanic, Django/);
  await expectCleanConsole(page);
});

test('2. four compared frameworks fit 1280 px; on a phone the row labels stay while the table scrolls', async () => {
  const page = await newPage({ viewport: { width: 1280, height: 800 } });
  await gotoApp(page, 'frameworks?compare=fastapi,flask,django,sanic');
  const table = page.locator('.compare-table');
  await table.waitFor();
  const [scroll, client] = await table.locator('xpath=..').evaluate((el) => [el.scrollWidth, el.clientWidth]);
  assert.ok(scroll <= client, `no sideways scrolling at 1280 px: ${scroll} > ${client}`);
  await page.setViewportSize({ width: 390, height: 844 });
  const box = table.locator('xpath=..');
  await box.evaluate((el) => { el.scrollLeft = 300; });
  const label = table.locator('tr[data-row="pros"] th');
  const [labelLeft, boxLeft] = await Promise.all([label.evaluate((el) => el.getBoundingClientRect().left), box.evaluate((el) => el.getBoundingClientRect().left)]);
  assert.ok(Math.abs(labelLeft - boxLeft) < 2, `the row label stays at the left edge: ${labelLeft} vs ${boxLeft}`);
  await expectCleanConsole(page);
});

test('3. the page opens on FastAPI, links to the chooser near the top, and says once what is not stated', async () => {
  const page = await newPage();
  await gotoApp(page, 'frameworks');
  const names = page.locator('.framework-card h3');
  await names.first().waitFor();
  assert.deepEqual((await names.allTextContents()).slice(0, 4), ['FastAPI', 'Flask', 'Django', 'Sanic']);
  // A card the sources say nothing more about is compact and says so once.
  const express = page.locator('#framework-express');
  await express.waitFor();
  assert.ok(await express.evaluate((el) => el.classList.contains('compact')));
  const text = await express.innerText();
  assert.equal(text.match(/Not stated in the sources/g)?.length, 1, text);
  assert.doesNotMatch(text, /The sources list no/);
  // The chooser is one click from the top.
  const link = page.getByRole('link', { name: /which should I choose/i });
  const top = await link.boundingBox();
  assert.ok(top && top.y < 800, `chooser link near the top: ${JSON.stringify(top)}`);
  await link.click();
  await waitUntil(() => page.evaluate(() => document.activeElement?.id === 'chooser-heading'), 'focus on the chooser');
  // An old-style name-sorted link still opens sorted by name.
  await gotoApp(page, 'frameworks?sort=name');
  await names.first().waitFor();
  assert.equal(await names.first().innerText(), 'ASP.NET');
  await expectCleanConsole(page);
});

test('4. each pro, con, fact and "use it when" line names its own source, in the card and the table', async () => {
  const page = await newPage();
  await gotoApp(page, 'frameworks?compare=fastapi,flask');
  const card = page.locator('#framework-fastapi');
  await card.waitFor();
  const sources = await card.locator('.cite-list li').allInnerTexts();
  const sourceOf = async (locator) => {
    const n = Number(await locator.locator('.cite a').innerText());
    return sources[n - 1];
  };
  // FastAPI's pros come from the hiring guide; its summary from the Upstaff page.
  const pros = card.locator('h4:text-is("Pros") + ul > li');
  assert.equal(await pros.count(), 4);
  for (const pro of await pros.all()) assert.match(await sourceOf(pro), /FastAPI hiring guide/);
  assert.match(await sourceOf(card.locator(':scope > p').first()), /Upstaff FastAPI salary statistics/);
  for (const li of await card.locator('h4:text-is("Use it when") + ul > li').all()) assert.match(await sourceOf(li), /FastAPI hiring guide/);
  // In the comparison table too: each run of lines from one source ends with its name.
  const table = page.locator('.compare-table');
  await table.waitFor();
  const fastapiPros = table.locator('tr[data-row="pros"] td').first();
  assert.deepEqual(await fastapiPros.locator('.line-source').allInnerTexts(), ['— FastAPI hiring guide']);
  assert.match(await table.locator('tr[data-row="kind"] td').nth(1).innerText(), /— Upstaff FastAPI salary statistics/);
  await expectCleanConsole(page);
});

test('7. "Salary by years of experience" has a legend of the sources it shows, in their colours', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries');
  const legend = page.locator('figure:has(#salary-years-title) .legend.static li');
  await legend.first().waitFor();
  await legend.first().scrollIntoViewIfNeeded();
  const names = await legend.allInnerTexts();
  assert.ok(names.some((n) => /Upstaff/.test(n)) && names.length >= 3, names.join(' | '));
  // The swatch has the colour the seniority chart's legend gives the same source.
  const swatch = (locator) => locator.locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
  const upstaffTop = page.locator('.legend button.legend-item', { hasText: 'Upstaff' });
  assert.equal(await swatch(legend.filter({ hasText: 'Upstaff' })), await swatch(upstaffTop));
  // A link that shows one source shows one legend entry.
  await gotoApp(page, 'salaries?sources=upstaff-fastapi-2024');
  await waitUntil(async () => (await legend.count()) === 1, 'one legend entry');
  await expectCleanConsole(page);
});

test("5. Hiring's senior-ranges link leads to a chart that has the hiring guide's own senior US range", async () => {
  const page = await newPage();
  await gotoApp(page, 'hiring');
  await page.getByRole('link', { name: /Compare with senior ranges from other sources/ }).click();
  await page.waitForURL(/salaries/);
  const fig = page.locator('figure:has(#salary-ranges-title)');
  await fig.getByRole('button', { name: 'Table' }).click();
  const rows = fig.locator('table tbody tr');
  await rows.first().waitFor();
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
  const guide = cells.find((r) => r.some((c) => /FastAPI hiring guide/.test(c)));
  assert.ok(guide, JSON.stringify(cells));
  assert.ok(guide.includes('Senior Salary (US)') && guide.includes('$150,000') && guide.includes('$200,000'), guide.join(' | '));
  assert.ok(cells.every((r) => /Senior/.test(r[0])), 'the link shows senior ranges only');
  // Its legend entry has the hiring guide's colour, like every chart.
  assert.ok(await page.locator('.legend button.legend-item', { hasText: 'FastAPI hiring guide' }).isVisible());
  await expectCleanConsole(page);
});

test('14. the roadmap asks before an import replaces progress, its keyboard help is true, and phone stage tabs show names', async () => {
  const page = await newPage();
  await gotoApp(page, 'roadmap');
  const item = (id) => page.locator(`#item-${id}`);
  const stateOf = (id) => item(id).getAttribute('data-state');
  await item('advanced-docker').getByRole('button', { name: 'Done' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress (JSON)' }).click(),
  ]);
  const exported = fs.readFileSync(await download.path());
  await item('advanced-docker').getByRole('button', { name: 'Not started' }).click();
  await item('foundation-language').getByRole('button', { name: 'Learning' }).click();
  // Importing over existing progress asks first; Cancel changes nothing.
  const input = page.locator('input[type="file"]');
  await input.setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: exported });
  const confirm = page.getByRole('alertdialog', { name: 'Replace your progress?' });
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /1 item\(s\) marked.*1 item\(s\) marked/s);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('.import-ok', { hasText: 'Nothing changed' }).waitFor();
  assert.equal(await stateOf('foundation-language'), 'learning');
  assert.equal(await stateOf('advanced-docker'), 'not_started');
  await input.setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: exported });
  await confirm.getByRole('button', { name: 'Replace mine' }).click();
  await page.locator('.import-ok', { hasText: 'Imported progress' }).waitFor();
  assert.equal(await stateOf('advanced-docker'), 'done');
  assert.equal(await stateOf('foundation-language'), 'not_started');
  // The help's "next item" key moves to the next item.
  const first = page.locator('li.item').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  const [firstId, secondId, focused] = await page.evaluate(() => {
    const items = document.querySelectorAll('li.item');
    return [items[0].id, items[1].id, document.activeElement?.id];
  });
  assert.equal(focused, secondId);
  await page.keyboard.press('k');
  assert.equal(await page.evaluate(() => document.activeElement?.id), firstId);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  assert.match(await help.innerText(), /move to the next item/);
  assert.doesNotMatch(await help.innerText(), /Tab\s+move to the next item/);
  await page.keyboard.press('Escape');
  // At 390 px the stage tabs show the stages' names, not "1. …".
  await page.setViewportSize({ width: 390, height: 844 });
  const labels = page.locator('.timeline-label');
  for (const label of await labels.all()) {
    const [scroll, client, text] = await label.evaluate((el) => [el.scrollWidth, el.clientWidth, el.textContent]);
    assert.ok(scroll <= client, `"${text}" is cut off (${scroll} > ${client})`);
  }
  await expectCleanConsole(page);
});

test("11. after a client-side navigation focus is on the new page's heading; the first load keeps the browser's focus", async () => {
  const page = await newPage();
  await gotoApp(page, '');
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'no focus move on the first load');
  await page.locator('header nav').getByRole('link', { name: 'Salaries' }).click();
  await waitUntil(() => page.evaluate(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent.length > 0), 'focus on the heading');
  const [text, title] = await page.evaluate(() => [document.activeElement.textContent, document.title]);
  assert.match(title, new RegExp(text.split(' ')[0], 'i'));
  // And again on the next page.
  await page.locator('header nav').getByRole('link', { name: 'Hiring' }).click();
  await waitUntil(() => page.evaluate(() => document.activeElement?.tagName === 'H1' && /Hiring|hire/i.test(document.activeElement.textContent)), 'focus on the Hiring heading');
  await expectCleanConsole(page);
});

test('9. on a phone the header is one row of at most 64 px, and Menu opens the navigation and theme', async () => {
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await gotoApp(page, 'salaries');
  const header = page.locator('header.site-header:not([data-boot])');
  await header.waitFor();
  const height = await header.evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(height <= 64, `header ${height} px`);
  const menu = header.getByRole('button', { name: 'Menu' });
  const nav = header.getByRole('navigation', { name: 'Main' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await nav.isVisible(), false);
  assert.ok(await header.getByRole('button', { name: 'Search' }).isVisible(), 'search stays in the row');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  assert.ok(await nav.isVisible());
  assert.ok(await header.getByRole('combobox', { name: 'Theme' }).isVisible());
  // Escape closes it and gives focus back to the button.
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('menu-button')), true);
  // A link in it navigates and closes it.
  await menu.click();
  await nav.getByRole('link', { name: 'Roadmap' }).click();
  await page.waitForURL(/roadmap/);
  await waitUntil(async () => (await menu.getAttribute('aria-expanded')) === 'false', 'menu closed after navigating');
  // On a laptop there is no menu: the navigation is in the row.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await menu.isVisible(), false);
  assert.ok(await nav.isVisible());
  await expectCleanConsole(page);
});

test('10. the theme offers system, light and dark, and says which is current', async () => {
  const page = await newPage({ colorScheme: 'dark' });
  await gotoApp(page, '');
  const select = page.getByRole('combobox', { name: 'Theme' });
  const shown = () => select.evaluate((el) => el.selectedOptions[0].textContent);
  assert.equal(await shown(), 'Theme: system');
  await select.selectOption('light');
  assert.equal(await shown(), 'Theme: light');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await select.selectOption('system');
  assert.equal(await shown(), 'Theme: system');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(15, 20, 25)', 'the dark system theme again');
  await expectCleanConsole(page);
});

test('12. a focused chart steps through its data points with the arrow keys, showing and announcing each', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries');
  const fig = page.locator('figure:has(#salary-ranges-title)');
  const canvas = fig.locator('canvas');
  await canvas.waitFor();
  assert.equal(await canvas.getAttribute('tabindex'), '0', 'reachable with Tab');
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  const tip = fig.locator('.chart-tooltip');
  await tip.waitFor();
  const first = await tip.innerText();
  const live = fig.locator('[aria-live="polite"]');
  assert.equal(await live.innerText(), first, 'the same text is announced');
  await page.keyboard.press('ArrowRight');
  await waitUntil(async () => (await tip.innerText()) !== first, 'the next data point');
  await page.keyboard.press('ArrowLeft');
  await waitUntil(async () => (await tip.innerText()) === first, 'back to the first');
  await page.keyboard.press('Escape');
  await waitUntil(async () => (await tip.count()) === 0, 'tooltip closed');
  await expectCleanConsole(page);
});

test('6. at 360 px the offers histogram fits the screen (its labels are placed by crates/atlas-core/tests/charts.rs)', async () => {
  const page = await newPage({ viewport: { width: 360, height: 800 } });
  await gotoApp(page, 'salaries?salary=7000&period=month');
  const example = page.getByRole('button', { name: 'Load example file' });
  await example.waitFor();
  await example.click();
  const canvas = page.locator('figure:has(#offers-histogram-title) canvas');
  await canvas.waitFor();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `histogram within the screen: ${JSON.stringify(box)}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
  // The canvas is drawn at the width it is shown, so its labels are placed for that width.
  const [drawn, shown, ratio] = await canvas.evaluate((c) => [c.width, c.getBoundingClientRect().width, devicePixelRatio]);
  assert.ok(Math.abs(drawn / ratio - shown) < 2, `drawn ${drawn / ratio} px for ${shown} px`);
  await expectCleanConsole(page);
});

test("8. search finds the app's own figures and sections and lands on them (the full list of 30+ queries: crates/atlas-core/tests/search.rs)", async () => {
  const page = await newPage();
  await gotoApp(page, '');
  for (const [query, title, heading] of [
    ['payscale', 'Average pay: back-end vs front-end', 'averages-heading'],
    ['time to hire', 'Market snapshot', 'snapshot-heading'],
    ['principal', 'Principal salaries', 'ranges-heading'],
  ]) {
    await page.keyboard.press('Control+k');
    const box = page.locator('.search-input');
    await box.waitFor();
    await box.fill(query);
    const result = page.locator('.search-result').first();
    await result.waitFor();
    assert.match(await result.innerText(), new RegExp(title.replace(/[()]/g, '\\$&')));
    await result.click();
    await waitUntil(() => page.evaluate((id) => document.activeElement?.id === id, heading), `landed on #${heading} for "${query}"`);
  }
  assert.ok(page.url().includes('levels=principal'), page.url());
  await expectCleanConsole(page);
});
