// The Offers page (issue 24): two offers entered give first-year and annualized totals and a
// placement against a BLS area and the sources; they survive a reload; nothing is requested
// while they are typed; bad fields get a message at the field and keep what was typed; a share
// link opens read-only and adopting it asks first; corrupt storage is kept as a backup; the
// comparison copies as Markdown and round-trips through the JSON export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setupHarness, newPage, gotoApp, expectCleanConsole, expectNoOffOriginRequests, waitUntil, appUrl } from './harness.mjs';

setupHarness();

const KEY = 'backend-atlas.offers.v1';
const BACKUP = 'backend-atlas.offers.backup';
const stored = async (page) => JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? 'null');

const field = (page, index, name) => page.locator(`#offer-${index}-${name}`);

/** Waits until the location lists are filled (the occupation's file is in). */
async function areasReady(page) {
  await waitUntil(async () => field(page, 0, 'area').isEnabled(), 'the location list is enabled');
}

/** Acme: $150,000, 10 % bonus, $20,000 sign-on, $200,000 over 4 years (12-month cliff), senior, Austin.
 *  Beta: $180,000 and a $50,000 sign-on, no level, no location. */
async function enterTwoOffers(page) {
  await gotoApp(page, 'offers');
  await areasReady(page);
  await field(page, 0, 'label').fill('Acme');
  await field(page, 0, 'area').selectOption('0012420');
  await field(page, 0, 'level').selectOption('senior');
  await field(page, 0, 'base').fill('$150,000');
  await field(page, 0, 'bonus').fill('10');
  await field(page, 0, 'sign-on').fill('20 000');
  await field(page, 0, 'grant').fill('200000');
  await field(page, 1, 'label').fill('Beta');
  await field(page, 1, 'base').fill('180000');
  await field(page, 1, 'sign-on').fill('50000');
}

const cardText = (page, index) => page.locator('.offer-card').nth(index).locator('.offer-totals').innerText();

test('two offers: both totals, the highest, the chart toggle and the placement against Austin and the sources', async () => {
  const page = await newPage();
  await enterTwoOffers(page);
  assert.equal(await cardText(page, 0), 'First year $235,000 · annualized $220,000 (USD a year)');
  assert.equal(await cardText(page, 1), 'First year $230,000 · annualized $192,500 (USD a year)');

  const totals = page.locator('.totals-table tbody tr');
  assert.equal(await totals.count(), 2);
  assert.match(await totals.nth(0).innerText(), /Acme\s+\$235,000 \(highest\)\s+\$220,000 \(highest\)/);
  assert.match(await totals.nth(1).innerText(), /Beta\s+\$230,000\s+\$192,500/);
  // Both methods are written on the page.
  const method = await page.locator('#totals-heading ~ .method').innerText();
  assert.match(method, /First year: base salary \+ annual bonus \+ the whole sign-on bonus/);
  assert.match(method, /Annualized: .*spread over the vesting period/);

  // The chart's table follows the toggle, which is in the URL.
  const chart = page.locator('figure.chart').filter({ has: page.locator('#offers-totals-table') });
  await chart.getByRole('button', { name: 'Table' }).click();
  const table = page.locator('#offers-totals-table');
  assert.match(await table.innerText(), /First year total \(USD a year\)/);
  assert.match(await table.locator('tbody tr').nth(1).innerText(), /Beta\s+\$180,000\s+\$0\s+\$50,000\s+\$0\s+\$0\s+\$230,000\s+\$5,000/);
  await page.getByLabel('Annualized totals').check();
  await waitUntil(() => page.url().includes('total=annualized'), 'total=annualized in the URL');
  await waitUntil(async () => /Annualized total/.test(await table.innerText()), 'the table shows annualized totals');
  assert.match(await table.locator('tbody tr').nth(1).innerText(), /Beta\s+\$180,000\s+\$0\s+\$12,500\s+\$0\s+\$0\s+\$192,500\s+\$27,500/);
  assert.match(await table.locator('tbody tr').nth(0).innerText(), /highest/);

  // Against the market.
  const acme = page.locator('.offer-market').filter({ hasText: 'Acme' });
  await waitUntil(async () => /Austin/.test(await acme.innerText()), 'the Austin placement');
  const acmeText = await acme.innerText();
  // $150,000 between Austin's median ($134,120) and 75th percentile ($168,730): 61st.
  assert.match(acmeText, /Austin-Round Rock-San Marcos, TX: about the 61st percentile among Software Developers \(BLS median \$134,120 a year\)/);
  assert.ok((await acme.locator('tbody tr').count()) > 0, 'the sources\' senior ranges');
  assert.match(await acme.locator('tbody').innerText(), /Senior/);
  const beta = await page.locator('.offer-market').filter({ hasText: 'Beta' }).innerText();
  assert.match(beta, /No level given/);
  assert.match(beta, /No location given/);

  // Another occupation places Austin again, in the URL.
  await page.locator('.occ-field select').selectOption('15-1254');
  await waitUntil(async () => /among Web Developers/.test(await acme.innerText()), 'placed among web developers');
  assert.ok(page.url().includes('occ=15-1254'));
  await expectCleanConsole(page);
  await expectNoOffOriginRequests(page);
});

