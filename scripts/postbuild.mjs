// Trunk post_build hook: shapes the staged build for GitHub Pages and a strict CSP.
//
// 0. In the split release build (`make build`), replaces Trunk's single wasm module with a main
//    module plus one chunk per page (scripts/split.mjs). In every release build, minifies the
//    JavaScript and CSS with esbuild (Trunk's own minifier breaks wasm-bindgen glue, and the
//    split rewrites the glue after it anyway) and the dataset's JSON; the CSS's integrity hash
//    is recomputed.
// 1. Moves Trunk's inline module script (the wasm loader) into a hashed file, so the
//    Content-Security-Policy can forbid inline scripts (`script-src 'self'`).
// 2. Drops preload hints Chromium would warn about (the app loads these files at once anyway).
// 3. Writes one HTML file per route from src/routes.json (`salaries/index.html`, ...), each with
//    its own <title> and description, the files to preload once it has painted (its page chunk,
//    the main module, the dataset), and a static header, heading and lead for the first paint,
//    so GitHub Pages answers 200 and link previews are right.
// 3b. Puts each route's default charts, drawn at build time by the core's draw functions
//    (`make build` runs crates/atlas-core/src/bin/prerender.rs first), into its static page:
//    hidden while the app starts, shown when it cannot start or JavaScript is off.
// 3c. Captures each such route's default page in headless Chromium (scripts/snapshot.mjs) and
//    puts it, with the drawings in place of its canvases, into the static page: the first paint
//    of an address without query or fragment (an inline script, allowed by its hash in the CSP,
//    says which), until the live page's charts are drawn.
// 4. Writes 404.html, which GitHub Pages serves for every other path; the app then shows its
//    not-found page.
// 5. Writes the icons, the web app manifest and, in release builds, the service worker and the
//    script that registers it (scripts/pwa.mjs).
//
// Runs with TRUNK_STAGING_DIR set by Trunk; can also be run by hand: `node scripts/postbuild.mjs DIR`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pagePoint, splitWasm } from './split.mjs';
import { routeData as routeDataOf, writeOffline } from './pwa.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) {
  console.error('postbuild: set TRUNK_STAGING_DIR or pass the build directory');
  process.exit(2);
}
const publicUrl = (process.env.TRUNK_PUBLIC_URL || '/').replace(/\/?$/, '/');
const routes = JSON.parse(readFileSync(join(root, 'src/routes.json'), 'utf8'));
const NOT_FOUND = {
  title: 'Page not found · Backend Atlas',
  description: 'There is no page at this address on Backend Atlas.',
};

let html = readFileSync(join(staging, 'index.html'), 'utf8');

// 0. Per-page wasm chunks (null when the build was not compiled with --cfg wasm_split).
const split = splitWasm({ root, staging, html });
if (split) html = split.html;

// 0b. Minified JavaScript, CSS and dataset in release builds (file names keep their hashes, which
//     already change whenever the source does).
const release = process.env.TRUNK_PROFILE === 'release' || process.env.BACKEND_ATLAS_MINIFY === '1';
const minify = release ? (await import('esbuild')).transformSync : null;
const minified = (code, loader) => (minify ? minify(code, { loader, minify: true, legalComments: 'none' }).code : code);
if (minify) {
  for (const f of readdirSync(staging)) {
    const loader = f.endsWith('.js') ? 'js' : f.endsWith('.css') ? 'css' : null;
    if (!loader) continue;
    const file = join(staging, f);
    const code = minified(readFileSync(file, 'utf8'), loader);
    writeFileSync(file, code);
    // Trunk pinned the stylesheet's bytes with Subresource Integrity: pin the new ones.
    const sri = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    html = html.replace(new RegExp(`(href="[^"]*${f.replace(/\./g, '\\.')}"[^>]*integrity=")[^"]*"`), `$1${sri}"`);
  }
  const dataset = join(staging, 'data', 'atlas.json');
  if (existsSync(dataset)) writeFileSync(dataset, JSON.stringify(JSON.parse(readFileSync(dataset, 'utf8'))));
}

