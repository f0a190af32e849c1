/**
 * Emits /sw.js, the service worker that lets the app open on a network that comes and goes
 * (a worker's appeal form underground, a parent on a weak home line): the page shell and the
 * entry's code are cached at install, every hashed asset the user has loaded is kept, and a
 * page request falls back to the cached shell when the network fails. The API is never
 * cached: answers are personal and must be current.
 */
import { createHash } from 'node:crypto';
import type { OutputBundle } from 'rollup';
import type { Plugin } from 'vite';

/** The entry chunk and everything it imports statically: what the first paint needs. */
function shellFiles(bundle: OutputBundle): string[] {
  const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry);
  const seen = new Set<string>();
  const visit = (name: string) => {
    const file = bundle[name];
    if (!file || seen.has(name)) return;
    seen.add(name);
    if (file.type === 'chunk') file.imports.forEach(visit);
  };
  if (entry) visit(entry.fileName);
  return [...seen].map((f) => `/${f}`);
}

// Plain script (no bundling, no types): it runs in the worker's own global scope.
const WORKER = (version: string, shell: string[]) => `'use strict';
const CACHE = 'xq-${version}';
const SHELL = ${JSON.stringify(['/', ...shell])};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

// A new build's worker drops the previous build's files.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('xq-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page loaded its first files before this worker controlled it: it names them, and they are kept too.
self.addEventListener('message', (event) => {
  const urls = event.data && event.data.type === 'keep' && Array.isArray(event.data.urls) ? event.data.urls : [];
  const assets = urls.filter((u) => typeof u === 'string' && new URL(u).origin === self.location.origin && new URL(u).pathname.startsWith('/assets/'));
  event.waitUntil(
    caches.open(CACHE).then((c) => Promise.all(assets.map((u) => c.match(u).then((hit) => hit || c.add(u).catch(() => undefined))))),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    // Every page is the same index.html: the network's copy when there is one (a new build
    // names new files), the cached one when there is not.
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            event.waitUntil(caches.open(CACHE).then((c) => c.put('/', copy)));
          }
          return res;
        })
        .catch(() => caches.match('/').then((hit) => hit || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed names never change content: the cache answers first.
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              event.waitUntil(caches.open(CACHE).then((c) => c.put(req, copy)));
            }
            return res;
          }),
      ),
    );
  }
});
`;

export function serviceWorker(): Plugin {
  return {
    name: 'xq-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const names = Object.keys(bundle).sort();
      const version = createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: WORKER(version, shellFiles(bundle)) });
    },
  };
}
