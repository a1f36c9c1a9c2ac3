// The Frameworks page: compare links, filters, the chooser as a shareable link, copying code,
// hostile queries, and the comparison table scrolling inside its box on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setupHarness, newPage, gotoApp, expectCleanConsole, waitUntil } from './harness.mjs';

setupHarness();

const headers = (page) => page.locator('.compare-table thead th').evaluateAll((ths) => ths.map((th) => th.textContent.trim()));

test('a compare= link opens the three columns with differing rows highlighted', async () => {
  const page = await newPage();
  await gotoApp(page, 'frameworks?compare=fastapi,flask,django');
  await page.locator('.compare-table').waitFor();
  assert.deepEqual((await headers(page)).slice(1), ['FastAPI', 'Flask', 'Django']);
  const rows = await page.locator('.compare-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.row, tr.classList.contains('differs')]));
  assert.deepEqual(rows.map(([key]) => key), ['language', 'year', 'creator', 'async', 'kind', 'pros', 'cons', 'best_for', 'code']);
  const differs = Object.fromEntries(rows);
  assert.equal(differs.language, false, 'all three are Python');
  assert.equal(differs.async, true);
  assert.equal(differs.year, true);
  const year = await page.locator('.compare-table tr[data-row="year"]').innerText();
  assert.match(year, /2018/);
  assert.match(year, /Not stated in the sources/);
  for (const name of ['FastAPI', 'Flask', 'Django']) {
    assert.equal(await page.locator(`#framework-${name.toLowerCase()} button[aria-pressed="true"]`).count(), 1);
  }
  await expectCleanConsole(page);
});

test('more than four compare ids keep the first four, with a notice', async () => {
  const page = await newPage();
  await gotoApp(page, 'frameworks?compare=fastapi,flask,django,sanic,express');
  await page.locator('.compare-table').waitFor();
  assert.deepEqual((await headers(page)).slice(1), ['FastAPI', 'Flask', 'Django', 'Sanic']);
  assert.match(await page.locator('.notice').first().innerText(), /express/i);
  // A fifth card cannot be added while four are compared.
  assert.equal(await page.locator('#framework-express button', { hasText: 'Compare' }).isDisabled(), true);
  await expectCleanConsole(page);
});

test('filters and sort are in the URL', async () => {
  const page = await newPage();
  await gotoApp(page, 'frameworks');
  await page.locator('select[name="lang"]').selectOption('python');
  await waitUntil(async () => page.url().includes('lang=python'), 'lang in the URL');
  const names = () => page.locator('.framework-card h3').allTextContents();
  assert.deepEqual((await names()).sort(), ['Django', 'FastAPI', 'Flask', 'Sanic']);
  await page.locator('select[name="sort"]').selectOption('year');
  await waitUntil(async () => page.url().includes('sort=year'), 'sort in the URL');
  assert.equal((await names())[0], 'FastAPI', 'the only dated Python framework comes first');
  await page.reload();
  await waitUntil(async () => (await names()).length === 4, 'the four Python frameworks after a reload');
  await expectCleanConsole(page);
});

test('the chooser recommends FastAPI for APIs + async + docs, quoting the sources, and the link reopens it', async () => {
  const page = await newPage();
  await gotoApp(page, 'frameworks');
  await page.getByLabel('APIs only').check();
  await page.locator('input[name="q2"][value="yes"]').check();
  await page.locator('input[name="q3"][value="yes"]').check();
  await waitUntil(async () => page.url().includes('q3=yes'), 'answers in the URL');
  const rec = page.locator('.recommendation');
  await rec.waitFor();
  assert.match(await rec.locator('h3').innerText(), /The sources point to FastAPI/);
  assert.match(await rec.innerText(), /Building APIs only/);
  assert.ok((await rec.locator('.source-ref').count()) > 0, 'each reason names its source');
  const link = page.url();
  const fresh = await newPage();
  await fresh.goto(link);
  await fresh.locator('.recommendation h3').waitFor();
  assert.match(await fresh.locator('.recommendation h3').innerText(), /FastAPI/);
  assert.equal(await fresh.locator('input[name="q1"][value="apis"]').isChecked(), true);
  await expectCleanConsole(page);
  await expectCleanConsole(fresh);
});

test('full-stack with an admin panel points to Django', async () => {
  const page = await newPage();
  await gotoApp(page, 'frameworks?q1=fullstack_admin');
  await page.locator('.recommendation h3').waitFor();
  assert.match(await page.locator('.recommendation h3').innerText(), /Django/);
  await expectCleanConsole(page);
});

test('copy puts the hello-world code on the clipboard', async () => {
  const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await gotoApp(page, 'frameworks');
  const card = page.locator('#framework-fastapi');
  await card.locator('summary', { hasText: 'hello world' }).click();
  await card.getByRole('button', { name: 'Copy' }).click();
  await card.getByText('Copied.').waitFor();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /from fastapi import FastAPI/);
  assert.equal(clip, await card.locator('pre code').first().innerText());
  await expectCleanConsole(page);
});

for (const q of ['compare=<script>alert(1)</script>', 'lang=klingon&sort=random', `q1=${'x'.repeat(10000)}`, 'compare=fastapi&compare=flask']) {
  test(`hostile frameworks query is ignored with a notice: ${q.slice(0, 40)}`, async () => {
    const page = await newPage();
    await gotoApp(page, `frameworks?${q}`);
    await page.locator('.notice').first().waitFor();
    assert.ok((await page.locator('.framework-card').count()) > 0);
    assert.equal(await page.locator('main script, main img').count(), 0);
    await expectCleanConsole(page);
  });
}

test('on a phone the comparison scrolls inside its box, not the page', async () => {
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await gotoApp(page, 'frameworks?compare=fastapi,flask,django,sanic');
  await page.locator('.compare-table').waitFor();
  const { doc, view, box, inner } = await page.evaluate(() => {
    const scroller = document.querySelector('.compare-table').closest('.table-scroll');
    return { doc: document.documentElement.scrollWidth, view: window.innerWidth, box: scroller.clientWidth, inner: scroller.scrollWidth };
  });
  assert.equal(doc, view, 'no horizontal page scroll');
  assert.ok(inner > box, 'the table scrolls inside its box');
  await expectCleanConsole(page);
});
