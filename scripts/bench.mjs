#!/usr/bin/env node
// Benchmarks of the release build (`make bench`): prints tables, asserts nothing.
//
// Serves dist/ with tests/e2e/server.mjs (gzip on, under BASE like GitHub Pages) and measures
// in headless Chromium (same flags as the e2e harness):
//   1. bytes transferred (gzipped) on the first load of each route, per asset and in total;
//   1b. the offline cache the service worker fills after the first visit: bytes and time;
//   2. navigation start -> first chart painted (`chart:<id>` marks), -> `dataset-ready` (the
//      data decoded) and -> interactive (`page-interactive`: the page's first screen drawn with
//      its data and the main thread free again), median of 5 cold loads (a new context each);
//   2c. /salaries/ against pages built with Chart.js (scripts/peers/): first chart ink, bytes;
//   3. /salaries filter change -> every chart redrawn (50 level-checkbox toggles): median, p95;
//   3b. /locations: statistic change and cached-occupation switch -> map and box plots redrawn;
//      the area search typed letter by letter, and cleared -> the list answered (~570 areas);
//   4. importing 100,000 and 1,000,000 offer rows pasted on /salaries: the `import:parse` and
//      `import:stats` measures and click -> statistics table visible;
//   5. the statistics kernel natively (`cargo run -p atlas-core --profile native-bench --example stats_bench`);
//   6. Lighthouse (mobile preset) for every route, the median of BENCH_LIGHTHOUSE_RUNS runs
//      (default 3; skip with BENCH_SKIP_LIGHTHOUSE=1).
//
// Env: DIST (default dist), BASE_PATH (default /backend-atlas/), CHROMIUM (default
// /usr/bin/chromium), BENCH_SKIP_LIGHTHOUSE=1, BENCH_SKIP_NATIVE=1, BENCH_JSON=<file> to also
// write every figure as JSON, BENCH_ONLY=2c,6 to run some sections only. Budgets (issue 9) are printed next to the figures.
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = path.resolve(process.env.DIST || path.join(ROOT, 'dist'));
const BASE = (() => {
  let b = process.env.BASE_PATH || '/backend-atlas/';
  if (!b.startsWith('/')) b = '/' + b;
  return b.endsWith('/') ? b : b + '/';
})();
const routes = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/routes.json'), 'utf8'));
const routeRel = (p) => (p === '/' ? '' : p.replace(/^\//, '') + '/');
const CHARTS = { '/salaries': 'salary-ranges', '/locations': 'locations-map', '/frameworks': 'framework-timeline' };
const COLD_LOADS = 5;
const TOGGLES = 50;
const KB = 1024;

const BUDGET = {
  firstLoadKB: 250,
  firstChartMs: 500,
  // Issue 26: navigation -> first chart ink on /salaries/ (section 2c).
  firstInkMs: 200,
  filterMedianMs: 16,
  import100kMs: 300,
  lighthouse: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 95 },
};

const results = { date: new Date().toISOString(), dist: DIST, base: BASE };
// BENCH_ONLY=2c,6 runs those sections only (default: all).
const only = (process.env.BENCH_ONLY || '').split(',').filter(Boolean);
const wants = (section) => !only.length || only.includes(section);

// ---------------------------------------------------------------------------------------------
// Small helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : 'n/a');
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const ok = (good) => (good === undefined ? '' : good ? 'met' : 'MISSED');

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(cells[0]));
  console.log('| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |');
  for (const r of cells.slice(1)) console.log(line(r));
  console.log('');
}

function heading(text) {
  console.log(`\n## ${text}\n`);
}

function run(cmd, args, opts = {}) {
  // Asynchronous on purpose: the static server lives in this process and must keep serving.
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.on('error', (err) => resolve({ code: -1, stdout, stderr: String(err) }));
  });
}

// ---------------------------------------------------------------------------------------------

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`${DIST}/index.html not found: run \`make build\` first.`);
  process.exit(1);
}

const server = await startServer({ root: DIST, base: BASE, port: 0 });
const url = (rel = '') => server.origin + BASE + rel;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
const chromiumVersion = browser.version();

async function freshPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(60_000);
  const page = await context.newPage();
  return { context, page };
}

async function waitHeading(page) {
  // The page's own heading, not the static placeholder (aria-busy) of the route's HTML.
  await page.locator('main#main > :not([aria-busy="true"]) h1').first().waitFor({ state: 'visible' });
}

