// The whole app: search (Ctrl+K, arrows, Enter lands on the item), the theme toggle and its
// persistence, axe-core on every route in both themes, a keyboard-only walk, and phones (360 px).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setupHarness, newPage, gotoApp, expectCleanConsole, waitUntil, routes, routeRel, REPO_ROOT, PAGE_H1 } from './harness.mjs';

setupHarness();

const AXE = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Two offers as a share link (offers::saved::share_code's format), so /offers shows everything. */
const OFFERS_CODE = '1.' + Buffer.from(JSON.stringify([
  ['Acme', '0012420', 'senior', '150000', 'year', '10', 'percent', '20000', '200000', '4', '12', ''],
  ['Beta', '', '', '180000', 'year', '', 'percent', '50000', '', '4', '12', ''],
])).toString('base64url');

/** Routes with the query that shows most of their content. */
const FULL = {
  '/': '',
  '/salaries': 'salaries?salary=95000',
  '/locations': 'locations?areas=0012420,0600000&salary=150000&ranges=1',
  '/frameworks': 'frameworks?compare=fastapi,flask&q1=apis',
  '/roadmap': 'roadmap?item=intermediate-auth',
  '/offers': `offers?shared=${OFFERS_CODE}`,
  '/hiring': 'hiring?usecase=ml&level=senior',
  '/sources': 'sources',
};

test('Ctrl+K search: type, arrow, Enter lands on the roadmap item, focused', async () => {
  const page = await newPage();
  await gotoApp(page, '');
  await page.locator('.figures').waitFor();
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Search' });
  await input.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'combobox', 'focus moves into the dialog');
  await input.fill('authentication');
  const options = page.getByRole('option');
  await options.first().waitFor();
  const titles = await options.locator('.search-title').allTextContents();
  const target = titles.findIndex((t) => /Implement authentication and authorization/.test(t));
  assert.ok(target >= 0, `roadmap item in results: ${titles}`);
  for (let i = 0; i < target; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await options.nth(target).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  await waitUntil(async () => page.url().includes('/roadmap'), 'navigated to the roadmap');
  await waitUntil(async () => page.evaluate(() => document.activeElement?.id === 'item-intermediate-auth'), 'item focused');
  assert.equal(await page.getByRole('dialog', { name: 'Search Backend Atlas' }).count(), 0, 'dialog closed');
  await expectCleanConsole(page);
});

test('search is tolerant of case and accents, and Esc returns focus', async () => {
  const page = await newPage();
  await gotoApp(page, 'frameworks');
  await page.getByRole('button', { name: /Search/ }).click();
  await page.getByRole('combobox', { name: 'Search' }).fill('SEBASTIAN');
  await page.getByRole('option').first().waitFor();
  assert.match(await page.getByRole('option').first().innerText(), /FastAPI/);
  await page.keyboard.press('Escape');
  await waitUntil(async () => page.evaluate(() => document.activeElement?.classList.contains('search-button')), 'focus back on the button');
  await expectCleanConsole(page);
});

test('the theme offers system, light and dark, redraws charts, remembers a choice and can go back to the system', async () => {
  const page = await newPage({ colorScheme: 'light' });
  await gotoApp(page, 'salaries');
  await page.locator('.chart-canvas').first().waitFor();
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  const select = page.getByRole('combobox', { name: 'Theme' });
  assert.equal(await select.inputValue(), 'system');
  assert.deepEqual(await select.locator('option').allTextContents(), ['Theme: system', 'Theme: light', 'Theme: dark']);
  const before = await page.evaluate(() => performance.getEntriesByName('chart:salary-ranges').length);
  await select.selectOption('dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.notEqual(await bg(), light);
  await waitUntil(async () => (await page.evaluate(() => performance.getEntriesByName('chart:salary-ranges').length)) > before, 'chart redrawn');
  await page.reload();
  await page.locator(PAGE_H1).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'remembered');
  assert.equal(await page.getByRole('combobox', { name: 'Theme' }).inputValue(), 'dark');
  // Back to following the system: the choice is forgotten.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
  assert.equal(await page.evaluate(() => localStorage.getItem('backend-atlas.theme')), null);
  assert.equal(await bg(), light);
  await expectCleanConsole(page);
});

for (const route of routes) {
  for (const scheme of ['light', 'dark']) {
    test(`axe: no violations on ${route.path} in ${scheme}`, async () => {
      // axe is injected as a script, which the page's CSP rightly forbids: bypass it for the audit only.
      const page = await newPage({ colorScheme: scheme, bypassCSP: true });
      await gotoApp(page, FULL[route.path]);
      await page.waitForLoadState('networkidle');
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      assert.deepEqual(result, [], result.join('\n'));
    });
  }
}

for (const route of routes) {
  test(`keyboard: ${route.path} starts with the skip link and every focus is visible`, async () => {
    const page = await newPage();
    // Plain route: a deep link (item=) would rightly start with focus on its target.
    await gotoApp(page, routeRel(route.path));
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // Walk 25 stops: each focused element is visible and draws a focus outline. A page with
    // fewer stops after the skip link ends the walk early: then the last stop must be the page's
    // last focusable element (the walk went through all of them, none was skipped or trapped).
    let stops = 0;
    let last = null;
    for (let i = 0; i < 25; i += 1) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        el.dataset.walked = String(Number(el.dataset.walked || 0) + 1);
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return { tag: el.tagName, outline: style.outlineStyle, width: box.width, height: box.height, html: el.outerHTML.slice(0, 80) };
      });
      if (!info) break;
      stops += 1;
      last = info;
      assert.notEqual(info.outline, 'none', `focus ring on ${info.tag}`);
      assert.ok(info.width > 0 && info.height > 0, `focused ${info.tag} is visible`);
    }
    assert.ok(stops >= 10, `${route.path}: only ${stops} keyboard stops after the skip link`);
    if (stops < 25) {
      const lastFocusable = await page.evaluate(() => {
        const all = [...document.querySelectorAll('a[href], button, input, select, textarea, canvas[tabindex], [tabindex="0"]')].filter(
          (el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0,
        );
        return all.at(-1)?.outerHTML.slice(0, 80);
      });
      assert.equal(last.html.replace(/ data-walked="\d+"/, ''), lastFocusable.replace(/ data-walked="\d+"/, ''), `${route.path}: the walk ended after ${stops} stops, before the last focusable element`);
    }
    // No element was visited twice (no focus loop inside the page).
    assert.equal(await page.locator('[data-walked="2"]').count(), 0, 'a focus loop');
    await expectCleanConsole(page);
  });
}

for (const route of routes) {
  test(`phone: ${route.path} has no horizontal page scroll at 360 px and tap targets are 44 px`, async () => {
    const page = await newPage({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });
    await gotoApp(page, FULL[route.path]);
    await page.waitForLoadState('networkidle');
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    assert.equal(scroll, width, 'no horizontal page scroll');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('header a, header button, main button, button.legend-item, .state-button')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect().height])
        .filter(([, h]) => h < 44),
    );
    assert.deepEqual(small, [], 'tap targets under 44 px');
    await expectCleanConsole(page);
  });
}

test('touch shows a chart tooltip', async () => {
  const page = await newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await gotoApp(page, 'salaries');
  const canvas = page.locator('#salary-ranges-title').locator('xpath=ancestor::figure').locator('canvas');
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  // Tap along the first row until a bar is hit.
  for (let x = box.width * 0.3; x < box.width; x += 8) {
    await canvas.tap({ position: { x, y: 36 } });
    if (await page.locator('.chart-tooltip').count()) break;
  }
  assert.match(await page.locator('.chart-tooltip').innerText(), /Junior/);
  await expectCleanConsole(page);
});
