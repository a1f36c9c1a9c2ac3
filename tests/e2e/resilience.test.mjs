// Resilience and security in the browser: every route survives 50 hostile query strings
// (markup, huge and non-finite numbers, unicode, 10 KB values, repeated keys, bad % escapes,
// every parameter name of the page with junk), dataset text, pasted CSVs and resumes are shown
// as text and never run, the Content-Security-Policy blocks inline scripts, and no route makes
// a request to another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  setupHarness,
  newPage,
  closePage,
  appUrl,
  origin,
  gotoApp,
  expectHeading,
  expectCleanConsole,
  expectNoOffOriginRequests,
  diagnosticsOf,
  routes,
  routeRel,
  REPO_ROOT,
  NAV_TIMEOUT,
} from './harness.mjs';

setupHarness();

// Every payload that would run sets window.__pwned.
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';

/** Parameters each route reads (README "Shareable links"); `/` and `/sources` have none. */
const PARAMS = {
  '/': [],
  '/salaries': ['levels', 'sources', 'period', 'salary', 'bls'],
  // `q` (the area search) takes any text, so junk there is a search, not an error: it is shown as
  // text (tests/e2e/locations.test.mjs) and cleaned natively (crates/atlas-core/tests/oews.rs).
  '/locations': ['occ', 'stat', 'areas', 'state', 'sort', 'span', 'ranges', 'salary', 'period'],
  '/frameworks': ['compare', 'lang', 'async', 'sort', 'q1', 'q2', 'q3', 'q4'],
  '/roadmap': ['progress', 'stage', 'item'],
  '/offers': ['total', 'occ', 'shared'],
  '/hiring': ['usecase', 'level', 'kit'],
  '/sources': [],
};

// Values no parameter accepts. `raw` values go into the URL as they are (bad % escapes);
// the others are percent-encoded, so the page receives exactly that text.
const JUNK = [
  { v: SCRIPT },
  { v: IMG },
  { v: '"><svg onload=window.__pwned=1>' },
  { v: 'javascript:window.__pwned=1' },
  { v: '1e999' },
  { v: '-1e999' },
  { v: 'NaN' },
  { v: '-5' },
  { v: '-0.000001' },
  { v: '18446744073709551617' },
  { v: '😀🔥👩🏽‍💻' },
  { v: '\u202Eevil\u202C\u05E9\u05DC\u05D5\u05DD' },
  { v: 'مرحبا,بالعالم' },
  { v: 'x'.repeat(10 * 1024), long: true },
  { v: '<b>' + 'y'.repeat(10 * 1024), long: true },
  { v: '%ZZ', raw: true },
  { v: '%', raw: true },
  { v: '%E0%A4%A', raw: true },
  { v: '%00%01', raw: true },
  { v: '%C0%AF..%2F', raw: true },
  { v: ',,,' },
  { v: ' ' },
  { v: '' },
];

/** SplitMix-style deterministic PRNG so every run uses the same 50 queries. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = ({ v, raw }) => (raw ? v : encodeURIComponent(v));
const SHORT_JUNK = JUNK.filter((j) => !j.long);

/**
 * 50 hostile query strings for a route. With parameters, each query gives at least one known
 * parameter a junk value (so the page must show a notice); some repeat keys, some add unknown
 * names. Without parameters, the queries use made-up names and junk.
 */
export function hostileQueries(routePath, count = 50) {
  const names = PARAMS[routePath];
  const next = rng(0x9e3779b9 ^ routePath.length * 7919);
  // Only the first value of a query may be 10 KB long: servers (GitHub Pages' too) refuse
  // request lines much longer than that.
  const pick = (list) => list[Math.floor(next() * list.length)];
  const out = [];
  for (let i = 0; i < count; i++) {
    const pairs = [];
    if (names.length) {
      // Cycle through every name and every junk value, then add a few random extras.
      pairs.push(`${names[i % names.length]}=${enc(JUNK[(i * 7) % JUNK.length])}`);
      const extra = Math.floor(next() * 3);
      for (let k = 0; k < extra; k++) pairs.push(`${pick(names)}=${enc(pick(SHORT_JUNK))}`);
      if (i % 5 === 0) pairs.push(`${names[(i + 1) % names.length]}=${enc(pick(SHORT_JUNK))}&${names[(i + 1) % names.length]}=${enc(pick(SHORT_JUNK))}`);
      if (i % 7 === 0) pairs.push(`utm_source=${enc(pick(SHORT_JUNK))}`);
    } else {
      pairs.push(`${pick(['q', 'x', 'levels', 'compare', 'kit', '<script>', '%ZZ'])}=${enc(JUNK[i % JUNK.length])}`);
      if (i % 3 === 0) pairs.push(`a=${enc(pick(SHORT_JUNK))}&a=${enc(pick(SHORT_JUNK))}`);
    }
    if (i % 11 === 0) pairs.reverse();
    out.push(pairs.join('&'));
  }
  return out;
}