console.log(`# Backend Atlas benchmark\n`);
console.log(`- date: ${results.date}`);
console.log(`- machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`);
console.log(`- Chromium ${chromiumVersion}, Node ${process.version}`);
console.log(`- dist: ${DIST}, served gzipped under ${BASE}`);
results.machine = { cores: os.cpus().length, memGiB: os.totalmem() / 2 ** 30, chromium: chromiumVersion, node: process.version };

// 1. Bytes on the first load ------------------------------------------------------------------
if (wants('1')) {
  heading('1. First load of each route: bytes transferred (gzipped)');
  results.bytes = {};
  const assetRows = new Map(); // path -> { type, encoded, raw, routes:Set }
  for (const route of routes) {
    const { context, page } = await freshPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const reqs = new Map();
    cdp.on('Network.responseReceived', (e) => {
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      reqs.set(e.requestId, { url: e.response.url, type: e.type, encoding: h['content-encoding'] || '', contentLength: Number(h['content-length'] || NaN), status: e.response.status });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.encoded = e.encodedDataLength;
    });
    await page.goto(url(routeRel(route.path)), { waitUntil: 'load' });
    await waitHeading(page);
    await page.waitForLoadState('networkidle').catch(() => {});
    await page.waitForTimeout(300);
    // What starts after the page is interactive is the part that waits for the browser to be idle
    // (WhenIdle: Salaries' lower sections, Locations' comparison and list with the full OEWS
    // file): reported apart, like the budget test (tests/e2e/budget.test.mjs) leaves it out.
    const { interactive, starts } = await page.evaluate(() => ({
      interactive: performance.getEntriesByName('page-interactive')[0]?.startTime ?? Infinity,
      starts: performance.getEntriesByType('resource').map((e) => [e.name, e.startTime]),
    }));
    const startOf = new Map(starts);
    let total = 0;
    let later = 0;
    const perAsset = [];
    for (const r of reqs.values()) {
      if (!r.url.startsWith(server.origin)) continue;
      // Body bytes as sent (gzipped); encodedDataLength also counts the response headers.
      const body = Number.isFinite(r.contentLength) ? r.contentLength : r.encoded ?? 0;
      if ((startOf.get(r.url) ?? 0) > interactive) {
        later += body;
        continue;
      }
      total += body;
      const p = new URL(r.url).pathname.replace(BASE, '/');
      perAsset.push({ path: p, type: r.type, body, wire: r.encoded ?? body, encoding: r.encoding, status: r.status });
      const key = /\/(index\.html)?$/.test(p) ? '<route>/index.html' : p;
      const a = assetRows.get(key) || { type: r.type, body: 0, raw: 0, encoding: r.encoding, routes: new Set() };
      a.body = Math.max(a.body, body);
      a.routes.add(route.path);
      const file = path.join(DIST, p.endsWith('/') ? p + 'index.html' : p);
      if (fs.existsSync(file) && fs.statSync(file).isFile()) a.raw = Math.max(a.raw, fs.statSync(file).size);
      assetRows.set(key, a);
    }
    results.bytes[route.path] = { totalBody: total, afterIdle: later, assets: perAsset };
    await context.close();
  }
  table(
    ['asset', 'type', 'raw', 'gzipped', 'encoding'],
    [...assetRows.entries()]
      .sort((a, b) => b[1].body - a[1].body)
      .map(([p, a]) => [p, a.type, a.raw ? kb(a.raw) : '', kb(a.body), a.encoding || 'identity']),
  );
  table(
    ['route', 'requests', 'first load gzipped', 'then, once idle', `budget ≤ ${BUDGET.firstLoadKB} KB`],
    routes.map((r) => {
      const b = results.bytes[r.path];
      return [r.path, b.assets.length, kb(b.totalBody), b.afterIdle ? kb(b.afterIdle) : '-', b.totalBody > BUDGET.firstLoadKB * KB ? 'OVER' : 'met'];
    }),
  );
}

