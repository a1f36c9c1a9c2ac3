// The Salaries page in the browser: URL state as a public contract, hostile queries, the CSV
// import with independently computed statistics, broken CSVs, and chart table views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setupHarness, newPage, gotoApp, expectCleanConsole, waitUntil } from './harness.mjs';

setupHarness();

const chartFigure = (page, id) => page.locator(`figure:has(#${id}-title)`);

async function tableRows(page, chartId) {
  const figure = chartFigure(page, chartId);
  await figure.getByRole('button', { name: 'Table' }).click();
  const rows = figure.locator('table tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
}

test('a link with every parameter reopens exactly that view', async () => {
  const page = await newPage();
  const query = 'levels=junior,senior&sources=upstaff-fastapi-2024&period=month&salary=8000';
  await gotoApp(page, `salaries?${query}`);
  await page.locator('.filters').waitFor();
  const checked = await page.locator('input[name="levels"]').evaluateAll((els) => els.filter((e) => e.checked).map((e) => e.value));
  assert.deepEqual(checked, ['junior', 'senior']);
  assert.equal(await page.locator('input[name="period"][value="month"]').isChecked(), true);
  assert.equal(await page.locator('input[name="salary"]').inputValue(), '8000');
  const pressed = await page.locator('.legend-item').evaluateAll((els) => els.map((e) => [e.textContent.trim(), e.getAttribute('aria-pressed')]));
  assert.deepEqual(pressed.filter(([, p]) => p === 'true').map(([t]) => t), ['Upstaff FastAPI salary statistics, 2024']);
  // Monthly figures are the yearly ones divided by 12.
  const rows = await tableRows(page, 'salary-ranges');
  assert.deepEqual(rows.map((r) => r.slice(0, 2).concat(r.slice(3, 7))), [
    ['Junior', 'Upstaff FastAPI salary statistics, 2024', '$4,167', '$5,833', 'range', 'a month'],
    ['Junior', 'Consensus (median of closed-range midpoints)', '$5,000', '$5,000', 'consensus', 'a month'],
    ['Senior', 'Upstaff FastAPI salary statistics, 2024', '$8,333', '$10,833', 'range', 'a month'],
    ['Senior', 'Consensus (median of closed-range midpoints)', '$9,583', '$9,583', 'consensus', 'a month'],
  ]);
  const standing = page.locator('.standing tbody tr');
  assert.equal(await standing.count(), 2);
  assert.match(await standing.nth(0).innerText(), /Above.*above the range by \$2,167 a month/s);
  assert.match(await standing.nth(1).innerText(), /Below.*below the range by \$333 a month/s);
  assert.ok(/salaries\/?\?/.test(page.url()) && page.url().endsWith(`?${query}`), `URL kept: ${page.url()}`);
  assert.equal(await page.locator('.notice').count(), 0);
  await expectCleanConsole(page);
});

test('the published offer statistics show their period, how it was read, and the yearly conversion', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries?period=year');
  const card = page.locator('.card.published');
  await card.waitFor();
  const text = await card.innerText();
  assert.match(text, /\$7,707 a month \(\$92,484 a year converted ×12\)/);
  assert.match(await card.locator('.period-note').innerText(), /prints no period/);
  await expectCleanConsole(page);
});

test('changing a filter rewrites the URL with replace-navigation', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries');
  await page.locator('.filters').waitFor();
  const before = await page.evaluate(() => history.length);
  await page.getByLabel('Middle', { exact: true }).uncheck();
  await waitUntil(async () => page.url().includes('levels='), 'levels in the URL');
  assert.ok(page.url().endsWith('?levels=junior,senior,lead,architect,principal'), page.url());
  await page.getByLabel('per month', { exact: true }).check();
  await waitUntil(async () => page.url().includes('period=month'), 'period in the URL');
  await page.locator('input[name="salary"]').fill('$7,500');
  await page.locator('input[name="salary"]').press('Enter');
  await waitUntil(async () => page.url().includes('salary=7500'), 'salary in the URL');
  assert.equal(await page.evaluate(() => history.length), before, 'no history entries added');
  // Defaults are left out: ticking Middle again removes levels= entirely.
  await page.getByLabel('Middle', { exact: true }).check();
  await waitUntil(async () => !page.url().includes('levels='), 'levels removed');
  // Switching the period converts "where do I stand" so it means the same salary.
  await page.getByLabel('per year', { exact: true }).check();
  await waitUntil(async () => page.url().includes('salary=90000'), `salary converted: ${page.url()}`);
  assert.ok(!page.url().includes('period='), 'year is the default');
  await expectCleanConsole(page);
});

test('legend entries toggle sources in every chart', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries');
  const legend = page.locator('button.legend-item', { hasText: 'Hire a backend developer page' });
  await legend.click();
  await waitUntil(async () => page.url().includes('sources='), 'sources in the URL');
  assert.equal(await legend.getAttribute('aria-pressed'), 'false');
  const rows = await tableRows(page, 'salary-years');
  assert.ok(rows.length > 0 && rows.every((r) => !r[0].startsWith('Hire a backend')), JSON.stringify(rows));
  await expectCleanConsole(page);
});

