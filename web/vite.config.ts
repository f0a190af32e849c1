import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { manualChunks } from './chunks';
import { inlineEntryCss } from './inlineCss';
import { menuLabels } from './menuLabels';
import { precompress } from './precompress';
import { serviceWorker } from './serviceWorker';

// Resolve paths from this file, not from the caller's cwd: the project builds with
// `vite build --config web/vite.config.ts` from the repository root.
const webDir = fileURLToPath(new URL('.', import.meta.url));
const fromWeb = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Enums and permission names are shared with the server; one truth for both.
const alias = { '@common': fromWeb('../common') };

export default defineConfig({
  root: webDir,
  plugins: [react(), menuLabels(fromWeb('src/modules'), alias), inlineEntryCss(), serviceWorker(), precompress()],
  resolve: { alias },
  build: {
    outDir: fromWeb('../dist/web'),
    emptyOutDir: true,
    // antd alone is ~1 MB before gzip; pages are lazy, so the warning would only be noise.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks: manualChunks(),
        // The app's own small shared files (an api helper, a label map) ride with a neighbour
        // rather than costing a request each (~1 KB of headers for a few hundred bytes).
        experimentalMinChunkSize: 4_000,
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
