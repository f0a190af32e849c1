/**
 * Writes a brotli (.br) and a gzip (.gz) twin beside every text asset of the build, so the
 * server (@fastify/static with preCompressed) sends the smallest one the browser accepts
 * without compressing on each request. Highest levels: the cost is paid once, at build time.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const TEXT = /\.(js|mjs|css|html|svg|json|txt|map)$/;
// Below this a compressed body saves less than the headers and a round of negotiation cost.
const MIN_BYTES = 1024;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (TEXT.test(entry.name)) yield full;
  }
}

async function compressOne(file: string) {
  const body = await fs.readFile(file);
  if (body.length < MIN_BYTES) return;
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
}

export function precompress(): Plugin {
  return {
    name: 'xq-precompress',
    apply: 'build',
    async writeBundle(options) {
      if (!options.dir) return;
      const jobs: Promise<void>[] = [];
      for await (const file of files(options.dir)) jobs.push(compressOne(file));
      await Promise.all(jobs);
    },
  };
}