const pwned = (page) => page.evaluate(() => ({ pwned: window.__pwned, inline: window.__inline }));

/** Problems recorded on `page` since `mark` (console errors/warnings, page errors). */
function newProblems(page, mark) {
  const diag = diagnosticsOf(page);
  return [
    ...diag.console.slice(mark.console).map((m) => `console.${m.type}: ${m.text}`),
    ...diag.pageErrors.slice(mark.pageErrors).map((e) => `pageerror: ${e.message}`),
  ];
}

const diagMark = (page) => {
  const d = diagnosticsOf(page);
  return { console: d.console.length, pageErrors: d.pageErrors.length };
};

for (const route of routes) {
  const rel = routeRel(route.path);
  const names = PARAMS[route.path];
  test(`${route.path}: 50 hostile query strings render cleanly${names.length ? ' with a notice' : ''}`, async () => {
    const page = await newPage();
    const queries = hostileQueries(route.path);
    assert.equal(queries.length, 50);
    for (const [i, query] of queries.entries()) {
      const label = `query ${i}: ${query.slice(0, 120)}`;
      const mark = diagMark(page);
      await gotoApp(page, `${rel}?${query}`);
      await expectHeading(page, route.heading);
      if (names.length) {
        const notice = page.locator('main .notice').first();
        await notice.waitFor({ state: 'visible' }).catch(() => assert.fail(`no .notice for ${label}`));
        const text = await page.locator('main .notice').allInnerTexts();
        assert.ok(text.join(' ').length < 20_000, `long values are not echoed in full (${label})`);
      } else {
        // Pages without parameters: the content is there and nothing complains.
        await page.locator('main#main').waitFor();
      }
      assert.equal(await page.locator('main img, main script, main iframe, main svg[onload]').count(), 0, `markup from the URL in main (${label})`);
      assert.deepEqual(await pwned(page), { pwned: undefined, inline: undefined }, label);
      assert.deepEqual(newProblems(page, mark), [], label);
    }
    await expectCleanConsole(page);
    await expectNoOffOriginRequests(page);
    await closePage(page);
  });
}

// ---------------------------------------------------------------------------------------------
// Text from the dataset, a pasted CSV and a pasted resume is shown as text.

const atlas = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public/data/atlas.json'), 'utf8'));

function plantedDataset() {
  const d = structuredClone(atlas);
  d.frameworks[0].summary.text = `Summary ${IMG} end`;
  d.roadmap.stages[0].items[0].text = `Item ${IMG} end`;
  d.hiring.questions[0].question = `Question ${IMG} end?`;
  d.sources[0].title = `Title ${IMG} end`;
  d.sources[0].short_name = `Short ${IMG} end`;
  return JSON.stringify(d);
}

async function withPlantedDataset(page) {
  const body = plantedDataset();
  await page.route('**/data/atlas.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
}

/** The text of `main` contains `text`, and main holds no element made from it. */
async function expectShownAsText(page, text, label) {
  const main = page.locator('main#main');
  const found = await main.evaluate((el, t) => el.textContent.includes(t), text);
  assert.ok(found, `${label}: “${text}” is shown as text`);
  assert.equal(await page.locator('main img, main script').count(), 0, `${label}: no element made from the text`);
  assert.equal((await pwned(page)).pwned, undefined, `${label}: nothing ran`);
}

const planted = [
  ['frameworks/', `Summary ${IMG} end`],
  ['roadmap/?stage=1', `Item ${IMG} end`],
  ['hiring/', `Question ${IMG} end?`],
  ['sources/', `Title ${IMG} end`],
  ['salaries/', `Short ${IMG} end`],
];
for (const [rel, text] of planted) {
  test(`dataset text with markup is shown as text on /${rel}`, async () => {
    const page = await newPage();
    await withPlantedDataset(page);
    await gotoApp(page, rel);
    await page.locator('main#main', { hasText: text }).waitFor({ timeout: NAV_TIMEOUT }).catch(() => {});
    await expectShownAsText(page, text, rel);
    // A planted dataset still validates: no error panel, clean console.
    assert.equal(await page.locator('[role="alert"].error-panel').count(), 0);
    await expectCleanConsole(page);
  });
}

test('a pasted CSV with markup is reported as text on /salaries', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries/');
  await page.locator('textarea').fill(`salary,offers\n5000,1\n${IMG},2\n"${SCRIPT}",1\n`);
  await page.getByRole('button', { name: 'Use pasted text' }).click();
  await page.locator('[data-testid="offer-stats"]').waitFor();
  await expectShownAsText(page, IMG, 'csv');
  await expectCleanConsole(page);
});

