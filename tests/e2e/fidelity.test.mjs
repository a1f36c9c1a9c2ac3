// What the sources say, as the sources say it: where two sources disagree both claims show with
// their sources, the app's own matching words are named as such, the app's own statistic says it
// is the app's, and the role page's overview is on the Roadmap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setupHarness, newPage, gotoApp, expectCleanConsole } from './harness.mjs';

setupHarness();

test("Flask's async support: the sources differ, and each claim shows with its source", async () => {
  const page = await newPage();
  await gotoApp(page, 'frameworks?async=sources_differ');
  const card = page.locator('#framework-flask');
  await card.waitFor();
  const async = await card.locator('dt:text-is("Async") + dd').innerText();
  assert.match(async, /^The sources differ/);
  assert.match(async, /Not asynchronous, which can lead to performance bottlenecks\.”?\s*Source: Upstaff FastAPI salary statistics/);
  assert.match(async, /Minimal, flexible, but synchronous by default”?\s*Source: FastAPI hiring guide/);
  // The filter lists it under its own value, and no other framework.
  assert.equal(await page.locator('.framework-card').count(), 1);
  // The comparison quotes both, each with its source.
  await gotoApp(page, 'frameworks?compare=fastapi,flask');
  const row = page.locator('tr[data-row="async"]');
  await row.waitFor();
  const flask = await row.locator('td').nth(1).innerText();
  assert.match(flask, /The sources differ/);
  assert.match(flask, /Not asynchronous.*\(Upstaff FastAPI salary statistics/s);
  assert.match(flask, /synchronous by default.*\(FastAPI hiring guide/s);
  await expectCleanConsole(page);
});

test("the resume check names the app's own matching words apart from the guide's", async () => {
  const page = await newPage();
  await gotoApp(page, 'hiring');
  await page.getByLabel('Resume text').fill('Typed Python with mypy; low latency services.');
  const found = page.locator('.flags-found.green li');
  await found.first().waitFor();
  const texts = await found.allInnerTexts();
  const typeHints = texts.find((t) => t.startsWith('Type hints in code samples'));
  assert.ok(typeHints, texts.join(' | '));
  assert.match(typeHints, /also counted, as the app's own matching words, not the guide's: pydantic, typing, mypy/);
  await expectCleanConsole(page);
});

test("the roadmap shows the role page's overview, responsibilities, work environment and frameworks", async () => {
  const page = await newPage();
  await gotoApp(page, 'roadmap');
  const section = page.locator('section[aria-labelledby="role-heading"]');
  await section.waitFor();
  const text = await section.innerText();
  assert.match(text, /Backend developers specialize in server-side development/);
  assert.match(text, /Remote-friendly positions/);
  assert.match(text, /Design and develop REST\/GraphQL APIs/);
  assert.match(text, /\.NET/);
  // Frameworks the app covers link to their cards.
  const django = section.getByRole('link', { name: 'Django' });
  assert.match(await django.getAttribute('href'), /\/frameworks#framework-django$/);
  assert.match(text, /Source: /);
  await expectCleanConsole(page);
});
