// Shared helpers for the browser e2e tests (node:test + playwright-core + system Chromium).
//
// Usage in a test file:
//   import { setupHarness, newPage, gotoApp, expectCleanConsole, routes } from './harness.mjs';
//   setupHarness();                      // server + Chromium started once for this file
//   test('x', async () => { const page = await newPage(); await gotoApp(page, 'salaries/'); ... });
//
// Env: DIST (default <repo>/dist), BASE_PATH (default /backend-atlas/),
//      CHROMIUM (default /usr/bin/chromium), E2E_HEADED=1 to watch the browser.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { httpRequest } from './http.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = path.resolve(process.env.DIST || path.join(REPO_ROOT, 'dist'));
export const BASE = normalizeBase(process.env.BASE_PATH || '/backend-atlas/');
export { CHROMIUM, CHROMIUM_ARGS };

// The machine is slow (2 cores, wasm compile): keep time-outs generous.
export const NAV_TIMEOUT = 30_000;
export const WAIT_TIMEOUT = 20_000;

/** Routes, page headings and titles: src/routes.json is the single source of truth. */
export const routes = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'src/routes.json'), 'utf8'));

/** Route path ("/salaries") -> path relative to BASE as the server serves it ("salaries/"). */
/**
 * The page's own <h1>, once the app has drawn the page: the route's static HTML and the app,
 * while a page's code is on the way, show the heading inside an `aria-busy` placeholder.
 */
export const PAGE_H1 = 'main#main > :not([aria-busy="true"]) h1';

