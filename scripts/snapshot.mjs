// The first paint of a route with build-time charts: its default page as the app renders it,
// captured in headless Chromium from the built site (scripts/postbuild.mjs step 3c).
//
// The app draws the route once, with no query; the capture is the page's markup from its top
// down to the last of its build-time charts, with each of those charts' canvas left as a
// `<!--chart:<id>-->` mark for postbuild to put the drawings in. It is a picture, not a second
// page: `inert`, without ids, names, inline styles or event wiring, form controls showing the
// values the app gave them. Because it is the same markup under the same stylesheet, every box
// in it sits where the live page's will (tests/e2e/prerender.test.mjs compares them), and
// src/boot.rs swaps it for the live page once that page's charts are drawn.
//
// CLI (to look at a capture): node scripts/snapshot.mjs DIST /backend-atlas/ /salaries
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

/**
 * `wanted`: [{ path: '/salaries', ids: ['salary-ranges'], heights: { 'salary-ranges': 398 } }]
 * (a height of null: a drawing that keeps its proportions at any height).
 * Returns { '/salaries': '<div class="page" …>…</div>' }. Throws when a route does not draw a
 * chart it should, draws it at another height, or keeps an inline style above it.
 */
export async function capturePages({ dir, publicUrl, wanted }) {
  const server = await startServer({ root: dir, base: publicUrl, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  const out = {};
  try {
    for (const { path, ids, heights } of wanted) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', serviceWorkers: 'block' });
      await page.goto(server.origin + publicUrl + path.slice(1).replace(/(.)$/, '$1/'), { waitUntil: 'load' });
      await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n).length > 0),
        ['page-interactive', ...ids.map((id) => `chart:${id}`)], { timeout: 60_000 });
      // The parts that wait for an idle moment arrive; the capture is the settled page.
      await page.evaluate(() => new Promise((done) => requestIdleCallback(() => setTimeout(done, 500), { timeout: 2000 })));
      const captured = await page.evaluate(capture, { path, ids, heights });
      if (captured.error) throw new Error(`snapshot ${path}: ${captured.error}`);
      out[path] = captured.html;
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

// Runs in the page.
function capture({ path, ids, heights }) {
  const main = document.querySelector('main#main:not([data-boot])');
  const root = main?.children.length === 1 ? main.firstElementChild : null;
  if (!root) return { error: 'the live main does not hold one page element' };
  const clone = root.cloneNode(true);
  // Form state lives in properties, which markup does not carry: copy it into attributes.
  const live = root.querySelectorAll('input, select, option, textarea');
  const copies = clone.querySelectorAll('input, select, option, textarea');
  live.forEach((el, i) => {
    const copy = copies[i];
    if (el instanceof HTMLOptionElement) copy.toggleAttribute('selected', el.selected);
    else if (el.type === 'checkbox' || el.type === 'radio') copy.toggleAttribute('checked', el.checked);
    else if (el instanceof HTMLTextAreaElement) copy.textContent = el.value;
    else if (!(el instanceof HTMLSelectElement)) copy.setAttribute('value', el.value);
  });
  let last = null;
  for (const id of ids) {
    const figure = clone.querySelector(`figure[aria-labelledby="${id}-title"]`);
    const canvas = figure?.querySelector('canvas');
    if (!canvas) return { error: `no chart ${id}` };
    const height = Math.round(parseFloat(canvas.style.height));
    if (heights[id] !== null && height !== heights[id]) return { error: `${id} is ${height} px high live, ${heights[id]} px as drawn` };
    canvas.replaceWith(document.createComment(`chart:${id}`));
    if (!last || last.compareDocumentPosition(figure) & Node.DOCUMENT_POSITION_FOLLOWING) last = figure;
  }
  // Down to the end of the last chart's figure.
  for (let node = last; node !== clone; node = node.parentNode) {
    while (node.nextSibling) node.nextSibling.remove();
  }
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
  const comments = [];
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.COMMENT_NODE) {
      if (!node.data.startsWith('chart:')) comments.push(node);
      continue;
    }
    if (node.hasAttribute('style') && node !== clone) {
      return { error: `an inline style above the charts (${node.tagName.toLowerCase()}.${node.className}): the static page cannot carry it` };
    }
    for (const name of ['id', 'for', 'name', 'tabindex', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-live', 'role']) {
      node.removeAttribute(name);
    }
  }
  comments.forEach((c) => c.remove());
  clone.removeAttribute('style');
  clone.setAttribute('data-snapshot', '');
  clone.setAttribute('data-route', path); // src/boot.rs: another route's page hands over at once
  clone.setAttribute('inert', '');
  clone.setAttribute('aria-busy', 'true');
  return { html: clone.outerHTML };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // The route's charts and heights as the build drew them (the prerender binary's output).
  const [dir, publicUrl, path] = process.argv.slice(2);
  const charts = process.env.PRERENDERED_CHARTS || new URL('../target/prerender/charts.json', import.meta.url);
  const drawings = JSON.parse(readFileSync(charts, 'utf8')).drawings.filter((d) => d.route === path);
  const ids = [...new Set(drawings.map((d) => d.id))];
  if (!ids.length) throw new Error(`${charts} has no drawing for ${path}`);
  const heights = Object.fromEntries(drawings.map((d) => [d.id, d.height]));
  const pages = await capturePages({ dir, publicUrl, wanted: [{ path, ids, heights }] });
  process.stdout.write(pages[path] + '\n');
}