// 1b. The offline cache ------------------------------------------------------------------------
// What the service worker (scripts/pwa.mjs) fetches once the first page is idle: its precache list
// from dist/sw.js, in bytes (gzipped as GitHub Pages serves them), and the time from navigation
// start until it is installed and active, median of 3 first visits. Not part of the first load.
if (wants('1b')) {
  heading('1b. Offline cache after the first visit (service worker; not part of the first load)');
  {
    const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
    const files = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => path.join(DIST, m[1].slice(BASE.length)));
    const raw = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    const gz = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 6 }).length, 0);
    const times = [];
    for (let i = 0; i < 3; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' });
      const page = await context.newPage();
      await page.goto(url(''), { waitUntil: 'load' });
      times.push(await page.evaluate(async () => {
        const worker = (await navigator.serviceWorker.ready).active;
        if (worker.state !== 'activated') {
          await new Promise((done) => worker.addEventListener('statechange', () => worker.state === 'activated' && done()));
        }
        return performance.now();
      }));
      await context.close();
    }
    results.offline = { files: files.length, raw, gzipped: gz, cachedMs: median(times) };
    table(
      ['files precached', 'raw', 'gzipped', 'navigation → cached and active (median of 3)'],
      [[files.length, kb(raw), kb(gz), `${Math.round(median(times))} ms`]],
    );
  }
}

// 2. Time to first chart, to dataset-ready and to interactive -------------------------------------
if (wants('2')) {
  heading(`2. Navigation start -> dataset-ready / interactive / first chart (median of ${COLD_LOADS} cold loads)`);
  results.timing = {};
  for (const route of routes) {
    const chart = CHARTS[route.path];
    const ready = [];
    const interactive = [];
    const charts = [];
    const fcp = [];
    const wasm = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      const { context, page } = await freshPage();
      await page.goto(url(routeRel(route.path)), { waitUntil: 'load' });
      await waitHeading(page);
      const names = ['dataset-ready', 'page-interactive', ...(chart ? [`chart:${chart}`] : [])];
      const marks = await page
        .waitForFunction(
          (names) => {
            const got = names.map((n) => performance.getEntriesByName(n)[0]?.startTime);
            return got.every((t) => t !== undefined) ? got : null;
          },
          names,
          { timeout: 20_000 },
        )
        .then((h) => h.jsonValue())
        .catch(() => names.map(() => NaN));
      ready.push(marks[0]);
      interactive.push(marks[1]);
      if (chart) charts.push(marks[2]);
      fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
      wasm.push(await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? NaN));
      await context.close();
    }
    results.timing[route.path] = { datasetReady: ready, interactive, firstChart: charts, fcp, wasmLoaded: wasm };
  }
  table(
    ['route', 'wasm downloaded', 'first contentful paint', 'dataset-ready', 'interactive', 'first chart', `budget ≤ ${BUDGET.firstChartMs} ms`],
    routes.map((r) => {
      const t = results.timing[r.path];
      const c = median(t.firstChart);
      return [r.path, ms(median(t.wasmLoaded)), ms(median(t.fcp)), ms(median(t.datasetReady)), ms(median(t.interactive)), CHARTS[r.path] ? `${ms(c)} (chart:${CHARTS[r.path]})` : '-', CHARTS[r.path] ? ok(c <= BUDGET.firstChartMs) : ''];
    }),
  );
}

