/**
 * Composition root: builds the Fastify app from core and then from every module.
 * Core never imports a module; modules reach core through its public files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './core/config.js';
import type { Database } from './core/db/database.js';
import { createScheduler } from './core/jobs/scheduler.js';
import { validatorCompiler } from './core/http/validation.js';
import { registerProblemHandlers, sendProblem } from './core/http/problem.js';
import { registerWriteLimits } from './core/http/write-limit.js';
import { enforceDeclaredAccess, PUBLIC } from './core/http/access.js';
import { openapiOptions } from './core/http/openapi.js';
import { registerAuth } from './core/auth/auth.plugin.js';
import { registerNoStore } from './core/http/no-store.js';
import { authRoutes } from './core/auth/auth.routes.js';
import { orgRoutes } from './core/org/org.routes.js';
import { healthRoutes } from './core/http/health.routes.js';
import { corePlugins } from './core/index.js';
import { house } from './modules/registry.js';
import { installHouse } from './modules/compose.js';
import { installSecretSource } from './core/secrets.js';
import type { App } from './core/http/types.js';

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: boolean | object;
}

export async function buildApp({ config, database, logger }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 1024 * 1024,
    genReqId: () => Math.random().toString(36).slice(2, 12),
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler as any);
  app.setSerializerCompiler(serializerCompiler);

  const scheduler = createScheduler(database.db, app.log, { dataDir: config.dataDir });
  app.decorate('deps', { config, database, scheduler });

  const hasWeb = fs.existsSync(path.join(config.webDir, 'index.html'));
  registerProblemHandlers(app, { notFound: !hasWeb });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 5 } });
  await app.register(swagger, openapiOptions() as any);
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app);
  registerNoStore(app);
  registerWriteLimits(app, config.writeLimits);
  enforceDeclaredAccess(app);

  app.get('/api/v1/openapi.json', { config: PUBLIC, schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(orgRoutes);
  for (const plugin of corePlugins) await plugin.start?.(app);
  for (const plugin of corePlugins) await app.register(plugin.routes);
  for (const job of corePlugins.flatMap((p) => p.jobs ?? [])) scheduler.register(job);
  installHouse(house);
  installSecretSource({ dataDir: config.dataDir, keyText: config.secretKey });
  for (const mod of house.modules) if (mod.routes) await app.register(mod.routes);
  for (const job of house.jobs) scheduler.register(job);

  if (hasWeb) serveWeb(app, config.webDir);
  app.addHook('onClose', async () => scheduler.stop());
  return app;
}

/**
 * The built single-page app, with index.html for every non-API path. The build writes a
 * .br and a .gz beside each asset, so a phone on a slow link downloads a fraction of the
 * bytes without the server compressing on every request.
 */
function serveWeb(app: App, webDir: string) {
  app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: 'index.html',
    preCompressed: true,
    // The compressed twins are only ever reached through Accept-Encoding, never by their own URL.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (res, filePath) => {
      const relative = path.relative(webDir, filePath);
      res.setHeader('cache-control', webCacheControl(relative));
      // A shared cache must not hand the brotli body to a client that asked for none.
      res.setHeader('vary', 'Accept-Encoding');
      // @fastify/static hands over reply.raw (its type names only get/set), where helmet put these.
      if (isHashedAsset(relative)) for (const name of DOCUMENT_ONLY_HEADERS) (res as unknown as ServerResponse).removeHeader(name);
    },
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return sendProblem(req, reply, 404, 'route_not_found', 'error.routeNotFound');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

/**
 * Files under assets/ carry a content hash in their name, so a browser may keep them for a
 * year without asking again; everything else (index.html above all) names the current
 * hashes and must be revalidated on each visit so a deploy reaches the user at once.
 */
function webCacheControl(relativePath: string): string {
  return isHashedAsset(relativePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

const isHashedAsset = (relativePath: string) => /^assets[\\/]/.test(relativePath);

/**
 * Helmet's headers that only a document (or a worker script) obeys. A phone fetches ~20
 * scripts to its first form, and these were half of each response's ~1 KB of headers; on
 * a script or a stylesheet they do nothing. nosniff, CORP and HSTS stay: they do apply.
 */
const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];