// Trunk's loader hands the main module's URL to wasm-bindgen's init, which compiles it by
// streaming: the decoder then runs on the main thread as the bytes arrive (30 – 90 ms of the
// first load under Lighthouse's 4x CPU slowdown). Fetched whole and compiled from its bytes, it
// is decoded in the background; on localhost and over HTTP/2 the download is short anyway.
//
// And the loader starts only once the static first paint is on screen, then asks for the files
// the route lists in <meta name="atlas-preload"> (step 3: the main module, the dataset, the
// page's pack) as preloads, which the app's own requests then reuse, and imports the app's
// JavaScript module. Preload hints in the HTML would start those 250 KB downloading before the
// first paint, competing with the CSS on a slow connection; Trunk's static import made the
// module and the one it imports (a chain of two requests after the loader's) start before the
// first paint whenever the page took a little longer to lay out. Lighthouse's simulation counts
// every request begun before the largest paint against it (3.2 s instead of 1.3 s on /salaries
// for the preloads, 1.25 s instead of 0.93 s for the chain).
let loaders = 0;
const trunkImport = /^\s*import init, \* as bindings from '([^']+)';\s*$/m;
function compileFromBytes(body) {
  const start = 'const wasm = await init(';
  if (!body.includes(start)) return body; // another module script: left as it is
  loaders += 1;
  const app = trunkImport.exec(body);
  if (!app) throw new Error(`postbuild: the wasm loader has no "import init, * as bindings from '...';" line:\n${body}`);
  return body
    .replace(trunkImport, '')
    .replace(start, `await new Promise((painted) => {
  // The first contentful paint's entry comes once that frame is on screen (a frame's
  // requestAnimationFrame comes before it is painted, and under load the paint came later).
  new PerformanceObserver((list) => list.getEntriesByName('first-contentful-paint').length && setTimeout(painted))
    .observe({ type: 'paint', buffered: true });
  setTimeout(painted, 500); // a tab in the background paints no frame; a browser without paint timing
});
for (const href of (document.querySelector('meta[name="atlas-preload"]')?.content ?? '').split(' ')) {
  if (!href) continue;
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href, crossOrigin: 'anonymous' });
  document.head.append(link);
}
const bindings = await import('${app[1]}');
const init = bindings.default;
${start}`)
    .replace(/module_or_path: '([^']+\.wasm)'/, (whole, url) =>
      `module_or_path: fetch('${url}').then((r) => { if (!r.ok) throw new Error(\`\${r.status} \${r.url}\`); return r.arrayBuffer(); })`);
}