// 2c. First chart ink: the app against Chart.js peers ---------------------------------------------
// The chart /salaries/ opens with, on three pages a JavaScript developer would build instead
// (scripts/peers/: Chart.js, React + Chart.js, tree-shaken Chart.js, from the npm packages the
// lockfile pins, built here with the same dataset), PEER_LOADS cold loads each, interleaved.
// Ink: the end of the first frame rendered with a chart on screen, timed from navigation start
// the same way on every page: a build-time drawing (the app's snapshot, scripts/snapshot.mjs), or
// a visible canvas once `chart:salary-ranges` is marked (the app's ChartFrame; the peers after
// new Chart).
if (wants('2c')) {
  const PEER_LOADS = 7;
  heading(`2c. /salaries/ against Chart.js peers: navigation -> first chart ink, bytes (median of ${PEER_LOADS} cold loads, interleaved)`);
  {
    const { buildPeers } = await import('./peers/build.mjs');
    const peersDir = path.join(ROOT, 'target', 'bench-peers');
    const peers = await buildPeers(peersDir, path.join(DIST, 'data', 'atlas.json'));
    const peerServer = await startServer({ root: peersDir, base: '/peers/', port: 0 });
    const pages = [['Backend Atlas /salaries/', url('salaries/')], ...peers.map((p) => [p, `${peerServer.origin}/peers/${p}/`])];
    const ink = () => {
      const visible = (el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.bottom > 0 && r.top < innerHeight && getComputedStyle(el).visibility === 'visible';
      };
      const frame = () => {
        const drawing = [...document.querySelectorAll('[data-snapshot] svg.static-chart')].some(visible);
        const canvas = performance.getEntriesByName('chart:salary-ranges').length > 0 && [...document.querySelectorAll('canvas')].some(visible);
        if (!drawing && !canvas) return requestAnimationFrame(frame);
        // Timed once that frame is rendered: a message posted from the frame's callback runs
        // after its style, layout and paint.
        const after = new MessageChannel();
        after.port1.onmessage = () => { window.__ink = { at: performance.now(), by: drawing ? 'build-time drawing' : 'canvas' }; };
        after.port2.postMessage(0);
      };
      requestAnimationFrame(frame);
    };
    const samples = new Map(pages.map(([name]) => [name, { ink: [], bytes: [], by: new Set() }]));
    for (let i = 0; i < PEER_LOADS; i++) {
      for (const [name, address] of pages) {
        const { context, page } = await freshPage({ width: 1280, height: 800 });
        await page.addInitScript(ink);
        await page.goto(address, { waitUntil: 'load' });
        const got = await page.waitForFunction(() => window.__ink, null, { timeout: 30_000 }).then((h) => h.jsonValue()).catch(() => null);
        // Bytes of the whole first load (up to the app's page-interactive; the parts fetched
        // once idle are left out, as in section 1).
        await page.waitForFunction(() => !document.querySelector('main#main') || performance.getEntriesByName('page-interactive').length > 0, null, { timeout: 30_000 }).catch(() => {});
        await page.waitForTimeout(300);
        const bytes = await page.evaluate(() => {
          const until = performance.getEntriesByName('page-interactive')[0]?.startTime ?? Infinity;
          return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
            .filter((e) => e.startTime <= until)
            .reduce((sum, e) => sum + e.transferSize, 0);
        });
        const s = samples.get(name);
        s.ink.push(got?.at ?? NaN);
        s.bytes.push(bytes);
        if (got) s.by.add(got.by);
        await context.close();
      }
    }
    await peerServer.close();
    results.peers = Object.fromEntries([...samples].map(([name, s]) => [name, { ink: s.ink, bytes: s.bytes, by: [...s.by] }]));
    const appInk = median(samples.get(pages[0][0]).ink);
    const peerInk = median(samples.get('chartjs').ink);
    table(
      ['page', 'bytes on the wire', 'navigation -> first chart ink, median', 'all runs', 'ink from'],
      [...samples].map(([name, s]) => [name, kb(median(s.bytes)), ms(median(s.ink)), s.ink.map((x) => Math.round(x)).join(', '), [...s.by].join(', ')]),
    );
    console.log(`/salaries/ first chart ink ${ms(appInk)}: budget ≤ ${BUDGET.firstInkMs} ms ${ok(appInk <= BUDGET.firstInkMs)}; ahead of the Chart.js page (${ms(peerInk)}) ${ok(appInk < peerInk)}`);
  }
}

// 3. Filter change on /salaries ------------------------------------------------------------------
if (wants('3')) {
  heading(`3. /salaries: level checkbox toggled ${TOGGLES} times -> last chart:* mark after the click`);
  {
    const { context, page } = await freshPage();
    await page.goto(url('salaries/'), { waitUntil: 'load' });
    await waitHeading(page);
    await page.waitForFunction(() => performance.getEntriesByName('chart:salary-ranges').length > 0, null, { timeout: 20_000 }).catch(() => {});
    await page.waitForTimeout(500);
    const samples = [];
    const firsts = [];
    let chartsPerChange = 0;
    for (let i = 0; i < TOGGLES; i++) {
      const t = await page.evaluate(async () => {
        const box = document.querySelector('input[name="levels"][value="middle"]');
        if (!box) return null;
        const t0 = performance.now();
        box.click();
        // Let every effect run and every chart draw; then read the marks made after the click.
        await new Promise((r) => setTimeout(r, 250));
        const after = performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('chart:') && m.startTime >= t0);
        if (!after.length) return { dt: NaN, first: NaN, n: 0 };
        const times = after.map((m) => m.startTime - t0);
        return { dt: Math.max(...times), first: Math.min(...times), n: after.length };
      });
      if (!t) break;
      samples.push(t.dt);
      firsts.push(t.first);
      chartsPerChange = Math.max(chartsPerChange, t.n);
    }
    results.filter = { samples, firsts, chartsPerChange };
    const med = median(samples);
    table(
      ['changes', 'charts redrawn per change', 'first chart drawn (median)', 'all drawn: median', 'p95', 'max', `budget median ≤ ${BUDGET.filterMedianMs} ms`],
      [[samples.length, chartsPerChange, ms(median(firsts)), ms(med), ms(percentile(samples, 95)), ms(Math.max(...samples)), ok(med <= BUDGET.filterMedianMs)]],
    );
    await context.close();
  }
}