test('a pasted resume with markup is shown as text on /hiring', async () => {
  const page = await newPage();
  await gotoApp(page, 'hiring/');
  const resume = `Python developer. FastAPI, Docker. ${IMG} ${SCRIPT}`;
  await page.locator('textarea').last().fill(resume);
  await page.locator('.resume-text').waitFor();
  await expectShownAsText(page, IMG, 'resume');
  await expectShownAsText(page, SCRIPT, 'resume');
  await expectCleanConsole(page);
});

// ---------------------------------------------------------------------------------------------
// A wasm trap (a Rust panic: the release build aborts at once) after the app has started

test('a wasm trap while the app runs puts a panel with a reload link at the top of the page', async () => {
  const page = await newPage();
  await gotoApp(page, 'salaries/?levels=senior');
  assert.equal(await page.locator('.panic-panel').count(), 0);
  // A real trap, uncaught, from a module of its own: `(func (export "f") unreachable)`.
  await page.evaluate(async () => {
    const bytes = new Uint8Array([
      0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0,
      10, 5, 1, 3, 0, 0, 11,
    ]);
    const { instance } = await WebAssembly.instantiate(bytes);
    setTimeout(() => instance.exports.f());
    setTimeout(() => instance.exports.f()); // a second one adds no second panel
    await new Promise((resolve) => setTimeout(resolve)); // timers run in order: after both
  });
  const panel = page.locator('.panic-panel');
  await panel.waitFor();
  assert.equal(await panel.count(), 1);
  assert.equal(await panel.getAttribute('role'), 'alert');
  assert.match(await panel.innerText(), /Something went wrong in Backend Atlas/);
  assert.match(await panel.locator('pre').innerText(), /unreachable/);
  const reload = panel.getByRole('link', { name: 'Reload the page' });
  assert.equal(await reload.getAttribute('href'), page.url());
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('panic-panel')), true);
  // First in the page, before the header.
  assert.equal(await page.evaluate(() => document.body.firstElementChild?.classList.contains('panic-panel')), true);
});

// ---------------------------------------------------------------------------------------------
// The Content-Security-Policy

test('the Content-Security-Policy blocks inline scripts and inline event handlers', async () => {
  const page = await newPage();
  await gotoApp(page, '');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline=1';
    document.body.appendChild(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__inline=2" onload="window.__inline=3">';
    document.body.appendChild(holder);
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__inline), undefined, 'inline script or handler ran');
  const csp = (m) => /Content Security Policy/i.test(m.text);
  assert.ok(diagnosticsOf(page).console.some(csp), 'the browser reported the CSP violation');
  // Exactly the two violations provoked here are allowed (Chromium's wording, old and new).
  await expectCleanConsole(page, {
    allow: [
      /^(Executing inline (script|event handler) violates|Refused to execute inline (script|event handler) because it violates) the following Content Security Policy directive/,
    ],
  });
});

// ---------------------------------------------------------------------------------------------
// Same origin only

test('no route requests anything from another origin', async () => {
  const page = await newPage();
  for (const route of routes) {
    await gotoApp(page, routeRel(route.path));
    await expectHeading(page, route.heading);
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    await expectNoOffOriginRequests(page);
    // The browser's own record agrees: every resource came from the test server.
    const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const foreign = urls.filter((u) => /^(https?|wss?):/.test(u) && new URL(u).origin !== origin());
    assert.deepEqual(foreign, [], `${route.path} loaded resources from elsewhere`);
    assert.ok(page.url().startsWith(appUrl('')), page.url());
  }
  await expectCleanConsole(page);
});
