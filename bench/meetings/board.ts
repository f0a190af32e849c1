/**
 * Decided-items board and meetings at scale L (bench/meetings/data.ts: 100 000 decided items,
 * 5 000 meetings), measured at the service layer on a fresh SQLite file: the first page of
 * the chair's board (all, by due date; overdue only; by progress), an owner's "mine" list,
 * a worker-facing public list, and the carry-over of a meeting late in its series. Prints median and
 * p95 per query; asserts nothing.
 *
 *   node --import tsx bench/meetings/board.ts            (scale L; ~1 min to build; BENCH_RUNS=n per query, default 200)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { loadGrants } from '../../server/core/auth/auth.repository.js';
import { systemContext } from '../../server/core/context.js';
import type { Call } from '../../server/core/call.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import * as decided from '../../server/core/decidedItems/decidedItems.queries.js';
import { carryOver } from '../../server/modules/meetings/index.js';
import { buildMeetingsData } from './data.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);

async function time(name: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(2);
  console.log(`${name.padEnd(48)} median ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`);
}

async function main() {
  installHouse(house);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-bench-meetings-'));
  const database = await openDatabase({ url: path.join(dir, 'bench.sqlite') });
  const db = database.db;
  await migrateToLatest(db, house.migrations);
  const t0 = performance.now();
  const data = await buildMeetingsData(db);
  console.log(`built 100 000 decided items, 5 000 meetings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await sql`analyze`.execute(db);

  const callOf = async (accountId: string): Promise<Call> => {
    const actor = { accountId, displayName: 'bench', personId: null, grants: await loadGrants(db, accountId), via: 'session' as const };
    return { db, actor, ctx: { ...systemContext(), actor }, now: new Date() };
  };
  const chair = await callOf(data.chairId);
  const owner = await callOf(data.ownerIds[7]);
  const page = { page: 1, pageSize: 20, order: 'asc' as const };
  await time('board: chair, all, by due date', () => decided.list(chair, { ...page, sort: 'dueDate' }));
  await time('board: chair, overdue, by due date', () => decided.list(chair, { ...page, sort: 'dueDate', status: 'overdue' }));
  await time('board: chair, by progress desc', () => decided.list(chair, { ...page, sort: 'progress', order: 'desc' }));
  await time('board: chair, page 50', () => decided.list(chair, { ...page, page: 50, sort: 'dueDate' }));
  await time('board: owner, mine', () => decided.list(owner, { ...page, mine: '1', sort: 'dueDate' }));
  await time('public list: chair scope', () => decided.publicList(chair, page));
  const last = await (db as any).selectFrom('meetings').selectAll().where('id', '=', data.meetingIds[data.meetingIds.length - 1]).executeTakeFirstOrThrow();
  await time('carry-over of the 25th meeting of a series', () => carryOver(db, last));
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
