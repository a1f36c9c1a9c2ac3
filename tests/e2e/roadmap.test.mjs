// The Roadmap page: marking items (mouse and keyboard), progress kept across reloads, corrupted
// storage recovered with a backup, disabled storage, share links that open read-only and ask
// before adopting, export/import, and stage=/item= deep links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setupHarness, newPage, gotoApp, expectCleanConsole, waitUntil, appUrl } from './harness.mjs';

setupHarness();

const KEY = 'backend-atlas.progress.v1';
const BACKUP = 'backend-atlas.progress.backup';
const item = (page, id) => page.locator(`#item-${id}`);
const stateOf = (page, id) => item(page, id).getAttribute('data-state');

test('marking items with the mouse and keyboard survives a reload', async () => {
  const page = await newPage();
  await gotoApp(page, 'roadmap');
  await item(page, 'foundation-language').getByRole('button', { name: 'Done' }).click();
  await item(page, 'foundation-dev-env-git').focus();
  await page.keyboard.press('l');
  await item(page, 'foundation-sql').focus();
  await page.keyboard.press('s');
  assert.equal(await stateOf(page, 'foundation-language'), 'done');
  assert.equal(await stateOf(page, 'foundation-dev-env-git'), 'learning');
  assert.equal(await stateOf(page, 'foundation-sql'), 'skipped');
  // 1 done of 4 applicable in the first stage (skipped does not count).
  assert.equal(await page.locator('#stage-1 [role="progressbar"]').getAttribute('aria-valuenow'), '25');
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(stored.version, 1);
  await page.reload();
  await item(page, 'foundation-language').waitFor();
  assert.equal(await stateOf(page, 'foundation-language'), 'done');
  assert.equal(await stateOf(page, 'foundation-dev-env-git'), 'learning');
  await item(page, 'foundation-dev-env-git').focus();
  await page.keyboard.press('r');
  assert.equal(await stateOf(page, 'foundation-dev-env-git'), 'not_started');
  await expectCleanConsole(page);
});

test('a corrupted stored value gives a notice, is kept as a backup, and the page starts clean', async () => {
  const page = await newPage();
  await gotoApp(page, 'roadmap');
  await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"items":{"foundation-language":"don'), KEY);
  await page.reload();
  const notice = page.locator('.notice', { hasText: 'could not be read' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /backup/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP), '{"version":1,"items":{"foundation-language":"don');
  assert.equal(await stateOf(page, 'foundation-language'), 'not_started');
  // Marking works again and overwrites the broken value.
  await item(page, 'foundation-language').getByRole('button', { name: 'Done' }).click();
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).items['foundation-language'], 'done');
  await expectCleanConsole(page);
});

test('with storage blocked, progress still works for the tab and the page says so', async () => {
  const page = await newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await gotoApp(page, 'roadmap');
  await page.locator('.notice', { hasText: 'cannot be saved' }).waitFor();
  await item(page, 'foundation-language').getByRole('button', { name: 'Done' }).click();
  assert.equal(await stateOf(page, 'foundation-language'), 'done');
  await expectCleanConsole(page);
});