// 1. Inline module script -> external file. Trunk's dev server may add its own
//    auto-reload script; it is moved the same way, which keeps `trunk serve` working under the CSP.
let moved = 0;
html = html.replace(/<script type="module"(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g, (_, attrs, body) => {
  body = compileFromBytes(body);
  const name = `init-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(staging, name), minified(body.trim(), 'js') + '\n');
  moved += 1;
  const kept = attrs.replace(/\s*nonce="[^"]*"/, '');
  return `<script type="module"${kept} src="${publicUrl}${name}"></script>`;
});
if (moved > 0 && loaders !== 1) {
  console.error(`postbuild: expected one wasm loader script with "const wasm = await init(", found ${loaders}`);
  process.exit(1);
}
if (moved === 0 && /<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('postbuild: found an inline script it does not know how to move; the CSP would block it');
  process.exit(1);
}

// 2. Preloads: Chromium warns when a preloaded wasm is fetched by a request that does not
//    match exactly; the loader requests both files immediately, so the hints buy nothing.
html = html.replace(/\s*<link rel="(?:modulepreload|preload)"[^>]*>/g, '');

writeFileSync(join(staging, 'index.html'), html);

const escape = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function withMeta(page, { title, description }) {
  const out = page
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${escape(title)}</title>`)
    .replace(/<meta name="description" content="[^"]*">/, `<meta name="description" content="${escape(description)}">`);
  if (!out.includes(`<title>${escape(title)}</title>`)) throw new Error('postbuild: no <title> to replace');
  return out;
}

// 2b. The one inline script, in the head of a route with a snapshot (step 3c): before the first
//     paint, it lets the snapshot of the default view show for an address that asks for that view
//     (no query, no fragment; style/static-charts.css). Inline, because a script file there
//     blocks the first paint on a request (Lighthouse's LCP 0.2 – 0.4 s later on every route);
//     the CSP allows exactly this script by its hash, and no other inline script.
const SNAPSHOT_CHECK = "if(!location.search&&!location.hash)document.documentElement.classList.add('boot-default')";
const snapshotCheckHash = `'sha256-${createHash('sha256').update(SNAPSHOT_CHECK).digest('base64')}'`;
if (!html.includes("script-src 'self'")) throw new Error("postbuild: the CSP has no script-src 'self' to add the snapshot check's hash to");
html = html.replace("script-src 'self'", `script-src 'self' ${snapshotCheckHash}`);

// 3. One file per route, each preloading its page's chunks so they download alongside the
//    main module instead of after it, and with the static first paint (bootMarkup).
// The first paint without waiting for the wasm: a static copy of the app's header (the same
// markup as src/components/header.rs) and of the page's pending state (PendingPage in
// src/components/page.rs: heading, lead, "Loading the page…"). src/main.rs removes every
// [data-boot] element just before the app draws the same in its place, so nothing moves.
const navHref = (path) => (path === '/' ? publicUrl : publicUrl + path.slice(1));
function bootMarkup(route) {
  const nav = routes
    .filter((r) => r.nav)
    .map((r) => `<li><a href="${navHref(r.path)}"${r.path === route.path ? ' aria-current="page"' : ''}>${escape(r.nav)}</a></li>`)
    .join('');
  return '<header class="site-header" data-boot><a class="skip-link" href="#main">Skip to content</a>'
    + `<div class="header-inner"><a class="brand" href="${publicUrl}"><span class="brand-mark" aria-hidden="true">◆</span>Backend Atlas</a>`
    + `<nav id="site-nav" aria-label="Main"><ul class="nav-list">${nav}</ul></nav>`
    + '<div class="header-tools"><button class="icon-button search-button" type="button" aria-haspopup="dialog"><span aria-hidden="true">⌕</span><span class="button-label">Search</span><kbd aria-hidden="true">Ctrl K</kbd></button>'
    + '<label class="theme-choice"><span class="visually-hidden">Theme</span><select class="theme-select" name="theme">'
    + ['system', 'light', 'dark'].map((v) => `<option value="${v}">Theme: ${v}</option>`).join('') + '</select></label>'
    + '<button class="icon-button menu-button" type="button" aria-controls="site-nav" aria-expanded="false"><span aria-hidden="true">☰</span>Menu</button></div></div></header>'
    + `<main id="main" tabindex="-1" data-boot><div class="page" aria-busy="true"><h1>${escape(route.heading)}</h1>`
    + `<p class="lead">${escape(route.lead)}</p><p class="loading" role="status">Loading the page…</p>${staticFigures(route)}</div></main>`;
}

// If the app cannot start (its wasm or script fails to load, or throws before mounting), the
// static page says so instead of "Loading the page…" for ever. That part only touches
// [data-boot], which the app removes when it mounts, so a running app is never affected.
// Once it runs, a trap in the wasm (a Rust panic: the release build aborts at once, see the
// Makefile) has stopped it: a panel at the top of the page says so, with a reload link, built
// with plain DOM calls (the wasm instance cannot be trusted any more) and text only. It also
// applies the reader's stored theme before the first paint.
const bootCheck = `// Written by scripts/postbuild.mjs.
(() => {
  // The reader's stored theme (THEME_KEY in src/theme.rs), before the first
  // paint: no flash of the other theme, and the page's first (slow) storage access is done
  // here rather than in the app's mount.
  let stored = null;
  try {
    const theme = localStorage.getItem('backend-atlas.theme');
    if (theme === 'light' || theme === 'dark') stored = theme;
  } catch {
    // Storage disabled: the app says so where it matters (the roadmap's progress).
  }
  if (stored) document.documentElement.dataset.theme = stored;
  // The static header's theme select tells the truth until the app's replaces it.
  addEventListener('DOMContentLoaded', () => {
    const select = document.querySelector('[data-boot] .theme-select');
    if (select) select.value = stored || 'system';
  });
  const report = () => {
    const status = document.querySelector('[data-boot] .loading');
    if (!status || status.dataset.failed) return;
    status.dataset.failed = 'true';
    status.setAttribute('role', 'alert');
    status.textContent = 'The app could not start, or is taking long. Check your connection and reload the page.';
    // The notice, not the snapshot of a page that is not coming.
    document.documentElement.classList.remove('boot-default');
    // The default charts drawn at build time, for an address that asks for the default view.
    const figures = document.querySelector('[data-boot] .static-figures');
    if (figures && !location.search) figures.hidden = false;
  };
  const stopped = (error) => {
    if (!(error instanceof WebAssembly.RuntimeError)) return;
    if (document.querySelector('[data-boot], .panic-panel')) return;
    const el = (tag, text) => {
      const node = document.createElement(tag);
      node.textContent = text;
      return node;
    };
    const panel = el('section', '');
    panel.className = 'error-panel panic-panel';
    panel.setAttribute('role', 'alert');
    panel.tabIndex = -1;
    const reload = el('a', 'Reload the page');
    reload.href = location.href;
    panel.append(
      el('h2', 'Something went wrong in Backend Atlas'),
      el('p', 'The app hit an internal error and stopped. Reloading usually fixes it; your saved progress is kept in this browser.'),
      el('pre', String(error.message)),
      reload,
    );
    document.body.prepend(panel);
    panel.focus();
  };
  // Uncaught errors (target: window) and scripts that fail to load; not images or preloads.
  addEventListener('error', (e) => {
    if (e.target === window || e.target instanceof HTMLScriptElement) report();
    if (e.target === window) stopped(e.error);
  }, true);
  addEventListener('unhandledrejection', (e) => {
    report();
    stopped(e.reason);
  });
  addEventListener('load', () => setTimeout(report, 20000));
  // On paper: the page's address and the date at the top (.print-stamp in style/main.css), for
  // the print dialog and for print media under emulation alike.
  const stamp = () => {
    let node = document.querySelector('.print-stamp');
    if (!node) {
      node = document.createElement('p');
      node.className = 'print-stamp';
      document.body.prepend(node);
    }
    const day = new Date().toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric' });
    node.textContent = \`\${location.href} · printed \${day}\`;
  };
  addEventListener('beforeprint', stamp);
  matchMedia('print').addEventListener('change', (e) => e.matches && stamp());
  // Offline support (scripts/pwa.mjs), once the page is interactive (the app's
  // \`page-interactive\` mark, src/components/data_view.rs; at the latest 15 s after load, for a page without
  // data) and the browser is idle: no part of the first load.${release ? `
  let offline = false;
  const loadOffline = () => {
    if (offline) return;
    offline = true;
    (window.requestIdleCallback || setTimeout)(() => import('${publicUrl}offline.js').catch(() => {}), { timeout: 4000 });
  };
  try {
    new PerformanceObserver((list) => list.getEntriesByName('page-interactive').length && loadOffline())
      .observe({ type: 'mark', buffered: true });
  } catch {
    // No PerformanceObserver: the time-out below.
  }
  addEventListener('load', () => setTimeout(loadOffline, 15000));` : ''}
})();
`;
const bootCheckName = `boot-${createHash('sha256').update(bootCheck).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(staging, bootCheckName), minified(bootCheck, 'js'));

// 3b. The default charts drawn at build time (target/prerender/charts.json, written by the
//     prerender binary that `make build` runs before Trunk; PRERENDERED_CHARTS names another file).
//     A release build needs them; `trunk serve` goes without when the file is missing.
const chartsFile = process.env.PRERENDERED_CHARTS || join(root, 'target', 'prerender', 'charts.json');
const prerendered = existsSync(chartsFile) ? JSON.parse(readFileSync(chartsFile, 'utf8')) : null;
if (!prerendered && release) {
  console.error(`postbuild: ${chartsFile} is missing; \`make build\` writes it (cargo run -p atlas-core --bin prerender)`);
  process.exit(1);
}
let staticChartsCss = null;
if (prerendered) {
  const css = minified(readFileSync(join(root, 'style', 'static-charts.css'), 'utf8') + prerendered.css, 'css');
  staticChartsCss = `static-charts-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(staging, staticChartsCss), css);
}
// The route's drawings as figures: the live chart's title, its text alternative and a note that
// this is the default view (a shared link's own view is never shown as this: the boot script
// shows these only for an address without a query). One drawing per width; CSS shows one.
// A route's drawings: { ids, of(id) (narrowest first), svgs(id, attributes) }.
function drawingsOf(path) {
  const drawings = (prerendered?.drawings ?? []).filter((d) => d.route === path);
  const widest = Math.max(...drawings.map((d) => d.width));
  const of = (id) => drawings.filter((d) => d.id === id).sort((a, b) => a.width - b.width);
  return {
    ids: [...new Set(drawings.map((d) => d.id))],
    of,
    // A fluid drawing (the map: no text, its own proportions) is one for every width.
    svgs: (id, attributes) => of(id).map((d) => d.svg.replace('<svg class="static-chart"',
      `<svg class="${attributes.class ?? ''}static-chart ${d.fluid ? 'fluid' : d.width === widest ? 'desktop' : 'phone'}" ${attributes.more(d)}`)).join(''),
  };
}

function staticFigures(route) {
  const drawings = drawingsOf(route.path);
  if (!drawings.ids.length) return '';
  const figures = drawings.ids.map((id) => {
    const { title, summary } = drawings.of(id)[0];
    const svgs = drawings.svgs(id, { more: () => `role="img" aria-label="Chart: ${escape(title)}" aria-describedby="${id}-static-summary"` });
    return `<figure class="chart static-figure" aria-labelledby="${id}-static-title"><div class="chart-head"><h3 id="${id}-static-title">${escape(title)}</h3></div>`
      + '<p class="static-note">The page\'s default view, drawn when the site was built.</p>'
      + svgs
      + `<p class="chart-summary" id="${id}-static-summary">${escape(summary)}</p></figure>`;
  });
  return `<div class="static-figures" hidden>${figures.join('')}</div>`;
}

// The Frameworks, Roadmap, Hiring and Offers pages' own stylesheet (style/pages.css): linked by
// the routes with `page_styles` in src/routes.json; in a split build every other route names it
// for the split loader, which links it with such a page's pack (scripts/split.mjs, packRuntime).
const pageStylesLink = /<link rel="stylesheet" href="([^"]*\/pages-[0-9a-f]+\.css)"[^>]*>/;
function withPageStyles(page, route) {
  const link = pageStylesLink.exec(page);
  if (!link) throw new Error('postbuild: index.html links no pages-<hash>.css (style/pages.css)');
  if (!split || route.page_styles) return page;
  return page.replace(link[0], `<meta name="atlas-page-styles" content="${link[1]}">`);
}

// Data a route fetches at once besides the dataset (the Locations page's default files).
const routeData = routeDataOf(JSON.parse(readFileSync(join(staging, 'data', 'atlas.json'), 'utf8')));
for (const route of routes) {
  let page = withPageStyles(withMeta(html, route), route);
  if (split) {
    const files = split.pages[pagePoint(route.path)];
    if (!files) throw new Error(`postbuild: no wasm chunk for the route ${route.path}`);
    // Fetched once the first paint is on screen (compileFromBytes): the main module, the
    // dataset (the app asks for it only once the main module runs) and the page's pack.
    const preload = [split.mainWasm, 'data/atlas.json', ...(routeData[route.path] ?? []), ...files]
      .map((f) => `${publicUrl}${f}`);
    page = page.replace('</head>', `<meta name="atlas-preload" content="${escape(preload.join(' '))}"></head>`);
  }
  if (!route.lead) throw new Error(`postbuild: the route ${route.path} has no lead in src/routes.json`);
  page = page.replace('</body>', `${bootMarkup(route)}\n</body>`);
  if (staticChartsCss && page.includes('class="static-figures"')) {
    // Before the boot script, which blocks the parser: both stylesheets are asked for at once.
    page = page.replace('<script type="module"', `<link rel="stylesheet" href="${publicUrl}${staticChartsCss}"><script type="module"`);
  }
  // Before the app's module script, so its load errors are seen.
  // Before the app's module script, so its load errors are seen.
  page = page.replace('<script type="module"', `<script src="${publicUrl}${bootCheckName}" defer></script><script type="module"`);
  if (!page.includes(bootCheckName)) throw new Error('postbuild: found no module script to put the boot check before');
  const dir = route.path === '/' ? staging : join(staging, route.path.slice(1));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), page);
}

// 3c. The snapshot of each route with build-time charts (scripts/snapshot.mjs): its default view
//     as the app renders it, captured from the files just written, with the drawings where its
//     canvases are (at the canvas's height; the drawing keeps its proportions inside). Shown at the
//     first paint for an address without query or fragment (the boot script,
//     style/static-charts.css) until the live page's charts are drawn (src/boot.rs). Only the
//     split release build runs the app this way; `trunk serve` goes without.
// A chart's legend as the snapshot has it (in its frame, between the heading and the canvas),
// made static for the figure of a failed start: the summaries speak of it. A legend's buttons
// (the Salaries sources, which hide a source) become plain items; other controls stay out.
function legendOf(snapshot, mark, what) {
  const frame = snapshot.slice(snapshot.lastIndexOf('<figure class="chart"', snapshot.indexOf(mark)), snapshot.indexOf(mark));
  const parts = frame.match(/^<figure class="chart"><div class="chart-head">[\s\S]*?<\/div><\/div>([\s\S]*?)<div class="chart-canvas-wrap">$/);
  if (!parts) throw new Error(`postbuild: the snapshot's frame of ${what} is not heading, legend, canvas`);
  const legend = parts[1].match(/(?:<p class="map-legend-title">[^<]*<\/p>)?(?:<ul class="legend[^"]*"[^>]*>[\s\S]*?<\/ul>|<div class="legend"[^>]*>[\s\S]*?<\/div>)/);
  return (legend?.[0] ?? '')
    .replace(/<div class="legend" aria-label="([^"(]*?) \(press to show or hide\)">([\s\S]*?)<\/div>/, '<ul class="legend static" aria-label="$1">$2</ul>')
    .replace(/<button class="legend-item" type="button" aria-pressed="true">([\s\S]*?)<\/button>/g, '<li class="legend-item static">$1</li>');
}
function withLegend(page, id, legend) {
  if (/<button|<input|<div class="legend"/.test(legend)) throw new Error(`postbuild: ${id}'s legend keeps a control: ${legend.slice(0, 200)}`);
  const note = new RegExp(`(id="${id}-static-title">[^<]*</h3></div><p class="static-note">[^<]*</p>)`);
  if (!note.test(page)) throw new Error(`postbuild: no static figure of ${id} to put its legend in`);
  // A function, not a string: a legend's text holds `$` ("under $115,000").
  return page.replace(note, (head) => head + legend);
}

if (prerendered && split && release) {
  const wanted = routes
    .map((route) => ({ path: route.path, drawings: drawingsOf(route.path) }))
    .filter((r) => r.drawings.ids.length)
    .map(({ path, drawings }) => ({
      path,
      ids: drawings.ids,
      // A fluid drawing takes the canvas's height from its proportions, at any width.
      heights: Object.fromEntries(drawings.ids.map((id) => [id, drawings.of(id)[0].fluid ? null : drawings.of(id)[0].height])),
    }));
  const { capturePages } = await import('./snapshot.mjs');
  const captured = await capturePages({ dir: staging, publicUrl, wanted });
  for (const { path, ids } of wanted) {
    const drawings = drawingsOf(path);
    let snapshot = captured[path];
    const file = join(path === '/' ? staging : join(staging, path.slice(1)), 'index.html');
    let page = readFileSync(file, 'utf8');
    for (const id of ids) {
      const mark = `<!--chart:${id}-->`;
      if (!snapshot.includes(mark)) throw new Error(`postbuild: the snapshot of ${path} has no place for ${id}`);
      const legend = legendOf(snapshot, mark, `${path} ${id}`);
      // A summary that points to the legend must have one beside it.
      if (!legend && /legend/i.test(drawings.of(id)[0].summary)) throw new Error(`postbuild: ${path} ${id}'s summary speaks of a legend the snapshot has none of`);
      page = withLegend(page, id, legend);
      snapshot = snapshot.replace(mark, drawings.svgs(id, {
        class: 'chart-canvas ',
        more: (d) => `${d.fluid ? '' : `height="${d.height}" `}data-chart="${id}" aria-hidden="true"`,
      }));
    }
    // First in the static main: the drawings' second copies (the figures for a failed start)
    // then sit within gzip's reach of the first, and cost a few bytes.
    const boot = '<main id="main" tabindex="-1" data-boot>';
    if (page.split(boot).length !== 2) throw new Error(`postbuild: ${file} should have one ${boot}`);
    const root = '<html lang="en">';
    if (!page.includes(root)) throw new Error(`postbuild: ${file} has no ${root}`);
    const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
    if (!csp.test(page)) throw new Error(`postbuild: ${file} has no CSP meta to put the snapshot check after`);
    writeFileSync(file, page
      .replace(boot, () => boot + snapshot)
      .replace(root, '<html lang="en" class="snapshot">')
      .replace(csp, (meta) => `${meta}<script>${SNAPSHOT_CHECK}</script>`));
  }
}

// 4. Fallback for everything else.
const notFound = withPageStyles(withMeta(html, NOT_FOUND), NOT_FOUND)
  .replace('<script type="module"', `<script src="${publicUrl}${bootCheckName}" defer></script><script type="module"`);
if (!notFound.includes(bootCheckName)) throw new Error('postbuild: found no module script in 404.html');
writeFileSync(join(staging, '404.html'), notFound);

// 5. Icons, the web app manifest, and in release builds the service worker and its client, last:
//    the service worker's precache list names every file written above.
const offline = await writeOffline({ dir: staging, publicUrl, description: routes[0].description, release });
const offlineNote = offline ? `, service worker precaching ${offline.count} files` : '';

const splitNote = split ? `, wasm split into ${split.files} files` : '';
console.log(`postbuild: ${moved} inline script(s) moved, ${routes.length} route files and 404.html written${splitNote}${offlineNote}`);
