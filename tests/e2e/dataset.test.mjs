// The dataset in the browser: a broken or missing data file gives the error panel with the
// reason while navigation keeps working, and hostile text in the data renders as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setupHarness, newPage, gotoApp, expectHeading, expectCleanConsole, blockedPackMessages, REPO_ROOT } from './harness.mjs';

setupHarness();

const realDataset = fs.readFileSync(path.join(REPO_ROOT, 'public/data/atlas.json'), 'utf8');
const fixture = (name) => fs.readFileSync(path.join(REPO_ROOT, 'crates/atlas-core/tests/fixtures', name), 'utf8');

/** Serve `body` (or a bare status) instead of data/atlas.json for this page. */
async function serveDataset(page, { status = 200, body = '' }) {
  await page.route('**/data/atlas.json', (route) =>
    route.fulfill({ status, contentType: 'application/json', body }),
  );
}

const cases = [
  { name: 'missing (404)', serve: { status: 404, body: 'not found' }, expect: /server answered 404/ },
  { name: 'truncated', serve: { body: fixture('truncated.json') }, expect: /not valid JSON \(line \d+, column \d+\)/ },
  { name: 'empty', serve: { body: '' }, expect: /dataset file is empty/ },
  { name: 'wrong types', serve: { body: fixture('wrong_type.json') }, expect: /does not match the expected shape at offer_stats\.total_offers: expected a whole number/ },
  { name: 'unknown source id', serve: { body: fixture('unknown_source.json') }, expect: /salary_bands\[\d+\]\.source/ },
  { name: 'future schema version', serve: { body: fixture('bad_version.json') }, expect: /dataset has schema version 99, this app reads version 2/ },
];

for (const c of cases) {
  test(`dataset ${c.name}: error panel with the reason, navigation still works`, async () => {
    const page = await newPage();
    await serveDataset(page, c.serve);
    await gotoApp(page, '');
    const panel = page.locator('[role="alert"].error-panel');
    await panel.waitFor({ state: 'visible' });
    const text = await panel.innerText();
    assert.match(text, /could not be loaded/);
    assert.match(text, c.expect);
    assert.ok(await panel.getByRole('link', { name: 'Reload the page' }).isVisible());
    // The shell still works: client-side navigation to another page and back.
    await page.locator('header nav').getByRole('link', { name: 'Frameworks', exact: true }).click();
    await expectHeading(page, 'Frameworks');
    await page.locator('header nav').getByRole('link', { name: 'Overview', exact: true }).click();
    await panel.waitFor({ state: 'visible' });
    // Chromium itself logs the failed request for the 404 case; nothing else may appear.
    await expectCleanConsole(page, { allow: [/Failed to load resource/] });
  });
}

/** The names (`pack_dataset_check`, ...) of the wasm files a page requests. */
function recordWasm(page) {
  const seen = [];
  page.on('request', (req) => {
    const file = new URL(req.url()).pathname.split('/').pop();
    if (file.endsWith('.wasm')) seen.push(file.replace(/-[0-9a-f]+(_bg)?\.wasm$/, ''));
  });
  return seen;
}

// The validator is its own chunk, fetched only for a dataset other than the shipped one
// (crates/atlas-core/src/data/fingerprint.rs): the suite's native tests validate the shipped one.
test('the shipped dataset loads without the validator\'s chunk; another one is validated by it', async () => {
  const shipped = await newPage();
  const seenShipped = recordWasm(shipped);
  await gotoApp(shipped, '');
  await shipped.locator('.figures').waitFor({ state: 'visible' });
  assert.ok(!seenShipped.includes('pack_dataset_check'), seenShipped.join(', '));

  // Valid, but not the shipped file: checked, then shown.
  const data = JSON.parse(realDataset);
  data.averages[0].role = `${data.averages[0].role} (edited)`;
  const edited = await newPage();
  const seenEdited = recordWasm(edited);
  await serveDataset(edited, { body: JSON.stringify(data) });
  await gotoApp(edited, '');
  await edited.locator('.figures').waitFor({ state: 'visible' });
  assert.ok((await edited.locator('.figures').innerText()).includes('(edited)'));
  assert.ok(seenEdited.includes('pack_dataset_check'), seenEdited.join(', '));
  await expectCleanConsole(edited);

  // Not the shipped file, and the validator cannot be fetched: nothing unchecked is shown.
  const offline = await newPage();
  await serveDataset(offline, { body: JSON.stringify(data) });
  await offline.route(/\/pack_dataset_check-[0-9a-f]+\.wasm$/, (route) => route.abort('failed'));
  await gotoApp(offline, '');
  const panel = offline.locator('[role="alert"].error-panel');
  await panel.waitFor({ state: 'visible' });
  assert.match(await panel.innerText(), /not the one this version of the site was tested with, and the code that checks it could not be downloaded/);
  assert.equal(await offline.locator('.figures').count(), 0);
  await expectCleanConsole(offline, { allow: blockedPackMessages('pack_dataset_check') });
});

