/**
 * A few seconds of the `npm run bench:load` mix (bench/load/workload.ts) against the built
 * server on small generated data (scale S): every request of every endpoint class must
 * succeed. No timing is asserted here — bench/RESULTS.md has the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.js';
import {
  finishedWeeks,
  mixedWorkload,
  preparePopulation,
  runMixedLoad,
  serverRoutes,
  signInAll,
  type ClassResult,
  type EndpointClass,
} from '../../bench/load/workload.js';
import { ENGINE, freshServerDb, type ServerDb } from './support/databases.js';
import { requireBuild, startXq, type XqServer } from './support/process.js';

let sdb: ServerDb;
let server: XqServer;
let classes: EndpointClass[];
beforeAll(async () => {
  requireBuild();
  sdb = await freshServerDb();
  const database = await sdb.open();
  let pop;
  try {
    await generate(database.db, 'S');
    pop = await preparePopulation(database.db, { parents: 8, teachers: 3, workers: 8, staff: 4, chairs: 2 });
  } finally {
    await database.close();
  }
  // The production write limits stay on: the mix must live within them.
  server = await startXq({ ...sdb.env, TRUST_PROXY: '1' });
  const signed = await signInAll(server.url, pop);
  const weeks = await finishedWeeks(server.url, signed.teachers[0]);
  classes = mixedWorkload(signed, pop, await serverRoutes(server.url), weeks, 10);
}, 120_000);
afterAll(async () => {
  await server?.kill9();
  await sdb?.dispose();
});

describe(`load smoke on ${ENGINE}: the mixed workload for a few seconds on scale S`, () => {
  it('covers phones and office screens, reads and writes', () => {
    expect(classes.map((c) => c.name)).toEqual(['phone-read', 'phone-write', 'staff-list', 'staff-write', 'dashboard']);
    const endpoints = classes.flatMap((c) => c.endpoints);
    expect(endpoints).toContain('PUT 心桥 home side (guardian)');
    expect(endpoints).toContain('GET /api/v1/people?q= (search)');
    expect(endpoints).toContain('GET 心桥 school dashboard');
  });

  it('answers every request with a 2xx, with no connection errors', async () => {
    const results: ClassResult[] = await runMixedLoad(server.url, classes, { seconds: 3, rate: 20 });
    for (const r of results) {
      expect(r.requests, r.name).toBeGreaterThan(5);
      expect({ class: r.name, non2xx: r.non2xx, errors: r.errors, samples: r.samples }).toEqual({ class: r.name, non2xx: 0, errors: 0, samples: [] });
    }
    console.log(`[load-smoke ${ENGINE}] ${results.map((r) => `${r.name} ${r.requests}`).join(', ')} requests, all 2xx`);
    expect(server.alive()).toBe(true);
  }, 60_000);
});