// 3b. Locations: redraws and the area search -----------------------------------------------------
if (wants('3b')) {
  heading('3b. /locations: statistic and cached occupation changes -> charts redrawn; area search keystrokes');
  {
    const { context, page } = await freshPage();
    await page.goto(url('locations/?areas=0012420,0600000'), { waitUntil: 'load' });
    await waitHeading(page);
    await page.waitForFunction(() => performance.getEntriesByName('chart:locations-compare').length > 0, null, { timeout: 30_000 }).catch(() => {});
    // Load the second occupation once, so the switches below are cached.
    await page.selectOption('select[name="occ"]', '15-1254');
    await page.waitForTimeout(1500);
    await page.selectOption('select[name="occ"]', '15-1252');
    await page.waitForTimeout(1000);
    const change = (selector, value) =>
      page.evaluate(async ([selector, value]) => {
        const select = document.querySelector(selector);
        const t0 = performance.now();
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 300));
        const after = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('chart:') && m.startTime >= t0);
        return after.length ? { dt: Math.max(...after.map((m) => m.startTime - t0)), n: after.length } : null;
      }, [selector, value]);
    const stat = [];
    const occ = [];
    for (let i = 0; i < 20; i++) {
      const a = await change('select[name="stat"]', i % 2 ? 'median' : 'p90');
      if (a) stat.push(a.dt);
      const b = await change('select[name="occ"]', i % 2 ? '15-1252' : '15-1254');
      if (b) occ.push(b.dt);
    }
    // The area search, as people type: each query letter by letter (the list narrows, and the
    // rows that stay are kept), then cleared in one go (the first rows of the whole list are
    // built again). Each input event -> the list's count line changed. With the search scrolled
    // into view, as it is when someone types in it.
    await page.selectOption('select[name="occ"]', '15-1252');
    await page.waitForTimeout(500);
    await page.locator('input[name="q"]').scrollIntoViewIfNeeded();
    const keys = [];
    const clears = [];
    for (const word of ['austin', 'new york', 'san jose', 'texas', 'denver', 'boston']) {
      for (let n = 1; n <= word.length + 1; n++) {
        const text = n <= word.length ? word.slice(0, n) : '';
        // A trailing space changes nothing the list shows: no answer to wait for.
        if (text.endsWith(' ')) continue;
        const dt = await page.evaluate(async (text) => {
          const input = document.querySelector('input[name="q"]');
          const status = [...document.querySelectorAll('p.muted[role="status"]')].find((p) => /areas?\b|No area/.test(p.textContent));
          const before = status?.textContent;
          const t0 = performance.now();
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          for (let i = 0; i < 200 && status?.textContent === before; i++) await new Promise((r) => setTimeout(r, 0));
          const dt = status?.textContent === before ? NaN : performance.now() - t0;
          // Let the rest of the answer land before the next keystroke.
          await new Promise((r) => setTimeout(r, 50));
          return dt;
        }, text);
        if (Number.isFinite(dt)) (text === '' ? clears : keys).push(dt);
      }
    }
    results.locations = { stat, occ, keys, clears };
    table(
      ['change', 'samples', 'median', 'p95', 'max', `budget median ≤ ${BUDGET.filterMedianMs} ms`],
      [
        ['statistic (map redrawn)', stat.length, ms(median(stat)), ms(percentile(stat, 95)), ms(Math.max(...stat)), ok(median(stat) <= BUDGET.filterMedianMs)],
        ['cached occupation (map + box plots)', occ.length, ms(median(occ)), ms(percentile(occ, 95)), ms(Math.max(...occ)), ok(median(occ) <= BUDGET.filterMedianMs)],
        ['area search keystroke, typing (list answered)', keys.length, ms(median(keys)), ms(percentile(keys, 95)), ms(Math.max(...keys)), ok(median(keys) <= BUDGET.filterMedianMs)],
        ['area search cleared (first rows rebuilt)', clears.length, ms(median(clears)), ms(percentile(clears, 95)), ms(Math.max(...clears)), ''],
      ],
    );
    await context.close();
  }
}

