// The service worker: after one visit the site opens with no network
// (issue 16). It keeps the site's own files in a cache named by a hash of
// their contents, which `scripts/sw.mjs` writes in at build time, so a new
// build is a new cache; the old one is deleted when the new worker takes
// over (after every tab of the old version is closed: no page ever mixes
// two versions). It answers only requests for this origin's files and
// asks nothing of any other origin.
const BUILD = '__GANGMU_BUILD__';
const FILES = ['./'];
const CACHE = `gangmu-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith('gangmu-') && name !== CACHE).map((name) => caches.delete(name)),
      );
      // The first visit's page, too, is served offline from now on.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // A page's address with a share link after # is the page; a retry's
      // ?retry=1 is the same file.
      const cached = await cache.match(request, { ignoreSearch: true });
      return cached ?? fetch(request);
    })(),
  );
});
