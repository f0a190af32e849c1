import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { inlineEntryCss } from './inlineCss';
import { menuIcons } from './menuIcons';
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
  plugins: [react(), menuIcons(fromWeb('src/modules')), menuLabels(fromWeb('src/modules'), alias), inlineEntryCss(), serviceWorker(), precompress()],
  resolve: { alias },
  build: {
    outDir: fromWeb('../dist/web'),
    emptyOutDir: true,
    // antd alone is ~1 MB before gzip; pages are lazy, so the warning would only be noise.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Long-lived vendor chunks survive app deploys in the browser cache.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
