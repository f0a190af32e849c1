/**
 * What a browser gets for the built web app: the smallest encoding it accepts, a year of
 * caching for hashed assets, and an index.html it revalidates on every visit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../test/app.js';

// A stand-in for dist/web as `npm run build:web` leaves it: each text file with .br and .gz twins.
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-web-'));
const INDEX = '<!doctype html><html><body><div id="root">心桥</div></body></html>'.repeat(40);
const SCRIPT = `console.log(${JSON.stringify('心桥 '.repeat(2000))});`;
const ASSET = 'assets/index-Ab12Cd34.js';
function writeWithTwins(rel: string, text: string) {
  const file = path.join(webDir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
}
writeWithTwins('index.html', INDEX);
writeWithTwins(ASSET, SCRIPT);
afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));

const t = useTestApp({ config: { webDir } });

const CHROME = 'gzip, deflate, br, zstd';

describe('serving the built web app', () => {
  it('sends a hashed asset brotli-compressed to a browser that accepts brotli, cached for a year', async () => {
    const res = await t.client().get(`/${ASSET}`, { 'accept-encoding': CHROME });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.raw.length).toBeLessThan(SCRIPT.length / 4);
    expect(zlib.brotliDecompressSync(res.raw).toString()).toBe(SCRIPT);
  });

  it('falls back to gzip, then to the plain file, by what the browser accepts', async () => {
    const gz = await t.client().get(`/${ASSET}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.raw).toString()).toBe(SCRIPT);

    const plain = await t.client().get(`/${ASSET}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the document-only security headers off hashed assets and on index.html', async () => {
    const asset = await t.client().get(`/${ASSET}`, { 'accept-encoding': CHROME });
    expect(asset.headers['content-security-policy']).toBeUndefined();
    expect(asset.headers['x-frame-options']).toBeUndefined();
    // These do apply to a script: a script served as text must not run, nor be read cross-origin.
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect(asset.headers['cross-origin-resource-policy']).toBe('same-origin');
    const page = await t.client().get('/appeals/new', { 'accept-encoding': CHROME });
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('makes the browser revalidate index.html at the root and on any app path, compressed', async () => {
    for (const url of ['/', '/appeals/new', '/heart-bridge/family']) {
      const res = await t.client().get(url, { 'accept-encoding': CHROME });
      expect(res.status, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(zlib.brotliDecompressSync(res.raw).toString(), url).toBe(INDEX);
    }
  });

  it('does not serve the compressed twins under their own names', async () => {
    const res = await t.client().get(`/${ASSET}.br`, { 'accept-encoding': CHROME });
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('still answers an unknown API path with a problem, not the app', async () => {
    const res = await t.client().get('/api/v1/nothing-here', { 'accept-encoding': CHROME });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