test('typing offers makes no request at all, and they are still there after a reload', async () => {
  const page = await newPage();
  await gotoApp(page, 'offers');
  await areasReady(page);
  await page.waitForLoadState('networkidle');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await field(page, 0, 'label').fill('Acme');
  await field(page, 0, 'area').selectOption('0012420');
  await field(page, 0, 'base').fill('150000');
  await field(page, 0, 'grant').fill('200000');
  await field(page, 1, 'base').fill('120000');
  await page.getByRole('button', { name: 'Add an offer' }).click();
  await field(page, 2, 'base').fill('99000');
  await page.waitForTimeout(300);
  assert.deepEqual(requests, [], 'no request while offers are entered');
  assert.equal((await stored(page)).offers.length, 3);
  assert.equal((await stored(page)).offers[0].base, '150000');
  assert.ok(!page.url().includes('150000'), 'figures stay out of the URL');

  await page.reload();
  await areasReady(page);
  assert.equal(await field(page, 0, 'label').inputValue(), 'Acme');
  assert.equal(await field(page, 0, 'area').inputValue(), '0012420');
  assert.equal(await field(page, 2, 'base').inputValue(), '99000');
  assert.equal(await cardText(page, 0), 'First year $200,000 · annualized $200,000 (USD a year)');
  await expectCleanConsole(page);
});

test('bad fields get a message at the field and keep what was typed', async () => {
  const page = await newPage();
  await gotoApp(page, 'offers');
  const cases = [
    ['base', '-5', 'An amount cannot be negative.'],
    ['base', '250,000,000', 'That is more than $100,000,000'],
    ['base', 'lots', 'Type a number'],
    ['sign-on', '1e400', 'That is more than $100,000,000'],
  ];
  for (const [name, text, message] of cases) {
    await field(page, 0, name).fill(text);
    const error = page.locator(`#offer-0-${name}-error`);
    await waitUntil(async () => (await error.count()) > 0 && (await error.innerText()).includes(message), `${name}=${text}: ${message}`);
    assert.equal(await field(page, 0, name).getAttribute('aria-invalid'), 'true');
    assert.equal(await field(page, 0, name).inputValue(), text);
    await field(page, 0, name).fill('');
  }
  await field(page, 0, 'base').fill('100000');
  await field(page, 0, 'grant').fill('100000');
  await field(page, 0, 'vesting').fill('0');
  assert.match(await page.locator('#offer-0-vesting-error').innerText(), /at least 1 year/);
  await field(page, 0, 'vesting').fill('2');
  await field(page, 0, 'cliff').fill('36');
  assert.match(await page.locator('#offer-0-cliff-error').innerText(), /cliff cannot be longer than the vesting period/);
  assert.equal(await cardText(page, 0), 'Not compared until the marked fields are fixed.');
  // What was typed, wrong or not, is kept across a reload.
  await page.reload();
  await field(page, 0, 'cliff').waitFor();
  assert.equal(await field(page, 0, 'cliff').inputValue(), '36');
  assert.match(await page.locator('#offer-0-cliff-error').innerText(), /cliff cannot be longer/);
  await field(page, 0, 'cliff').fill('12');
  await waitUntil(async () => (await cardText(page, 0)).startsWith('First year $150,000'), 'fixed: compared again');
  await expectCleanConsole(page);
});

