import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { initI18n } from './i18n';
import { moduleMessageLoaders, moduleMessages } from './modules/registry';
import { App } from './app/App';
import { queryClient } from './app/queryClient';
import './styles.css';
// The light phone path's styles travel inlined with the entry (web/inlineCss.ts): no extra request before its first paint.
import './shared/light/light.css';

// Before the first render, so nothing paints in the wrong language.
initI18n(moduleMessages, moduleMessageLoaders);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

// The built app only: the dev server's modules are not hashed files a cache could keep.
// The first visit's files arrived before the worker controlled the page: name them to it (when
// it is active, and again once it controls the page, so nothing loaded in between is missed).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const keep = (worker: ServiceWorker | null | undefined) =>
    worker?.postMessage({ type: 'keep', urls: performance.getEntriesByType('resource').map((e) => e.name) });
  navigator.serviceWorker.addEventListener('controllerchange', () => keep(navigator.serviceWorker.controller));
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => keep(reg.active))
      .catch(() => undefined);
  });
}