// The error panel is a chunk of its own too (src/components/error_panel.rs): no page's first
// load carries it.
test('the error panel comes only for a failure, and without its chunk a clear panel still shows', async () => {
  const normal = await newPage();
  const seenNormal = recordWasm(normal);
  await gotoApp(normal, '');
  await normal.locator('.figures').waitFor({ state: 'visible' });
  assert.ok(!seenNormal.includes('pack_data_error'), seenNormal.join(', '));

  const broken = await newPage();
  const seenBroken = recordWasm(broken);
  await serveDataset(broken, { body: '' });
  await gotoApp(broken, '');
  await broken.locator('[role="alert"].error-panel').waitFor({ state: 'visible' });
  assert.ok(seenBroken.includes('pack_data_error'), seenBroken.join(', '));

  const blocked = await newPage();
  await serveDataset(blocked, { body: '' });
  await blocked.route(/\/pack_data_error-[0-9a-f]+\.wasm$/, (route) => route.abort('failed'));
  await gotoApp(blocked, '');
  const panel = blocked.locator('[role="alert"].error-panel');
  await panel.waitFor({ state: 'visible' });
  assert.equal(await panel.locator('h2').innerText(), 'The data could not be loaded');
  assert.match(await panel.innerText(), /Nor could the details of what went wrong/);
  assert.ok(await panel.getByRole('link', { name: 'Reload the page' }).isVisible());
  await expectCleanConsole(blocked, { allow: blockedPackMessages('pack_data_error') });
});

test('hostile text in the dataset is rendered as text and never runs', async () => {
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const data = JSON.parse(realDataset);
  data.averages[0].role = hostile;
  const page = await newPage();
  await serveDataset(page, { body: JSON.stringify(data) });
  await gotoApp(page, '');
  const figures = page.locator('.figures');
  await figures.waitFor({ state: 'visible' });
  assert.ok((await figures.innerText()).includes(hostile), 'the markup is shown literally');
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await expectCleanConsole(page);
});

test('the real dataset loads: key figures with their sources on the overview', async () => {
  const page = await newPage();
  await gotoApp(page, '');
  const figures = page.locator('.figures');
  await figures.waitFor({ state: 'visible' });
  const text = await figures.innerText();
  for (const figure of ['$7,707', '571 offers', '$90,652', '$80,796', '$150,000 – $200,000', 'Very Hard', '5-7 weeks']) {
    assert.ok(text.includes(figure), `overview shows ${figure}`);
  }
  assert.ok((await figures.locator('.source-ref').count()) >= 4, 'each figure names its source');
  // The median's period is the dataset's reading, not the source's words: the card says so.
  assert.match(await figures.locator('.period-note').innerText(), /prints no period/);
  await expectCleanConsole(page);
});

test('sources page lists every source, and a source link lands on its card', async () => {
  const data = JSON.parse(realDataset);
  const page = await newPage();
  await gotoApp(page, '');
  await page.locator('.figures .source-ref a').first().click();
  await expectHeading(page, 'Data sources');
  const cards = page.locator('.source-card');
  await cards.first().waitFor();
  assert.equal(await cards.count(), data.sources.length);
  const id = data.offer_stats.source;
  assert.ok(page.url().endsWith(`#source-${id}`), page.url());
  await page.waitForFunction((id) => document.activeElement?.id === `source-${id}`, id);
  await expectCleanConsole(page);
});