test('a share link says what it holds, opens read-only, and adopting it asks before replacing', async () => {
  const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await enterTwoOffers(page);
  await page.getByRole('button', { name: 'Make a share link…' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Make a share link?' });
  assert.match(await ask.innerText(), /every label, location and figure you typed is written into the link/);
  await ask.getByRole('button', { name: 'Make the link' }).click();
  await waitUntil(async () => /Link copied/.test(await page.locator('.share-offers .share-status').innerText()), 'link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(appUrl('offers/?shared=1.')) || link.startsWith(appUrl('offers?shared=1.')), link);

  // Someone else, with an offer of their own.
  const other = await newPage();
  await gotoApp(other, 'offers');
  await field(other, 0, 'label').fill('Mine');
  await field(other, 0, 'base').fill('1000');
  await other.goto(link);
  const banner = other.getByRole('region', { name: 'Shared offers' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /read-only/);
  assert.equal(await field(other, 0, 'label').inputValue(), 'Acme');
  assert.equal(await field(other, 0, 'base').getAttribute('readonly'), '');
  assert.equal(await other.getByRole('button', { name: 'Add an offer' }).count(), 0);
  assert.equal((await stored(other)).offers[0].label, 'Mine', 'opening the link stored nothing');
  await banner.getByRole('button', { name: 'Keep these offers in this browser' }).click();
  const confirm = other.getByRole('alertdialog', { name: 'Replace your offers?' });
  assert.match(await confirm.innerText(), /Replace the 1 offer\(s\) saved in this browser with the 2 from the link\?/);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await stored(other)).offers[0].label, 'Mine');
  await banner.getByRole('button', { name: 'Keep these offers in this browser' }).click();
  await confirm.getByRole('button', { name: 'Replace mine' }).click();
  await waitUntil(async () => !other.url().includes('shared='), 'the link is left');
  assert.deepEqual((await stored(other)).offers.map((o) => o.label), ['Acme', 'Beta']);
  assert.equal(await field(other, 0, 'base').getAttribute('readonly'), null, 'editable again');
  await expectCleanConsole(other);

  // A damaged link says so and changes nothing.
  await other.goto(link.slice(0, -9));
  const alert = other.getByRole('alert').filter({ hasText: 'cannot be shown' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /damaged/);
  assert.equal(await field(other, 0, 'label').inputValue(), 'Acme');
});

test('corrupt storage shows a notice, keeps a backup and starts clean', async () => {
  const page = await newPage();
  await page.addInitScript(([key]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version":1,"offers":[{"base":5}]');
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY]);
  await gotoApp(page, 'offers');
  const notice = page.locator('.notice').filter({ hasText: 'could not be read' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /backend-atlas\.offers\.backup/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP), '{"version":1,"offers":[{"base":5}]');
  assert.equal(await page.locator('.offer-card').count(), 2);
  await field(page, 0, 'base').fill('90000');
  assert.equal((await stored(page)).offers[0].base, '90000');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP), '{"version":1,"offers":[{"base":5}]', 'the backup stays');
  await expectCleanConsole(page);
});

test('copy as Markdown, export and import (a broken file changes nothing)', async () => {
  const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await enterTwoOffers(page);
  const acme = page.locator('.offer-market').filter({ hasText: 'Acme' });
  await waitUntil(async () => /Austin/.test(await acme.innerText()), 'placement in');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await waitUntil(async () => /copied as Markdown/.test(await page.locator('.transfer').innerText()), 'copied');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /\| Acme \| \$150,000 \| \$15,000 \| \$20,000 \/ \$5,000 \| \$50,000 \/ \$50,000 \| \$0 \| \$235,000 \| \$220,000 \|/);
  assert.match(md, /Highest first-year total: Acme \(\$235,000\)/);
  assert.match(md, /BLS: Austin-Round Rock-San Marcos, TX: about the 61st percentile/);
  assert.match(md, /a summary, not a quote/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export offers (JSON)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'backend-atlas-offers.json');
  const exported = fs.readFileSync(await download.path(), 'utf8');
  assert.equal(JSON.parse(exported).offers[1].label, 'Beta');

  const other = await newPage();
  await gotoApp(other, 'offers');
  const input = other.locator('.transfer input[type="file"]');
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 7, "offers": []}') });
  await waitUntil(async () => /format version 7.*Nothing changed/.test(await other.locator('.transfer').innerText()), 'bad file refused');
  await input.setInputFiles({ name: 'o.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await waitUntil(async () => /Imported 2 offer/.test(await other.locator('.transfer').innerText()), 'imported');
  assert.equal(await field(other, 1, 'label').inputValue(), 'Beta');
  assert.equal(await cardText(other, 0), 'First year $235,000 · annualized $220,000 (USD a year)');
  await expectCleanConsole(other);
});

test('search and the Salaries page lead to the offers page', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries');
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search' }).fill('vesting cliff');
  const option = page.getByRole('option').first();
  await option.waitFor();
  assert.match(await option.innerText(), /Total pay per offer/);
  await page.keyboard.press('Enter');
  await waitUntil(() => page.url().includes('/offers'), 'on /offers');
  await page.locator('#offer-0-base').waitFor();
  await gotoApp(page, 'salaries');
  const link = page.getByRole('link', { name: 'Compare them side by side' });
  await link.waitFor();
  assert.ok((await link.getAttribute('href')).endsWith('/offers'));
  await expectCleanConsole(page);
});
