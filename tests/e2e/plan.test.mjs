// The Roadmap's own notes and pace (issue 23): a note with a link and markup survives a reload
// as text and links; search finds it; hours per week and estimates give a projection; bad hours
// and an over-long note get a message and lose nothing; a share link never carries a note; the
// export carries notes, estimates and pace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setupHarness, newPage, gotoApp, expectCleanConsole, waitUntil } from './harness.mjs';

setupHarness();

const KEY = 'backend-atlas.progress.v1';
const ITEM = 'intermediate-auth';
const stored = async (page) => JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? 'null');

/** Opens an item's panel (its note) through the item= link. */
async function openItem(page, id) {
  await gotoApp(page, `roadmap?item=${id}`);
  const field = page.locator(`#note-${id}`);
  await field.waitFor();
  return field;
}

test('a note with a link and markup is saved as typed, survives a reload, and shows as text and a link', async () => {
  const page = await newPage();
  const field = await openItem(page, ITEM);
  const note = 'Read https://fastapi.tiangolo.com/tutorial/security/ first. <script>window.__pwned=1</script> <b>not bold</b>';
  await field.fill(note);
  const status = page.locator(`#note-status-${ITEM}`);
  await waitUntil(async () => /Saved in this browser/.test(await status.innerText()), 'saved state shown');
  assert.equal((await stored(page)).notes[ITEM], note);
  assert.equal((await stored(page)).version, 2);

  await page.reload();
  await page.locator(`#note-${ITEM}`).waitFor();
  assert.equal(await page.locator(`#note-${ITEM}`).inputValue(), note, 'the field holds the note again');
  const shown = page.locator(`#item-${ITEM} .note-text`);
  assert.equal(await shown.innerText(), note, 'markup shown literally');
  const link = shown.getByRole('link');
  assert.equal(await link.count(), 1);
  assert.equal(await link.getAttribute('href'), 'https://fastapi.tiangolo.com/tutorial/security/');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await page.locator('main script, main b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // The item shows a marker in the list.
  assert.match(await page.locator(`#item-${ITEM} .item-row`).innerText(), /note/);
  assert.equal(await page.locator('#item-foundation-sql .note-marker').count(), 0);
  await expectCleanConsole(page);
});

test('search finds a note and lands on its item', async () => {
  const page = await newPage();
  const field = await openItem(page, ITEM);
  await field.fill('Ask Priya about the Zanzibar paper');
  await gotoApp(page, 'frameworks');
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Search' });
  await input.fill('zanzibar');
  const option = page.getByRole('option').first();
  await option.waitFor();
  assert.match(await option.innerText(), /Your note on “Implement authentication and authorization”/);
  assert.match(await option.innerText(), /Zanzibar paper/);
  await page.keyboard.press('Enter');
  await waitUntil(async () => page.evaluate((id) => document.activeElement?.id === `item-${id}`, ITEM), 'item focused');
  assert.ok(page.url().includes(`item=${ITEM}`));
  assert.equal(await page.locator(`#note-${ITEM}`).inputValue(), 'Ask Priya about the Zanzibar paper');
  await expectCleanConsole(page);
});

test('hours per week and estimates give the hours left and a finish date; items without one are named', async () => {
  const page = await newPage();
  await gotoApp(page, 'roadmap');
  const pace = page.locator('#pace-hours');
  await pace.waitFor();
  const table = page.locator('.pace-table');
  assert.match(await table.locator('tfoot').innerText(), /Set your hours per week/);
  await page.locator('.estimates summary').click();
  await page.locator('#estimate-foundation-language').fill('10');
  await page.locator('#estimate-foundation-sql').fill('4.5');
  await page.locator('#item-foundation-sql').getByRole('button', { name: 'Done' }).click();
  await pace.fill('5');
  // 10 h still to do at 5 h a week: 14 days from today.
  const expected = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 14);
    return `${d.getDate()} ${d.toLocaleString('en-GB', { month: 'long' })} ${d.getFullYear()}`;
  });
  const total = table.locator('tfoot tr');
  await waitUntil(async () => (await total.innerText()).includes(expected), `finish ${expected}`);
  const cells = await total.locator('td').allInnerTexts();
  assert.deepEqual(cells.slice(1), ['14.5 hours', '10 hours', expected]);
  // The source's own timing stays beside the projection.
  assert.match(await table.locator('tbody tr').first().innerText(), /0-3 months|months/);
  assert.match(await page.locator('.unestimated').innerText(), /^18 items still to do have no estimate/);
  const saved = await stored(page);
  assert.equal(saved.hours_per_week, '5');
  assert.deepEqual(saved.estimates, { 'foundation-language': '10', 'foundation-sql': '4.5' });
  await page.reload();
  await page.locator('#pace-hours').waitFor();
  assert.equal(await page.locator('#pace-hours').inputValue(), '5');
  await waitUntil(async () => (await page.locator('.pace-table tfoot tr').innerText()).includes(expected), 'after a reload');
  await expectCleanConsole(page);
});