test('a share link opens read-only, and adopting asks before replacing', async () => {
  const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await gotoApp(page, 'roadmap');
  await item(page, 'foundation-language').getByRole('button', { name: 'Done' }).click();
  await item(page, 'foundation-http-rest').getByRole('button', { name: 'Learning' }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.locator('.share-status', { hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /\/roadmap\/?\?progress=1[A-Za-z0-9_.-]+$/);

  const other = await newPage();
  await other.goto(link);
  await other.locator('.shared-banner').waitFor();
  assert.equal(await stateOf(other, 'foundation-language'), 'done');
  assert.equal(await stateOf(other, 'foundation-http-rest'), 'learning');
  assert.equal(await item(other, 'foundation-dev-env-git').getByRole('button', { name: 'Done' }).isDisabled(), true, 'read-only');
  await other.getByRole('button', { name: 'Adopt this progress' }).click();
  const confirm = other.getByRole('alertdialog');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /Replace your own progress \(0 item\(s\) marked\)/);
  assert.equal(await other.evaluate((k) => localStorage.getItem(k), KEY), null, 'nothing replaced before confirming');
  await confirm.getByRole('button', { name: 'Replace mine' }).click();
  await waitUntil(async () => !other.url().includes('progress='), 'back to own progress');
  assert.equal(await stateOf(other, 'foundation-language'), 'done');
  assert.equal(JSON.parse(await other.evaluate((k) => localStorage.getItem(k), KEY)).items['foundation-http-rest'], 'learning');
  await expectCleanConsole(page);
  await expectCleanConsole(other);
});

test('export then import restores progress; a bad file changes nothing', async () => {
  const page = await newPage();
  await gotoApp(page, 'roadmap');
  await item(page, 'advanced-docker').getByRole('button', { name: 'Done' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress (JSON)' }).click(),
  ]);
  const exported = fs.readFileSync(await download.path(), 'utf8');
  assert.equal(JSON.parse(exported).version, 1);
  await item(page, 'advanced-docker').getByRole('button', { name: 'Not started' }).click();
  const input = page.locator('input[type="file"]');
  await input.setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.locator('.import-ok').waitFor();
  assert.equal(await stateOf(page, 'advanced-docker'), 'done');
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 7}') });
  await page.locator('.transfer .import-error').waitFor();
  assert.match(await page.locator('.transfer .import-error').innerText(), /Nothing changed/);
  assert.equal(await stateOf(page, 'advanced-docker'), 'done');
  await expectCleanConsole(page);
});

test('item= opens that item and stage= scrolls to its stage; ? opens the shortcuts', async () => {
  const page = await newPage();
  await gotoApp(page, 'roadmap?item=intermediate-auth');
  const details = item(page, 'intermediate-auth').locator('details');
  await waitUntil(async () => details.evaluate((d) => d.open), 'item opened');
  await details.locator('.related li').first().waitFor();
  assert.match(await details.innerText(), /OAuth/);
  await page.goto(appUrl('roadmap?stage=3'));
  await page.locator('#stage-3').waitFor();
  await waitUntil(async () => page.evaluate(() => document.activeElement?.id === 'stage-3'), 'stage 3 focused');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });
  await expectCleanConsole(page);
});

for (const q of ['progress=<script>', 'stage=9', 'item=nope', `progress=${'A'.repeat(5000)}`, 'stage=1&stage=-1']) {
  test(`hostile roadmap query is ignored with a notice: ${q.slice(0, 40)}`, async () => {
    const page = await newPage();
    await gotoApp(page, `roadmap?${q}`);
    await page.locator('.notice').first().waitFor();
    assert.equal(await page.locator('.shared-banner').count(), 0);
    await expectCleanConsole(page);
  });
}

test("an item's related skills show when it is opened, each with a source link that leads to the source", async () => {
  const page = await newPage();
  await gotoApp(page, 'roadmap');
  const details = item(page, 'intermediate-auth').locator('details');
  await details.locator('summary').click();
  const related = details.locator('.related li');
  await related.first().waitFor();
  assert.match(await details.innerText(), /OAuth/);
  const count = await related.count();
  assert.ok(count > 0);
  assert.equal(await details.locator('.related .source-ref a').count(), count, 'each related entry names its source');
  assert.match(page.url(), /[?&]item=intermediate-auth\b/);
  // Closing and opening again shows the same list once.
  await details.locator('summary').click();
  await waitUntil(async () => !(await details.evaluate((d) => d.open)), 'item closed');
  await details.locator('summary').click();
  await waitUntil(async () => details.evaluate((d) => d.open), 'item opened again');
  assert.equal(await related.count(), count);
  const link = details.locator('.related .source-ref a').first();
  const href = await link.getAttribute('href');
  assert.match(href, /\/sources#source-/);
  await link.click();
  await page.waitForURL((url) => url.pathname.endsWith('/sources') && url.hash.startsWith('#source-'));
  await page.locator(new URL(page.url()).hash).waitFor();
  await expectCleanConsole(page);
});
