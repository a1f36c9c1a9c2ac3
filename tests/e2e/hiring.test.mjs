// The Hiring page: a usecase/level/kit link reopens the same kit, printing shows only the kit,
// Markdown copy, the resume check highlighting, and hostile queries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setupHarness, newPage, gotoApp, expectCleanConsole, waitUntil } from './harness.mjs';

setupHarness();

const kitQuestions = (page) => page.locator('.kit-questions > li > strong').allTextContents();

test('ticking builds a kit link that reopens the same kit for ML / senior', async () => {
  const page = await newPage();
  await gotoApp(page, 'hiring');
  await page.getByLabel('Deploying ML Models').check();
  await page.locator('select[name="level"]').selectOption('senior');
  // Untick the dependency-injection question.
  await page.locator('#question-dependency-injection input[type="checkbox"]').uncheck();
  await waitUntil(async () => page.url().includes('kit='), 'kit in the URL');
  const link = page.url();
  assert.match(link, /usecase=ml&level=senior&kit=1[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/);
  const expected = await kitQuestions(page);
  assert.equal(expected.length, 2);

  const fresh = await newPage();
  await fresh.goto(link);
  await fresh.locator('.printable-kit h2').waitFor();
  assert.deepEqual(await kitQuestions(fresh), expected);
  assert.match(await fresh.locator('.printable-kit h2').innerText(), /Senior/);
  assert.match(await fresh.locator('.printable-kit').innerText(), /How would you expose a PyTorch model as an API/);
  assert.equal(await fresh.locator('#question-dependency-injection input[type="checkbox"]').isChecked(), false);
  // The senior answer is the expected one at this level.
  assert.equal(await fresh.locator('#question-why-fastapi .answer.expected h4').innerText(), 'Senior answer');
  await expectCleanConsole(page);
  await expectCleanConsole(fresh);
});

test('print shows the kit without navigation or controls', async () => {
  const page = await newPage();
  await gotoApp(page, 'hiring?usecase=apis&level=junior');
  await page.locator('.printable-kit h2').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.site-header').isVisible(), false);
  assert.equal(await page.locator('nav[aria-label="Main"]').isVisible(), false);
  assert.equal(await page.locator('footer').isVisible(), false);
  assert.equal(await page.locator('#resume-heading').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Print kit' }).isVisible(), false);
  assert.equal(await page.locator('.printable-kit').isVisible(), true);
  assert.match(await page.locator('.printable-kit').innerText(), /Interview focus/);
  // One page: the kit fits an A4 page height at 96 dpi (297 mm minus margins).
  const height = await page.locator('.printable-kit').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(height < 1000, `kit height ${height}px fits one page`);
  await expectCleanConsole(page);
});

test('notes go into the Markdown copy but never into the link', async () => {
  const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await gotoApp(page, 'hiring?usecase=microservices');
  await page.locator('#question-why-fastapi textarea').fill('Ask about *their* last project');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await page.getByText('Kit copied as Markdown.').waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^# /);
  assert.match(md, /Why use FastAPI over Flask/);
  assert.match(md, /last project/);
  assert.ok(!page.url().includes('note') && !page.url().includes('project'));
  assert.match(await page.locator('.kit-note').innerText(), /last project/);
  await expectCleanConsole(page);
});

test('a pasted resume highlights the flags it shows and lists the missing ones', async () => {
  const page = await newPage();
  await gotoApp(page, 'hiring');
  await page.getByLabel('Resume text').waitFor();
  await page.waitForLoadState('networkidle');
  // Every request from here on: typing and checking a resume must make none.
  const requests = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  const resume = 'Senior engineer. Built REST APIs with FastAPI and asyncio; wrote Flasks? No: Flask apps.\nUses type hints everywhere. Mentored the rest of the team.';
  await page.getByLabel('Resume text').fill(resume);
  const marks = page.locator('.resume-text mark');
  await marks.first().waitFor();
  const marked = await marks.allTextContents();
  assert.ok(marked.includes('asyncio'), `asyncio counts for async: ${marked}`);
  assert.ok(!marked.includes('FastAPI'), 'FastAPI alone is not an open source FastAPI project');
  assert.ok(marked.includes('type hints'));
  assert.ok(!marked.includes('Flasks'), 'Flask does not match inside Flasks');
  assert.ok(marked.includes('REST'), 'REST in capitals is API design');
  assert.ok(!marked.includes('rest'), '"the rest of the team" is not');
  const found = await page.locator('.flags-found.green li').allTextContents();
  assert.ok(found.some((t) => /Async Python experience/.test(t)));
  const missing = await page.locator('.flags-missing li').allTextContents();
  assert.ok(missing.some((t) => /ML\/deployment/.test(t)), missing.join(' | '));
  assert.ok(missing.some((t) => /Open source FastAPI projects/.test(t)), missing.join(' | '));
  // Each found flag shows the words that matched it.
  const asyncFlag = page.locator('.flags-found.green li', { hasText: 'Async Python experience' });
  assert.equal(await asyncFlag.locator('.matched').innerText(), 'Matched: asyncio');
  // With both of its words, the open source flag is found.
  await page.getByLabel('Resume text').fill(`${resume}\nMaintainer of an open-source FastAPI plugin.`);
  const openSource = page.locator('.flags-found.green li', { hasText: 'Open source FastAPI projects' });
  await openSource.waitFor();
  assert.equal(await openSource.locator('.matched').innerText(), 'Matched: FastAPI, open-source');
  // Nothing was sent anywhere: no request while the resume was typed and checked.
  assert.deepEqual(requests, []);
  await expectCleanConsole(page);
});

for (const q of ['usecase=<script>', 'level=principal', `kit=${'Z'.repeat(10000)}`, 'usecase=ml&usecase=apis&kit=9xx']) {
  test(`hostile hiring query is ignored with a notice: ${q.slice(0, 40)}`, async () => {
    const page = await newPage();
    await gotoApp(page, `hiring?${q}`);
    await page.locator('.notice').first().waitFor();
    assert.ok(await page.locator('.printable-kit').isVisible());
    await expectCleanConsole(page);
  });
}