test('bad hours and an over-long note get a message at the field and lose nothing', async () => {
  const page = await newPage();
  await gotoApp(page, 'roadmap');
  const pace = page.locator('#pace-hours');
  await pace.waitFor();
  await pace.fill('6');
  await waitUntil(async () => (await stored(page))?.hours_per_week === '6', 'pace stored');
  for (const [typed, message] of [
    ['0', /more than 0/],
    ['-4', /cannot be negative/],
    ['200', /168 hours/],
    ['six', /Enter a number of hours/],
  ]) {
    await pace.fill(typed);
    await waitUntil(async () => message.test(await page.locator('#pace-hours-error').innerText()), `message for ${typed}`);
    assert.equal(await pace.getAttribute('aria-invalid'), 'true');
    assert.equal(await pace.inputValue(), typed, 'the typed text stays');
    assert.equal((await stored(page)).hours_per_week, '6', 'the stored pace stays');
  }
  await page.locator('.estimates summary').click();
  const estimate = page.locator('#estimate-foundation-language');
  await estimate.fill('-2');
  await waitUntil(async () => /cannot be negative/.test(await page.locator('#estimate-error-foundation-language').innerText()), 'estimate message');

  const field = await openItem(page, ITEM);
  await field.fill('kept note');
  await waitUntil(async () => (await stored(page))?.notes?.[ITEM] === 'kept note', 'note stored');
  const long = 'x'.repeat(2010);
  await field.fill(long);
  const status = page.locator(`#note-status-${ITEM}`);
  await waitUntil(async () => /2,010 characters: a note holds at most 2,000\. Shorten it by 10/.test(await status.innerText()), 'count shown');
  assert.equal(await field.inputValue(), long, 'the typed text stays in the field');
  assert.equal((await stored(page)).notes[ITEM], 'kept note', 'the stored note stays');
  await expectCleanConsole(page);
});

test('a share link carries no note, and the page says what it carries; the export carries notes and pace', async () => {
  const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  const field = await openItem(page, ITEM);
  const secret = 'private salary notes xyzzy';
  await field.fill(secret);
  await page.locator(`#item-${ITEM}`).getByRole('button', { name: 'Learning' }).click();
  assert.match(await page.locator('.share-contents').innerText(), /status only: never your notes, estimates or pace/);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.locator('.share-status', { hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(!link.includes('xyzzy') && !decodeURIComponent(link).includes('private'), link);
  assert.match(link, /\?progress=1[A-Za-z0-9_.-]+$/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress (JSON)' }).click(),
  ]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.version, 2);
  assert.equal(exported.notes[ITEM], secret);
  assert.equal(exported.items[ITEM], 'learning');

  // Importing it elsewhere brings the note back (after asking, as something is stored there).
  const other = await newPage();
  await gotoApp(other, 'roadmap');
  await other.locator('#item-foundation-sql').getByRole('button', { name: 'Done' }).click();
  await other.locator('input[type="file"]').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  const confirm = other.getByRole('alertdialog');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /1 note\(s\)\), with its estimates and pace/);
  await confirm.getByRole('button', { name: 'Replace mine' }).click();
  await other.locator('.import-ok').waitFor();
  assert.match(await other.locator('.import-ok').innerText(), /1 marked item\(s\) and 1 note\(s\)/);
  assert.equal((await stored(other)).notes[ITEM], secret);
  assert.match(await other.locator(`#item-${ITEM} .item-row`).innerText(), /note/);
  await expectCleanConsole(page);
  await expectCleanConsole(other);
});
