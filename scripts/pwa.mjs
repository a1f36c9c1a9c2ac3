// Offline and install support for a built site (issue "Take it with you"), run by
// scripts/postbuild.mjs as its last step; can also be run by hand on a finished build:
// `node scripts/pwa.mjs dist /backend-atlas/`.
//
// Writes, into the build directory:
// - icons/icon-192.png, icons/icon-512.png and icons/maskable-512.png, drawn from public/favicon.svg
//   with resvg (nothing hand-made is committed);
// - manifest.webmanifest (linked from index.html);
// - offline.js: scripts/offline/client.js bundled with workbox-window (loaded by the boot script
//   once the page is idle);
// - in release builds only, sw.js: scripts/offline/sw.js bundled with the Workbox modules, with
//   the precache list (file names and revisions) injected by workbox-build. `trunk serve` gets no
//   service worker, so a development session never serves stale files.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { build } from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The colours of the light and dark themes (style/main.css, --bg) and the icon's own. */
const LIGHT_BG = '#f7f8fa';
const DARK_BG = '#0f1419';
const ICON_BG = '#0f766e';

/** Data files a route fetches at once besides the dataset: Locations draws the state map with the
 *  default occupation's figures (the first occupation the dataset's release lists), and search
 *  reads that occupation's areas. */
export function routeData(atlas) {
  const code = atlas.oews?.occupations?.[0]?.code;
  return {
    '/locations': code ? ['data/oews/states-map.json', `data/oews/${code}-states.json`] : [],
    search: code ? [`data/oews/${code}.json`] : [],
  };
}

function icons(dir) {
  const svg = readFileSync(join(root, 'public/favicon.svg'), 'utf8');
  const inner = svg.match(/<svg[^>]*viewBox="([^"]+)"[^>]*>([\s\S]*)<\/svg>/);
  if (!inner) throw new Error('pwa: public/favicon.svg has no viewBox');
  const png = (source, size) => new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng();
  // Maskable: full-bleed background, the mark inside the central safe zone (a circle of 40 %).
  const maskable = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">`
    + `<rect width="512" height="512" fill="${ICON_BG}"/>`
    + `<svg x="56" y="56" width="400" height="400" viewBox="${inner[1]}">${inner[2]}</svg></svg>`;
  mkdirSync(join(dir, 'icons'), { recursive: true });
  writeFileSync(join(dir, 'icons/icon-192.png'), png(svg, 192));
  writeFileSync(join(dir, 'icons/icon-512.png'), png(svg, 512));
  writeFileSync(join(dir, 'icons/maskable-512.png'), png(maskable, 512));
}

function manifest(dir, publicUrl, description) {
  const icon = (src, purpose) => ({ src: `${publicUrl}icons/${src}`, sizes: src.match(/(\d+)\.png$/)[1].replace(/^(\d+)$/, '$1x$1'), type: 'image/png', purpose });
  const body = {
    id: publicUrl,
    name: 'Backend Atlas',
    short_name: 'Atlas',
    description,
    lang: 'en',
    start_url: publicUrl,
    scope: publicUrl,
    display: 'standalone',
    // The manifest has one pair of colours: the light theme's. The dark theme's come from the
    // pages' <meta name="theme-color" media="(prefers-color-scheme: dark)">, and from
    // `user_preferences` in browsers that read it.
    theme_color: LIGHT_BG,
    background_color: LIGHT_BG,
    user_preferences: { color_scheme_dark: { theme_color: DARK_BG, background_color: DARK_BG } },
    icons: [icon('icon-192.png', 'any'), icon('icon-512.png', 'any'), icon('maskable-512.png', 'maskable')],
  };
  writeFileSync(join(dir, 'manifest.webmanifest'), JSON.stringify(body));
}

const bundle = (entry, options) =>
  build({ entryPoints: [join(root, entry)], bundle: true, minify: true, legalComments: 'none', write: false, logLevel: 'warning', ...options })
    .then((r) => r.outputFiles[0].text);

/** What the service worker precaches (globs under the build directory). */
function precacheGlobs(dir) {
  const atlas = JSON.parse(readFileSync(join(dir, 'data/atlas.json'), 'utf8'));
  const data = routeData(atlas);
  return [
    '**/index.html', '404.html', '*.js', '*.wasm', '*.css', 'favicon.svg', 'icons/*.png', 'manifest.webmanifest',
    'data/atlas.json', 'data/example-offers.csv', ...data['/locations'], ...data.search,
  ];
}

/** Writes sw.js with the precache list of what `dir` holds now (also used by the update test). */
export async function writeServiceWorker(dir, publicUrl) {
  const options = {
    globDirectory: dir,
    globPatterns: precacheGlobs(dir),
    globIgnores: ['sw.js'],
    modifyURLPrefix: { '': publicUrl },
    // File names with a content hash need no revision.
    dontCacheBustURLsMatching: /-[0-9a-f]{16}(?:_bg)?\.(?:js|css|wasm)$/,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  };
  const { manifestEntries, warnings } = await getManifest(options);
  if (warnings.length) throw new Error(`pwa: ${warnings.join('; ')}`);
  const buildId = createHash('sha256').update(JSON.stringify(manifestEntries)).digest('hex').slice(0, 12);
  const code = await bundle('scripts/offline/sw.js', {
    format: 'iife',
    define: { BUILD_ID: JSON.stringify(buildId), 'process.env.NODE_ENV': '"production"' },
  });
  const swSrc = join(tmpdir(), `backend-atlas-sw-${process.pid}.js`);
  writeFileSync(swSrc, code);
  try {
    const result = await injectManifest({ ...options, swSrc, swDest: join(dir, 'sw.js') });
    if (result.warnings.length) throw new Error(`pwa: ${result.warnings.join('; ')}`);
    return { count: result.count, size: result.size, buildId };
  } finally {
    rmSync(swSrc, { force: true });
  }
}

/** Writes the icons, the manifest, the offline client and (in release builds) the service worker. */
export async function writeOffline({ dir, publicUrl, description, release }) {
  icons(dir);
  manifest(dir, publicUrl, description);
  writeFileSync(join(dir, 'offline.js'), await bundle('scripts/offline/client.js', { format: 'esm' }));
  if (!release) return null;
  return writeServiceWorker(dir, publicUrl);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, publicUrl = '/backend-atlas/'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/pwa.mjs DIR [PUBLIC_URL]');
    process.exit(2);
  }
  const routes = JSON.parse(readFileSync(join(root, 'src/routes.json'), 'utf8'));
  const sw = await writeOffline({ dir, publicUrl, description: routes[0].description, release: true });
  console.log(`pwa: ${sw.count} files precached (${sw.size} bytes), build ${sw.buildId}`);
}
