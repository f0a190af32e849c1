/**
 * Honours at scale (issue #20): over the appeals benchmark's data set (scale L: the generated
 * org tree and 1 000 000 appeals over three years, bench/appeals/data.ts, cached in bench/.data),
 * three years of 工人先锋号 nominations — one per team and year, in every state, a tenth with
 * findings — written in bulk; then, in process through the module's own code (no HTTP): the
 * nominations list as union staff (target p95 ≤ 20 ms), one nomination's page, the per-unit
 * figures, and the automatic disqualifier check of one department against the million appeals.
 *
 *   node --import tsx bench/honours/run.ts        # scale L (builds the cached data first if absent)
 *   node --import tsx bench/honours/run.ts M      # scale M: 200 000 appeals
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../server/core/db/database.js';
import { loadGrants } from '../../server/core/auth/auth.repository.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import type { Call } from '../../server/core/call.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { checkDisqualifiers, honoursFigures, honoursQueries } from '../../server/modules/honours/index.js';
import { appealsDataFile } from '../appeals/data.js';
import { benchAccount, generateFile, type Scale } from '../generate.js';

installHouse(house);
const scale = (process.argv[2] ?? 'L').toUpperCase() as Scale;
const N = Number(process.env.BENCH_N ?? 200);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function time(name: string, n: number, work: (i: number) => Promise<unknown>, limit: number) {
  for (let i = 0; i < 5; i++) await work(i);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work(i);
    ms.push(performance.now() - t0);
  }
  const p95 = p(ms, 0.95);
  console.log(
    `${name.padEnd(58)} median ${p(ms, 0.5).toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   target ≤ ${limit} ms ${p95 <= limit ? 'met' : 'NOT met'}`,
  );
}

const t0 = performance.now();
const base = path.join(ROOT, 'bench/.data', `${scale}.sqlite`);
if (!fs.existsSync(base)) {
  // The appeals data set is built over the generated tree and needs the run's union staff account.
  const { database, generated } = await generateFile(base, scale);
  await benchAccount(database.db, 'bench.staff', 'bench-Passw0rd', 'unionStaff', generated.groups[0]);
  await database.close();
}
const { file, data } = await appealsDataFile(scale, base);
const database = await openDatabase({ url: file });
try {
  const db = database.db;
  const k = db as unknown as Kysely<any>;
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  const staff = await k.selectFrom('accounts').select('id').where('username', '=', 'bench.staff').executeTakeFirstOrThrow();
  const grant = await k
    .selectFrom('role_grants as g')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['o.id', 'o.path'])
    .where('g.account_id', '=', staff.id)
    .executeTakeFirstOrThrow();
  const teams = await k
    .selectFrom('orgs as t')
    .innerJoin('orgs as d', 'd.id', 't.parent_id')
    .select(['t.id', 'd.id as dept', 'd.path as dept_path'])
    .where('t.kind', '=', 'team')
    .where('d.kind', '=', 'department')
    .where('t.path', '>=', grant.path)
    .where('t.path', '<', `${grant.path}~`)
    .execute();

  // Three years of honours, each team nominated once a year.
  const rng = new Rng(20);
  const iso = new Date().toISOString();
  const STATUSES = ['published', 'published', 'rejected', 'disqualified', 'awarded', 'recommended', 'submitted', 'revoked'];
  const REASONS = ['arrearsAppeal', 'arrearsMediation', 'noCongress', 'groupIncident', 'safetyAccident'];
  let nominations = 0;
  const ids: string[] = [];
  for (const y of [year - 2, year - 1, year]) {
    const honour = newId();
    await k
      .insertInto('honours')
      .values({
        id: honour,
        org_id: grant.id,
        org_path: grant.path,
        kind: 'pioneerTeam',
        name: `${y}年度工人先锋号`,
        year: y,
        criteria: '基准',
        competition_id: null,
        created_at: iso,
        updated_at: iso,
      })
      .execute();
    const rows = teams.map((t, i) => {
      const status = y === year ? STATUSES[6 - (i % 4)] : STATUSES[i % STATUSES.length];
      const day = `${y}-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
      return {
        id: newId(),
        honour_id: honour,
        year: y,
        unit_id: t.dept,
        unit_path: t.dept_path,
        team_id: t.id,
        record: '基准事迹',
        nominated_by: staff.id,
        status,
        nominated_on: day,
        checked_at: iso,
        note: null,
        created_at: `${day}T02:00:00.000Z`,
        updated_at: iso,
      };
    });
    for (let i = 0; i < rows.length; i += 300)
      await k
        .insertInto('honour_nominations')
        .values(rows.slice(i, i + 300))
        .execute();
    const findings = rows
      .filter((r, i) => r.status === 'disqualified' || rng.next() < 0.1 || i % 10 === 0)
      .map((r) => ({ nomination_id: r.id, reason: REASONS[Math.floor(rng.next() * REASONS.length)], evidence: '[]' }));
    for (let i = 0; i < findings.length; i += 300)
      await k
        .insertInto('honour_findings')
        .values(findings.slice(i, i + 300))
        .execute();
    nominations += rows.length;
    ids.push(...rows.map((r) => r.id));
  }
  console.log(
    `engine sqlite; scale ${scale}: ${data.appeals.toLocaleString('en-US')} appeals, ${teams.length} teams, ${nominations.toLocaleString('en-US')} nominations; ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0].toFixed(2)}, node ${process.version}`);

  const call: Call = {
    db,
    actor: { accountId: staff.id, displayName: 'bench', personId: null, grants: await loadGrants(db, staff.id), via: 'session' },
    ctx: { actor: null, ip: null, requestId: null, locale: 'zh-CN' },
    now: new Date(),
  };
  const page = { page: 1, pageSize: 20, order: 'desc' as const };
  await time('nominations list, union staff, newest first', N, () => honoursQueries.listNominations(call, { ...page, sort: 'createdAt' }), 20);
  await time('nominations list, this year, waiting for review', N, () => honoursQueries.listNominations(call, { ...page, year, status: 'submitted' }), 20);
  await time(
    'nominations list, disqualified for arrears appeals',
    N,
    () => honoursQueries.listNominations(call, { ...page, reason: 'arrearsAppeal', status: 'disqualified' }),
    20,
  );
  await time('nominations list, one unit', N, (i) => honoursQueries.listNominations(call, { ...page, unitId: teams[(i * 7919) % teams.length].dept }), 20);
  await time(
    'nominations list, page 50 by team name',
    N,
    () => honoursQueries.listNominations(call, { ...page, page: 50, sort: 'teamName', order: 'asc' }),
    20,
  );
  await time('nomination page (review desk)', N, (i) => honoursQueries.nominationDetail(call, ids[(i * 7919) % ids.length]), 20);
  await time(
    'disqualifier check of one department (1 M appeals)',
    N,
    (i) => checkDisqualifiers(db, { unitPath: teams[(i * 104729) % teams.length].dept_path, today }),
    50,
  );
  await time(
    'disqualifier check of a whole mine',
    30,
    (i) => checkDisqualifiers(db, { unitPath: teams[(i * 104729) % teams.length].dept_path.split('/').slice(0, -2).join('/') + '/', today }),
    200,
  );
  const q = { scope: { all: false, paths: [grant.path] }, from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  await time(
    'three indicators, whole group, one year',
    30,
    () => Promise.all([honoursFigures.nominations(db, q), honoursFigures.disqualifiedRate(db, q), honoursFigures.awards(db, q)]),
    200,
  );
  await time('figures by reason and by unit and year', 30, () => honoursFigures.honourStats(call), 200);
} finally {
  await database.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
