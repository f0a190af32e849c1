/**
 * Durability: the built server takes concurrent writes over HTTP and is killed with
 * SIGKILL at a random moment, ten times; after each restart every write that was
 * acknowledged (a 2xx reached the client) must be in the database, intact, with its audit
 * row. Rows whose acknowledgement was lost in the kill may or may not be there, but never
 * without their audit row (the write and its audit commit together or not at all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, freshServerDb, type ServerDb } from './support/databases.js';
import { signIn, type Http } from './support/http.js';
import { requireBuild, sleep, startXq, type XqServer } from './support/process.js';
import { seedWorld, type World } from './support/world.js';
import { auditCount, available, finishedWeeks, type Ack, type Writer, type WriterContext } from './support/writers.js';

const TRIALS = 10;
const CONCURRENCY = 6;

describe(`durability on ${ENGINE}: kill -9 during concurrent writes`, () => {
  let sdb: ServerDb;
  let world: World;
  beforeAll(async () => {
    requireBuild();
    sdb = await freshServerDb();
    const database = await sdb.open();
    world = await seedWorld(database.db);
    await database.close();
  });
  afterAll(async () => sdb?.dispose());

  it(`loses no acknowledged write over ${TRIALS} kills, and leaves no write without its audit row`, async () => {
    // The write limits guard against floods; this suite is one on purpose.
    const env = { ...sdb.env, XQ_WRITE_LIMIT_ACCOUNT: '0', XQ_WRITE_LIMIT_IP: '0' };
    const tag = `d${Date.now().toString(36)}`;
    const acks: Ack[] = [];
    const refused: string[] = [];
    const killedAfterMs: number[] = [];
    let attempts = 0;

    let server: XqServer = await startXq(env);
    const sessions = {} as Record<keyof World['accounts'], Http>;
    for (const [role, acc] of Object.entries(world.accounts)) sessions[role as keyof World['accounts']] = await signIn(server.url, acc);
    const writers = await available(sessions.admin);
    const ctx: WriterContext = { world, tag, weeks: await finishedWeeks(sessions.teacher, world.cls.id) };
    const counters = new Map<string, number>(writers.map((w) => [w.name, 0]));
    const exhausted = new Set<string>();
    let turn = 0;
    const nextWrite = (): { w: Writer; n: number; req: { url: string; body: unknown } } | undefined => {
      while (exhausted.size < writers.length) {
        const w = writers[turn++ % writers.length];
        if (exhausted.has(w.name)) continue;
        const n = counters.get(w.name)!;
        counters.set(w.name, n + 1);
        const req = w.make(ctx, n);
        if (req) return { w, n, req };
        exhausted.add(w.name);
      }
      return undefined;
    };

    try {
      for (let trial = 0; trial < TRIALS; trial++) {
        if (trial > 0) server = await startXq(env);
        for (const s of Object.values(sessions)) s.base = server.url;
        let killing = false;
        const loops = Array.from({ length: CONCURRENCY }, async () => {
          for (;;) {
            const next = nextWrite();
            if (!next) return;
            attempts++;
            try {
              const res = await sessions[next.w.as].request(next.w.method, next.req.url, next.req.body);
              if (res.status >= 200 && res.status < 300) acks.push({ writer: next.w.name, n: next.n, url: next.req.url, sent: next.req.body, got: res.body });
              else refused.push(`${next.w.name} #${next.n}: ${res.status} ${res.text.slice(0, 200)}`);
            } catch {
              // The connection died with the process: not acknowledged, so no promise was made.
              if (killing) return;
              await sleep(5);
            }
          }
        });
        const wait = 300 + Math.floor(Math.random() * 1200);
        killedAfterMs.push(wait);
        await sleep(wait);
        killing = true;
        await server.kill9();
        await Promise.all(loops);
      }

      // Once more: the server comes back after the last kill and serves what it acknowledged.
      server = await startXq(env);
      const lastOrg = acks.filter((a) => a.writer === 'org').at(-1);
      if (lastOrg) {
        const seen = await sessions.admin.on(server.url).get(`/api/v1/orgs/${lastOrg.got.id}`);
        expect(seen.status).toBe(200);
        expect(seen.body.name).toBe(lastOrg.sent.name);
      }
      expect(await server.stop()).toBe(0);
    } finally {
      await server.kill9();
    }

    const database = await sdb.open();
    try {
      const lost: string[] = [];
      for (const ack of acks) {
        const fault = await writers.find((w) => w.name === ack.writer)!.verify(database.db, ack);
        if (fault) lost.push(fault);
      }
      const withoutAudit: string[] = [];
      let rows = 0;
      for (const w of writers) {
        for (const id of await w.made(database.db, tag)) {
          rows++;
          if ((await auditCount(database.db, id, w.auditActions)) !== 1) withoutAudit.push(`${w.name} ${id}`);
        }
      }
      const perWriter = Object.fromEntries(writers.map((w) => [w.name, acks.filter((a) => a.writer === w.name).length]));
      console.log(
        `[durability ${ENGINE}] ${TRIALS} kills (after ${killedAfterMs.join(', ')} ms), ${attempts} writes sent, ${acks.length} acknowledged ${JSON.stringify(perWriter)}, ` +
          `${rows} rows found, lost ${lost.length}, without audit ${withoutAudit.length}, refused ${refused.length}`,
      );
      expect(lost).toEqual([]);
      expect(withoutAudit).toEqual([]);
      // Every write that got an answer got a 2xx: nothing was refused because of the kills.
      expect(refused).toEqual([]);
      expect(rows).toBeGreaterThanOrEqual(acks.length);
      expect(acks.length).toBeGreaterThan(TRIALS * 10);
      expect(new Set(acks.map((a) => a.writer)).size).toBe(writers.length);
    } finally {
      await database.close();
    }
  }, 300_000);
});
