// The first-load byte budget, from the release build's files alone (no browser, no timing): for
// every route, what its index.html makes the browser fetch (scripts, stylesheet, icon, manifest, the
// modules those scripts import) plus its preload list (<meta name="atlas-preload">: the main
// module, the dataset, the route's data files and its page pack), each gzipped as GitHub Pages
// serves it. Bytes are deterministic, so this may fail the suite. `make bench` measures the same
// in a real load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, BASE, routes, routeRel } from './harness.mjs';

const BUDGET_BYTES = 250 * 1024;

const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;

/** A site URL (`/backend-atlas/x.js`, `./x.js` next to `from`, `x.svg` in a page) -> a file under dist/. */
function fileOf(url, from) {
  const clean = url.split(/[?#]/)[0];
  if (clean.startsWith(BASE)) return path.join(DIST, clean.slice(BASE.length));
  if (clean.startsWith('./') || clean.startsWith('../')) return path.resolve(path.dirname(from), clean);
  // A bare name in a page (`favicon.svg`) resolves against its <base href>, the site's root.
  if (from.endsWith('.html') && /^[\w.-]+(?:\/[\w.-]+)*$/.test(clean)) return path.join(DIST, clean);
  return null;
}

/** Every file a route's first load fetches. */
export function firstLoadFiles(html, htmlFile) {
  const files = new Set([htmlFile]);
  const queue = [];
  const add = (url, from) => {
    const file = fileOf(url, from);
    if (!file || files.has(file)) return;
    assert.ok(fs.existsSync(file), `${url} (from ${path.relative(DIST, from)}) is not in dist/`);
    files.add(file);
    if (file.endsWith('.js')) queue.push(file);
  };
  for (const [, url] of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) add(url, htmlFile);
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    // The manifest too (Chromium reads it for installing); not the icons it names, which are
    // fetched only to install, nor the service worker's cache (after the first load, at idle).
    if (!/rel="(?:stylesheet|icon|manifest)"/.test(tag)) continue;
    const href = tag.match(/href="([^"]+)"/);
    if (href) add(href[1], htmlFile);
  }
  const preload = html.match(/<meta name="atlas-preload" content="([^"]*)"/);
  assert.ok(preload, `${path.relative(DIST, htmlFile)} has no atlas-preload list`);
  for (const url of preload[1].split(' ').filter(Boolean)) add(url, htmlFile);
  while (queue.length) {
    const js = queue.pop();
    const code = fs.readFileSync(js, 'utf8');
    // Static imports only: dynamic ones (packs of other pages) load on demand.
    for (const [, url] of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) add(url, js);
  }
  return [...files];
}

for (const route of routes) {
  test(`the first load of ${route.path} stays within 250 KB gzipped`, () => {
    const htmlFile = path.join(DIST, routeRel(route.path), 'index.html');
    const files = firstLoadFiles(fs.readFileSync(htmlFile, 'utf8'), htmlFile);
    assert.ok(files.some((f) => f.endsWith('.wasm')), 'the main module is counted');
    assert.ok(files.some((f) => f.endsWith('atlas.json')), 'the dataset is counted');
    const total = files.reduce((sum, f) => sum + gzipSize(f), 0);
    const detail = files.map((f) => `${path.relative(DIST, f)} ${(gzipSize(f) / 1024).toFixed(1)} KB`).join(', ');
    assert.ok(total <= BUDGET_BYTES, `${route.path}: ${(total / 1024).toFixed(1)} KB gzipped > 250 KB (${detail})`);
  });
}

test('the Locations route counts its map and the default occupation\'s states file', () => {
  const htmlFile = path.join(DIST, 'locations', 'index.html');
  const files = firstLoadFiles(fs.readFileSync(htmlFile, 'utf8'), htmlFile).map((f) => path.relative(DIST, f));
  assert.ok(files.includes(path.join('data', 'oews', 'states-map.json')), files.join(' '));
  assert.ok(files.includes(path.join('data', 'oews', '15-1252-states.json')), files.join(' '));
});

test('the icon and the web app manifest are counted; the offline cache (after the first load) is not', () => {
  const htmlFile = path.join(DIST, 'index.html');
  const files = firstLoadFiles(fs.readFileSync(htmlFile, 'utf8'), htmlFile).map((f) => path.relative(DIST, f));
  assert.ok(files.includes('favicon.svg'), files.join(' '));
  assert.ok(files.includes('manifest.webmanifest'), files.join(' '));
  assert.ok(!files.includes('sw.js') && !files.includes('offline.js'), files.join(' '));
});