const hostile = [
  'levels=<script>alert(1)</script>',
  'salary=-1e999',
  'salary=NaN&period=',
  'levels=junior&levels=senior',
  `sources=${'x'.repeat(10_000)}`,
  'period=weekly&salary=%ZZ&levels=%00,junior',
  'sources=<img src=x onerror=alert(1)>',
];
for (const q of hostile) {
  test(`hostile query is ignored with a notice: ${q.slice(0, 50)}`, async () => {
    const page = await newPage();
    await gotoApp(page, `salaries?${q}`);
    const notice = page.locator('.notice');
    await notice.waitFor();
    const text = await notice.innerText();
    assert.ok(text.length < 2_000, 'long values are not echoed in full');
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.ok(await page.locator('.chart-canvas').first().isVisible());
    await expectCleanConsole(page);
  });
}

const CSV = `salary,offers
4500,10
"$5,000",1
6000;2
6000,2
7000,0
abc,1
`;

test('imported CSV gives the statistics computed independently', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries?salary=5000&period=month');
  await page.locator('textarea').fill(CSV);
  await page.getByRole('button', { name: 'Use pasted text' }).click();
  const stats = page.locator('[data-testid="offer-stats"]');
  await stats.waitFor();
  const cells = Object.fromEntries(await stats.locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent])));
  // Expanded list: 4500 x10, 5000, 6000 x2 (7000 has 0 offers and is not counted) -> n = 13.
  assert.equal(cells['Offers counted'], '13');
  assert.equal(cells['Candidates with offers'], '3');
  assert.equal(cells['Offers per candidate'], '4.33');
  assert.equal(cells['Weighted mean'], '$4,769 a month'); // 62,000 / 13
  assert.equal(cells['Minimum'], '$4,500 a month');
  assert.equal(cells['Weighted median'], '$4,500 a month'); // rank 6 of 0..12
  assert.equal(cells['75th percentile'], '$4,500 a month'); // rank 9
  assert.equal(cells['90th percentile'], '$5,800 a month'); // rank 10.8: 5000 + 0.8 x 1000
  assert.equal(cells['Maximum'], '$6,000 a month');
  const banner = await page.locator('.imported .notice').innerText();
  assert.match(banner, /2 row\(s\) were skipped; the other 4 were used/);
  assert.match(banner, /Line 4:/);
  assert.match(banner, /Line 7:/);
  assert.match(await page.locator('.imported').innerText(), /1 candidate with 0 offers are not counted/);
  // Where do I stand among them: 10 below, 1 equal -> (10 + 0.5) / 13.
  assert.match(await page.locator('[data-testid="offer-rank"]').innerText(), /at the 81st percentile/);
  const hist = await tableRows(page, 'offers-histogram');
  assert.deepEqual(hist.slice(0, 4).map((r) => r.slice(0, 2)), [
    ['$4,500 – under $5,000', '10'],
    ['$5,000 – under $5,500', '1'],
    ['$5,500 – under $6,000', '0'],
    ['$6,000 – under $6,500', '2'],
  ]);
  await expectCleanConsole(page);
});

test('broken CSVs give a clear message and change nothing on screen', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries');
  await page.locator('textarea').fill('salary\n5000\n6000\n');
  await page.getByRole('button', { name: 'Use pasted text' }).click();
  const stats = page.locator('[data-testid="offer-stats"]');
  await stats.waitFor();
  const before = await stats.innerText();
  for (const [csv, message] of [
    ['', /The file is empty/],
    ['   \n\n', /The file is empty/],
    ['salary,offers\nabc,1\n-5,2\n', /None of the 2 row\(s\) could be read/],
    ['salary,offers\n', /header but no rows/],
  ]) {
    await page.locator('textarea').fill(csv);
    await page.getByRole('button', { name: 'Use pasted text' }).click();
    const error = page.locator('.import-error');
    await error.waitFor();
    assert.match(await error.innerText(), message);
    assert.equal(await stats.innerText(), before, 'earlier results kept');
  }
  await expectCleanConsole(page);
});

test('the example file is labelled as an example', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries');
  await page.getByRole('button', { name: 'Load example file' }).click();
  await page.locator('[data-testid="offer-stats"]').waitFor();
  assert.match(await page.locator('.imported').innerText(), /example file \(made-up numbers, not market data\)/);
  await expectCleanConsole(page);
});

test('copy link puts the current URL on the clipboard', async () => {
  const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await gotoApp(page, 'salaries?period=month');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await expectCleanConsole(page);
});

test('file import: a CSV file works, a binary or oversized file is refused and nothing changes', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries');
  const input = page.locator('input[type="file"]');
  await input.setInputFiles({ name: 'offers.csv', mimeType: 'text/csv', buffer: Buffer.from('salary;offers\n5000;2\n7000;1\n') });
  const stats = page.locator('[data-testid="offer-stats"]');
  await stats.waitFor();
  assert.match(await page.locator('.imported').innerText(), /Imported 2 rows from file “offers.csv”/);
  const before = await stats.innerText();
  await input.setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]) });
  await page.locator('.import-error').waitFor();
  assert.match(await page.locator('.import-error').innerText(), /not a text \(CSV\) file/);
  assert.equal(await stats.innerText(), before);
  // Playwright passes large files by path; the app refuses it by size before reading it.
  const huge = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-')), 'huge.csv');
  fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024 + 1, 0x31));
  await input.setInputFiles(huge);
  fs.rmSync(path.dirname(huge), { recursive: true });
  await page.locator('.import-error', { hasText: /at most 50 MB can be imported/ }).waitFor();
  assert.equal(await stats.innerText(), before);
  await expectCleanConsole(page);
});
