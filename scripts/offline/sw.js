// The service worker, bundled by scripts/pwa.mjs (esbuild, with the Workbox modules: nothing is
// fetched from a CDN) into dist/sw.js, where workbox-build's injectManifest puts the precache
// list in place of `self.__WB_MANIFEST`. Registered by scripts/offline/client.js.
//
// What it keeps (ARCHITECTURE.md, "Offline"):
// - the precache, fetched when it installs (once the page is idle): every route's index.html,
//   404.html, the main module, every page's pack, the scripts, the stylesheet, the icons, the
//   manifest, the dataset and the Locations page's default data files. A new deploy's list
//   replaces the old one when the new version takes over;
// - the other data files (Locations' other occupations), each kept once it has been opened online.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { clientsClaim, setCacheNameDetails } from 'workbox-core';

const scope = new URL(self.registration.scope).pathname; // "/backend-atlas/"
const within = new RegExp(`^${scope.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
// BUILD_ID (from scripts/pwa.mjs) names this deploy's cache of data files.
const DATA_CACHE = `backend-atlas-data-${BUILD_ID}`;

setCacheNameDetails({ prefix: 'backend-atlas' });
// The first visit's page is looked after from the moment the cache is complete: going offline
// right after it, its other pages still open. (A later version never claims pages this way: it
// waits for Reload, below.)
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST, {
  // A shared link's query (?levels=senior&period=month) opens the route's page; the app reads it.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
  cleanURLs: false,
  // The app's own links have no trailing slash (/backend-atlas/salaries): GitHub Pages redirects
  // them to the route's folder, whose index.html is precached.
  urlManipulation: ({ url }) => (url.pathname.endsWith('/') ? [] : [new URL(`${url.pathname}/index.html`, url)]),
});
cleanupOutdatedCaches();

// Any other page address inside the site is its not-found page, as GitHub Pages answers it.
// Addresses of files (a dot in the last segment) go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL(`${scope}404.html`), {
    allowlist: [within],
    denylist: [/\/[^/]*\.[^/]*$/],
  }),
);

// Data files not in the precache: the network first (always current online), and the copy kept
// from the last time when offline.
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && within.test(url.pathname) && request.destination !== 'document'
    && url.pathname.startsWith(`${scope}data/`),
  new NetworkFirst({ cacheName: DATA_CACHE, networkTimeoutSeconds: 5, plugins: [new ExpirationPlugin({ maxEntries: 100 })] }),
);

// The page's "Reload" (scripts/offline/client.js): this version takes over now.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

// Older deploys' data caches go when this version takes over.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith('backend-atlas-data-') && k !== DATA_CACHE).map((k) => caches.delete(k))),
    ),
  );
});