export const routeRel = (routePath) => (routePath === '/' ? '' : routePath.replace(/^\//, '') + '/');

function normalizeBase(b) {
  if (!b.startsWith('/')) b = '/' + b;
  return b.endsWith('/') ? b : b + '/';
}

let server = null;
let browser = null;
const contexts = new Set();
// Per-page diagnostics: { console: [{type, text, location}], pageErrors: [Error], offOrigin: [url] }
const diagnostics = new WeakMap();

/** Register before/after hooks: start the static server on a random port and launch Chromium. */
export function setupHarness() {
  before(async () => {
    assert.ok(
      fs.existsSync(path.join(DIST, 'index.html')),
      `${DIST}/index.html not found: build first (trunk build --release --public-url ${BASE})`,
    );
    assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (set CHROMIUM=...)`);
    server = await startServer({ root: DIST, base: BASE, port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: !process.env.E2E_HEADED,
      timeout: 60_000,
    });
  });
  after(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });
}

/** The test server's origin, e.g. http://127.0.0.1:41234 */
export const origin = () => server.origin;

/** Absolute URL of a path relative to BASE: appUrl('roadmap/?x=1'). */
export const appUrl = (rel = '') => server.origin + BASE + rel.replace(/^\//, '');

/** Raw HTTP request to the test server; `target` is relative to BASE unless it starts with "/". */
export const serverRequest = (target, opts) =>
  httpRequest(server.origin, target.startsWith('/') ? target : BASE + target, opts);

/**
 * A fresh page in its own browser context (clean storage), which records
 * console errors/warnings and page errors, and aborts + records every request
 * that would leave the test server's origin (or the `allowOrigins` a test starts itself).
 * Service workers are blocked unless `serviceWorkers: 'allow'` (tests/e2e/offline.test.mjs).
 */
export async function newPage({ viewport = { width: 1280, height: 900 }, allowOrigins = [], ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block', ...contextOptions });
  contexts.add(context);
  context.setDefaultNavigationTimeout(NAV_TIMEOUT);
  context.setDefaultTimeout(WAIT_TIMEOUT);
  const diag = { console: [], pageErrors: [], offOrigin: [] };

  const isOffOrigin = (url) => {
    const u = new URL(url);
    // data:, blob:, about: never touch the network.
    return /^(https?|wss?):$/.test(u.protocol) && u.origin !== server.origin && !allowOrigins.includes(u.origin);
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isOffOrigin(url)) {
      diag.offOrigin.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  // WebSockets are not seen by route(); record them too (for this page and any popup).
  context.on('page', (p) => p.on('websocket', (ws) => isOffOrigin(ws.url()) && diag.offOrigin.push(ws.url())));

  const page = await context.newPage();
  page.on('console', (msg) => {
    // Playwright's own note where a test blocks service workers (the default here).
    if (msg.text() === 'Service Worker registration blocked by Playwright') return;
    if (msg.type() === 'error' || msg.type() === 'warning') {
      const loc = msg.location();
      diag.console.push({ type: msg.type(), text: msg.text(), location: loc?.url ? `${loc.url}:${loc.lineNumber}` : '' });
    }
  });
  page.on('pageerror', (err) => diag.pageErrors.push(err));
  diagnostics.set(page, diag);
  return page;
}

/** The recorded console messages, page errors and off-origin requests of a page. */
export const diagnosticsOf = (page) => diagnostics.get(page);

/** Close a page's browser context (optional: all are closed after the file). */
export async function closePage(page) {
  const ctx = page.context();
  contexts.delete(ctx);
  await ctx.close();
}

/**
 * Navigate to a path relative to BASE ('', 'salaries/', 'roadmap?x=1') and wait
 * until the page <h1> in <main id="main"> is visible. With `heading`, wait until
 * the <h1> has that text. Returns the navigation's HTTP response.
 */
export async function gotoApp(page, rel = '', { heading } = {}) {
  const response = await page.goto(appUrl(rel), { waitUntil: 'load', timeout: NAV_TIMEOUT });
  if (heading === undefined) {
    await page.locator(PAGE_H1).first().waitFor({ state: 'visible', timeout: NAV_TIMEOUT });
  } else {
    await expectHeading(page, heading, NAV_TIMEOUT);
  }
  return response;
}

/** Text of the page <h1> (trimmed, whitespace collapsed), or null if none. */
export async function headingText(page) {
  const h1 = page.locator(PAGE_H1).first();
  if ((await h1.count()) === 0) return null;
  return (await h1.innerText()).replace(/\s+/g, ' ').trim();
}

/** Wait until the page <h1> reads `expected`; fail with the text actually seen. */
export async function expectHeading(page, expected, timeout = WAIT_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let actual;
  for (;;) {
    actual = await headingText(page).catch(() => null);
    if (actual === expected) return;
    if (Date.now() > deadline) break;
    await page.waitForTimeout(100);
  }
  const diag = diagnostics.get(page);
  assert.equal(actual, expected, `<h1> on ${page.url()}${diag ? '\n' + describeDiagnostics(diag) : ''}`);
}

/** Poll `fn` until it returns a truthy value (or time out with `message`). */
export async function waitUntil(fn, message = 'condition', timeout = WAIT_TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function describeDiagnostics(diag) {
  const lines = [
    ...diag.console.map((m) => `console.${m.type}: ${m.text}${m.location ? ` (${m.location})` : ''}`),
    ...diag.pageErrors.map((e) => `pageerror: ${e.stack || e.message}`),
    ...diag.offOrigin.map((u) => `off-origin request: ${u}`),
  ];
  return lines.length ? lines.join('\n') : '(no console errors, page errors or off-origin requests)';
}

/**
 * The console messages that a pack the test blocks (`route.abort('failed')`) leaves, and only
 * those: Chromium's own line for the aborted request of that pack, and the split loader's report
 * of it. The loader (__wasm_split.js, written by wasm-split-cli) logs a split point's failed load
 * with console.error before it tells the app, which shows its own message; the error is fetch()'s
 * rejection, which Chromium words "TypeError: Failed to fetch" (followed by its stack). Any other
 * TypeError, any other failed request and any page error still fail the test.
 */
export const blockedPackMessages = (pack) => [
  { text: /^Failed to load resource: net::ERR_FAILED$/, location: new RegExp(`/${pack}-[0-9a-f]+\\.wasm:\\d+$`) },
  { text: /^TypeError: Failed to fetch(?:\n|$)/, location: /\/__wasm_split-[0-9a-f]+\.js:\d+$/ },
];

/**
 * Assert the page logged no console error/warning and threw no page error.
 * Settles first (network idle) so late errors, e.g. from the data fetch, count.
 * `allow`: the messages that are expected in this test, each a regex for the message's text, or
 * `{ text, location }` (two regexes) for a message that is expected only from one place, e.g.
 * Chromium's "Failed to load resource" for the one file a test blocks. Page errors are never allowed.
 */
export async function expectCleanConsole(page, { allow = [] } = {}) {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  const diag = diagnostics.get(page);
  const allowed = (m) => allow.some((a) => (a instanceof RegExp ? a.test(m.text) : a.text.test(m.text) && a.location.test(m.location)));
  const messages = diag.console.filter((m) => !allowed(m));
  const problems = [
    ...messages.map((m) => `console.${m.type}: ${m.text}${m.location ? ` (${m.location})` : ''}`),
    ...diag.pageErrors.map((e) => `pageerror: ${e.stack || e.message}`),
  ];
  if (problems.length) assert.fail(`console not clean on ${page.url()}:\n${problems.join('\n')}`);
}

/** Assert no request from this page tried to leave the test server's origin (settles first too). */
export async function expectNoOffOriginRequests(page) {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  const { offOrigin } = diagnostics.get(page);
  if (offOrigin.length) assert.fail(`requests left the origin from ${page.url()}:\n${offOrigin.join('\n')}`);
}

/** Assert the app shows no data-load error panel (role="alert", class error-panel). */
export async function expectNoErrorPanel(page) {
  const panel = page.locator('[role="alert"].error-panel');
  if ((await panel.count()) > 0) assert.fail(`error panel shown on ${page.url()}: ${(await panel.allInnerTexts()).join(' | ')}`);
}

// --- Small HTML helpers for checking served documents before any JS runs. ---

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', middot: '\u00b7', mdash: '\u2014', ndash: '\u2013' };

/** Decode the HTML entities that can appear in titles and attribute values. */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Attributes of every `<tag ...>` in `html`, as objects with lower-cased names and decoded values. */
export function findTags(html, tag) {
  const out = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attrs = {};
    for (const a of m[1].matchAll(/([^\s=\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    out.push(attrs);
  }
  return out;
}

/** The decoded text of the document's <title>, or null. */
export function htmlTitle(html) {
  const m = html.match(/<title\b[^>]*>([\s\S]*?)<\/title>/i);
  return m ? decodeEntities(m[1]).replace(/\s+/g, ' ').trim() : null;
}

/** content of <meta name="..."> or <meta http-equiv="..."> (case-insensitive), or null. */
export function metaContent(html, { name, httpEquiv }) {
  const tag = findTags(html, 'meta').find((a) =>
    name ? a.name?.toLowerCase() === name.toLowerCase() : a['http-equiv']?.toLowerCase() === httpEquiv.toLowerCase(),
  );
  return tag ? (tag.content ?? '') : null;
}

/** Parse a CSP string into { directive: [sources] }. */
export function parseCsp(csp) {
  const out = {};
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}
