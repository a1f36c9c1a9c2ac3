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
  // The page's module scripts: the wasm loader imports the app's module once the first paint is
  // up (scripts/postbuild.mjs), a dynamic import that every first load makes.
  const loaders = new Set();
  for (const [tag, url] of html.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    if (/\btype="module"/.test(tag)) loaders.add(fileOf(url, htmlFile));
    add(url, htmlFile);
  }
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
    // Static imports, and the loader's dynamic one: other dynamic ones (the offline support,
    // packs of other pages) load later or on demand.
    for (const [, url] of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) add(url, js);
    if (loaders.has(js)) for (const [, url] of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) add(url, js);
  }
  return [...files];
}

for (const route of routes) {
  test(`the first load of ${route.path} stays within 250 KB gzipped`, () => {
    const htmlFile = path.join(DIST, routeRel(route.path), 'index.html');
    const files = firstLoadFiles(fs.readFileSync(htmlFile, 'utf8'), htmlFile);
    assert.ok(files.some((f) => f.endsWith('.wasm')), 'the main module is counted');
    assert.ok(files.some((f) => f.endsWith('atlas.json')), 'the dataset is counted');
    const names = files.map((f) => path.basename(f));
    assert.ok(names.some((f) => /^backend-atlas-[0-9a-f]+\.js$/.test(f)), 'the app\'s module (imported by the loader) is counted');
    assert.ok(names.some((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f)), 'the split loader (imported by the app\'s module) is counted');
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

// Size tricks the budget needed (BENCHMARKS.md, run Y): each fails here if it comes undone.
test('the pages\' own stylesheet and the data error panel stay out of the first loads that do not need them', () => {
  for (const route of routes) {
    const htmlFile = path.join(DIST, routeRel(route.path), 'index.html');
    const names = firstLoadFiles(fs.readFileSync(htmlFile, 'utf8'), htmlFile).map((f) => path.basename(f));
    assert.equal(names.some((f) => /^pages-[0-9a-f]+\.css$/.test(f)), Boolean(route.page_styles), `${route.path}: ${names.join(' ')}`);
    assert.ok(names.some((f) => /^main-[0-9a-f]+\.css$/.test(f)), route.path);
    for (const pack of names.filter((f) => f.startsWith('pack_'))) {
      const { names: chunks } = customSections(fs.readFileSync(path.join(DIST, pack)));
      assert.ok(chunks.length > 0 && !chunks.includes('split_data_error'), `${pack}: ${chunks.length} chunks`);
    }
  }
});

test('the icon and the web app manifest are counted; the offline cache (after the first load) is not', () => {
  const htmlFile = path.join(DIST, 'index.html');
  const files = firstLoadFiles(fs.readFileSync(htmlFile, 'utf8'), htmlFile).map((f) => path.relative(DIST, f));
  assert.ok(files.includes('favicon.svg'), files.join(' '));
  assert.ok(files.includes('manifest.webmanifest'), files.join(' '));
  assert.ok(!files.includes('sw.js') && !files.includes('offline.js'), files.join(' '));
});

test('the split loader names no chunks: the packs say which they hold', () => {
  const name = fs.readdirSync(DIST).find((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f));
  assert.ok(name, 'the loader is in dist/');
  const file = path.join(DIST, name);
  const code = fs.readFileSync(file, 'utf8');
  // wasm-split writes ~150 chunk loaders per split point and one loader per shared chunk (~450,
  // all alike); scripts/split.mjs replaces each list with __packDeps, which reads the pack
  // (−1.8 KB gzipped on every route), and the loaders with one made on demand (__chunk, −2.7 KB).
  assert.doesNotMatch(code, /\[(?:[\w$]+,){10,}[\w$]+\]/, 'a split point lists its chunk loaders');
  assert.doesNotMatch(code, /chunk_\d/, 'the loader names a shared chunk');
  assert.ok(gzipSize(file) <= 2.25 * 1024, `the loader is ${(gzipSize(file) / 1024).toFixed(2)} KB gzipped (at most 2.25)`);
});

/** The custom sections of a wasm module: their names. */
function customSections(bytes) {
  let at = 8;
  const leb = () => { let v = 0, shift = 0, b; do { b = bytes[at++]; v |= (b & 127) << shift; shift += 7; } while (b & 128); return v >>> 0; };
  const names = [];
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 0) { const n = leb(); names.push(bytes.subarray(at, at + n).toString()); }
    at = end;
  }
  return { names, at };
}

test('no module carries the tools-only producers or target_features sections', () => {
  const main = fs.readdirSync(DIST).find((f) => /^backend-atlas-[0-9a-f]+_bg\.wasm$/.test(f));
  assert.deepEqual(customSections(fs.readFileSync(path.join(DIST, main))).names.filter((n) => /producers|target_features/.test(n)), []);
  for (const pack of fs.readdirSync(DIST).filter((f) => /^pack_.*\.wasm$/.test(f))) {
    // A pack's own custom sections are its chunks: each one a module of its own.
    const bytes = fs.readFileSync(path.join(DIST, pack));
    let at = 8;
    const leb = () => { let v = 0, shift = 0, b; do { b = bytes[at++]; v |= (b & 127) << shift; shift += 7; } while (b & 128); return v >>> 0; };
    while (at < bytes.length) {
      at += 1;
      const size = leb();
      const end = at + size;
      const n = leb();
      const chunk = bytes.subarray(at + n, end);
      const tools = customSections(chunk).names.filter((name) => /producers|target_features/.test(name));
      assert.deepEqual(tools, [], `${pack}: ${bytes.subarray(at, at + n)}`);
      at = end;
    }
  }
});