// 4. Importing offers ---------------------------------------------------------------------------
if (wants('4')) {
  heading('4. /salaries: import of pasted offer rows');
  function offersCsv(rows) {
    // Deterministic pseudo-random rows: monthly salary 1,000..20,000, 0..6 offers.
    let s = 0x2545f491;
    const next = () => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return s >>> 0;
    };
    const lines = new Array(rows + 1);
    lines[0] = 'salary,offers';
    for (let i = 1; i <= rows; i++) lines[i] = `${1000 + (next() % 19001)},${next() % 7}`;
    return lines.join('\n') + '\n';
  }
  results.import = {};
  for (const rows of [100_000, 1_000_000]) {
    const csv = offersCsv(rows);
    const { context, page } = await freshPage();
    await page.goto(url('salaries/'), { waitUntil: 'load' });
    await waitHeading(page);
    const textarea = page.locator('textarea').first();
    await textarea.waitFor();
    // The button is found before the paste: role queries over a page holding a million-line
    // textarea can take longer than Playwright's timeout.
    const button = page.getByRole('button', { name: 'Use pasted text' });
    await button.waitFor();
    const handle = await button.elementHandle();
    // What a paste does: the value changes and one input event fires. (Playwright's fill() types
    // the text through the editing pipeline, which takes minutes for 100,000 lines in Chromium.)
    await textarea.evaluate((el, text) => {
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, csv);
    const r = await page.evaluate(async (btn) => {
      const t0 = performance.now();
      btn.click();
      const deadline = t0 + 120_000;
      for (;;) {
        const stats = document.querySelector('[data-testid="offer-stats"]');
        if (stats && stats.offsetParent !== null) break;
        if (document.querySelector('.import-error') || performance.now() > deadline) return { error: document.querySelector('.import-error')?.textContent ?? 'timeout' };
        await new Promise((res) => requestAnimationFrame(res));
      }
      const visible = performance.now() - t0;
      const m = (n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN;
      return { visible, parse: m('import:parse'), stats: m('import:stats'), bytes: 0 };
    }, handle);
    r.bytes = csv.length;
    results.import[rows] = r;
    await context.close();
  }
  table(
    ['rows', 'CSV size', 'import:parse', 'import:stats (WASM kernel)', 'click -> table visible', `budget 100,000 rows ≤ ${BUDGET.import100kMs} ms`],
    Object.entries(results.import).map(([rows, r]) => [
      Number(rows).toLocaleString('en-US'),
      kb(r.bytes),
      r.error ? `error: ${r.error}` : ms(r.parse),
      ms(r.stats),
      ms(r.visible),
      Number(rows) === 100_000 ? ok(r.visible <= BUDGET.import100kMs) : '',
    ]),
  );
}

// 5. Native statistics kernel ---------------------------------------------------------------
if (wants('5')) {
  heading('5. Statistics kernel, native vs WASM (1,000,000 rows, OfferSet::new + summary)');
  if (process.env.BENCH_SKIP_NATIVE) {
    console.log('skipped (BENCH_SKIP_NATIVE=1)');
  } else {
    const out = await run('cargo', ['run', '--quiet', '-p', 'atlas-core', '--profile', 'native-bench', '--example', 'stats_bench'], { cwd: ROOT });
    const m = out.stdout.match(/median_ms=([\d.]+) runs_ms=([\d.,]+)/);
    results.native = m ? { medianMs: Number(m[1]), runs: m[2] } : { error: (out.stderr || out.stdout).trim().split('\n').slice(-5).join('\n') };
    table(
      ['kernel', 'median of 5'],
      [
        ['native (profile native-bench: release at opt-level 3)', m ? `${m[1]} ms (runs ${m[2]})` : `failed: ${results.native.error}`],
        ['WASM in Chromium (import:stats, one run)', ms(results.import?.[1_000_000]?.stats)],
      ],
    );
  }
}

// 6. Lighthouse --------------------------------------------------------------------------------
if (wants('6')) {
  const LH_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS) || 3);
  heading(`6. Lighthouse (mobile preset, simulated throttling; the median of ${LH_RUNS} runs a route)`);
  if (process.env.BENCH_SKIP_LIGHTHOUSE) {
    console.log('skipped (BENCH_SKIP_LIGHTHOUSE=1)');
  } else {
    results.lighthouse = {};
    const lh = path.join(ROOT, 'node_modules/.bin/lighthouse');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-lh-'));
    const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
    // One run's score is as much a reading of the machine's speed at that minute as of the app:
    // each route is audited LH_RUNS times and the run with the median Performance score is
    // reported (Lighthouse's own advice: the median of several runs), with every run's score.
    const lighthouseOnce = async (route, i) => {
      const out = path.join(dir, `${route.path === '/' ? 'overview' : route.path.slice(1)}-${i}.json`);
      const res = await run(
        lh,
        [
          url(routeRel(route.path)),
          '--quiet',
          '--output=json',
          `--output-path=${out}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          `--chrome-flags=${flags}`,
        ],
        { env: { ...process.env, CHROME_PATH: CHROMIUM } },
      );
      if (res.code !== 0 || !fs.existsSync(out)) return { error: (res.stderr || res.stdout).trim().split('\n').slice(-3).join(' ') };
      return { report: JSON.parse(fs.readFileSync(out, 'utf8')) };
    };
    for (const route of routes) {
      const runs = [];
      for (let i = 0; i < LH_RUNS; i++) runs.push(await lighthouseOnce(route, i));
      // Named apart from the table helper `ok` of section 2, which this block would shadow.
      const audited = runs.filter((r) => r.report);
      if (!audited.length) {
        results.lighthouse[route.path] = { error: runs[0].error };
        continue;
      }
      const perf = (r) => r.report.categories.performance?.score ?? 0;
      audited.sort((a, b) => perf(a) - perf(b));
      const report = audited[Math.floor((audited.length - 1) / 2)].report;
      const runScores = runs.map((r) => (r.report ? Math.round(perf(r) * 100) : 'error'));
      const score = (c) => Math.round((report.categories[c]?.score ?? NaN) * 100);
      const metric = (id) => report.audits[id]?.numericValue;
      const failing = [];
      for (const [cat, c] of Object.entries(report.categories)) {
        if (cat === 'performance') continue;
        for (const ref of c.auditRefs) {
          const a = report.audits[ref.id];
          if (ref.weight > 0 && a && a.score !== null && a.score < 1) failing.push(`${cat}: ${a.id}`);
        }
      }
      const opportunities = Object.values(report.audits)
        .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) > 0)
        .sort((a, b) => b.details.overallSavingsMs - a.details.overallSavingsMs)
        .slice(0, 3)
        .map((a) => `${a.id} (${Math.round(a.details.overallSavingsMs)} ms)`);
      results.lighthouse[route.path] = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        si: metric('speed-index'),
        failing,
        opportunities,
        performanceRuns: runScores,
      };
    }
    fs.rmSync(dir, { recursive: true, force: true });
    const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
    table(
      ['route', ...cats, 'performance, each run', 'FCP', 'LCP', 'TBT', 'CLS', 'budgets'],
      routes.map((r) => {
        const l = results.lighthouse[r.path];
        if (l.error) return [r.path, `error: ${l.error}`, '', '', '', '', '', '', '', '', ''];
        const missed = cats.filter((c) => !(l[c] >= BUDGET.lighthouse[c]));
        return [r.path, ...cats.map((c) => l[c]), l.performanceRuns.join(', '), ms(l.fcp), ms(l.lcp), ms(l.tbt), l.cls?.toFixed(3), missed.length ? `MISSED: ${missed.join(', ')}` : 'met'];
      }),
    );
    for (const r of routes) {
      const l = results.lighthouse[r.path];
      if (l.error) continue;
      if (l.failing.length) console.log(`${r.path} failing audits: ${l.failing.join(', ')}`);
      if (l.opportunities.length) console.log(`${r.path} top opportunities: ${l.opportunities.join(', ')}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

if (process.env.BENCH_JSON) {
  fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
  console.log(`\nAll figures written to ${process.env.BENCH_JSON}`);
}
await browser.close();
await server.close();
