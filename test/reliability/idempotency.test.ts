/**
 * Idempotency storm: a phone on a bad mine network sends the same submission many times
 * at once and then retries it. With one Idempotency-Key the record is created once, with
 * one audit row, and every copy of the request gets the first answer back. Runs over every
 * idempotent write the build has (see support/writers.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, freshServerDb, type ServerDb } from './support/databases.js';
import { requireBuild, startXq, type XqServer } from './support/process.js';
import { seedWorld, type World } from './support/world.js';
import { auditCount, available, finishedWeeks, signInAll, type Sessions, type Writer, type WriterContext } from './support/writers.js';

const KEYS = 10;
const COPIES = 8;
const RETRIES = 2;

let sdb: ServerDb;
let world: World;
let server: XqServer;
let sessions: Sessions;
let writers: Writer[];
let ctx: WriterContext;
beforeAll(async () => {
  requireBuild();
  sdb = await freshServerDb();
  const database = await sdb.open();
  world = await seedWorld(database.db);
  await database.close();
  server = await startXq({ ...sdb.env, XQ_WRITE_LIMIT_ACCOUNT: '0' });
  sessions = await signInAll(server.url, world);
  writers = (await available(sessions.admin)).filter((w) => w.idempotent);
  ctx = { world, tag: `i${Date.now().toString(36)}`, weeks: await finishedWeeks(sessions.teacher, world.cls.id) };
});
afterAll(async () => {
  await server?.kill9();
  await sdb?.dispose();
});

describe(`idempotency storm on ${ENGINE}: concurrent copies and retries with one Idempotency-Key`, () => {
  it('has at least one idempotent write to storm (the 心桥 sides; appeals once registered)', () => {
    expect(writers.map((w) => w.name)).toContain('heartBridgeSchoolSide');
  });

  it('creates each record once, with one audit row, and answers every copy with the first response', async () => {
    const database = await sdb.open();
    try {
      for (const w of writers) {
        let n = 0;
        const storms = Array.from({ length: KEYS }, async (_, k) => {
          const req = w.make(ctx, n++)!;
          const key = `${ctx.tag}-${w.name}-${k}`;
          const send = () => sessions[w.as].request(w.method, req.url, req.body, { 'idempotency-key': key });
          const first = await Promise.all(Array.from({ length: COPIES }, send));
          const retries = [];
          for (let r = 0; r < RETRIES; r++) retries.push(await send());
          return { key, responses: [...first, ...retries] };
        });
        const results = await Promise.all(storms);
        for (const { key, responses } of results) {
          const statuses = responses.map((r) => r.status);
          expect(new Set(statuses).size, `${w.name} ${key}: ${statuses}`).toBe(1);
          expect(statuses[0]).toBeGreaterThanOrEqual(200);
          expect(statuses[0]).toBeLessThan(300);
          expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
          // Exactly one of them did the work; the others are replays.
          expect(responses.filter((r) => r.headers.get('idempotent-replay') !== 'true')).toHaveLength(1);
        }
        const made = await w.made(database.db, ctx.tag);
        expect(made.sort(), w.name).toEqual(results.map((r) => r.responses[0].body.id).sort());
        for (const id of made) expect(await auditCount(database.db, id, w.auditActions), `${w.name} ${id}`).toBe(1);
        console.log(`[idempotency ${ENGINE}] ${w.name}: ${KEYS} keys × ${COPIES + RETRIES} copies → ${made.length} records, ${made.length} audit rows`);
      }
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses a key reused for a different request, in Chinese', async () => {
    for (const w of writers) {
      const a = w.make(ctx, 100)!;
      const b = w.make(ctx, 101)!;
      const key = `${ctx.tag}-reuse-${w.name}`;
      expect((await sessions[w.as].request(w.method, a.url, a.body, { 'idempotency-key': key })).status).toBeLessThan(300);
      const reused = await sessions[w.as].request(w.method, b.url, b.body, { 'idempotency-key': key });
      expect(reused.status).toBe(422);
      expect(reused.headers.get('content-type')).toContain('application/problem+json');
      expect(reused.body.code).toBe('idempotency_mismatch');
      expect(reused.body.detail).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('without a key, the same copies are separate writes — the key is what prevents duplicates', async () => {
    const database = await sdb.open();
    try {
      for (const w of writers) {
        const req = w.make(ctx, 200)!;
        const [one, two] = [await sessions[w.as].request(w.method, req.url, req.body), await sessions[w.as].request(w.method, req.url, req.body)];
        expect(one.status).toBeLessThan(300);
        expect(two.status).toBeLessThan(300);
        expect(two.headers.get('idempotent-replay')).toBeNull();
        // A create makes two records; an upsert makes one record written twice (two audit rows).
        const audits = await Promise.all([...new Set([one.body.id, two.body.id])].map((id) => auditCount(database.db, id, w.auditActions)));
        expect(audits.reduce((s, x) => s + x, 0)).toBe(2);
      }
    } finally {
      await database.close();
    }
  });
});
