// The service day's app shell, kept for work without signal (docs/portal-service-days.md, "Sin señal"). Scope
// /jornadas/dia/: only the tablet page of a day is answered from here; every other request goes to the network as usual.
// Change VERSION whenever a file below changes, so that tablets take the new files (and drop the old ones).
const VERSION = 'jornada-2026-12-06-3';
const SHELL = '/jornadas/tableta.html';
const FILES = [SHELL, '/jornadas/tableta.js', '/jornadas/tableta-almacen.js', '/jornadas/tableta-envio.js',
  '/jornadas/tableta-formularios.js', '/jornadas/tableta.css', '/jornadas/icono.svg'];
const TABLET_PAGE = /^\/jornadas\/dia\/[0-9a-f-]{36}\/tableta\/?$/i;

self.addEventListener('install', event => {
  // The first time, the page has just loaded these files: take them from the browser's cache instead of downloading
  // them again (the shell is the tablet page the person has open). An update asks the server (a 304 when a file did
  // not change).
  const first = !self.registration.active;
  const mode = first ? 'force-cache' : 'no-cache';
  event.waitUntil((async () => {
    const cache = await caches.open(VERSION);
    const open = first ? (await self.clients.matchAll({ type: 'window', includeUncontrolled: true }))
      .find(c => TABLET_PAGE.test(new URL(c.url).pathname)) : null;
    const shell = await fetch(new Request(open ? new URL(open.url).pathname : SHELL, { cache: mode, credentials: 'same-origin' }));
    if (!shell.ok || shell.redirected) throw new Error('El armazón de la página no se pudo guardar.');
    await cache.put(SHELL, shell);
    await cache.addAll(FILES.filter(f => f !== SHELL).map(url => new Request(url, { cache: mode, credentials: 'same-origin' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('jornada-') && k !== VERSION).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === 'navigate' && TABLET_PAGE.test(url.pathname)) {
    event.respondWith(caches.match(SHELL).then(cached => cached || fetch(request)));
  } else if (FILES.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then(cached => cached || fetch(request)));
  }
});
