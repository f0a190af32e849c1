/**
 * The school practices at scale (L: one school of 20 000+ students, their guardians, and a 心桥
 * page for most students in most school weeks of three school years and this term; see
 * data.ts). Measures, as the principal or the head teacher, the class week view, the
 * school-wide weekly coverage dashboard and writing a side, each beside a bare route of the
 * same run: the bare point select and bare constant of run.ts, and a bare insert route
 * (bare-insert.ts) with the app's durability settings for the write.
 *
 * It builds its own database (bench/.data/school-<scale>.sqlite), so the shared data set of the
 * other benchmarks stays as they measured it, and starts its own app server (dist/, as
 * bench/servers/app.ts) with the per-account write limit off: one head teacher writes every
 * page under load, and the 120 writes/min flood guard would otherwise be what is measured.
 * Entry points: bench/school.bench.ts (`npm run bench`) and bench/school/run.ts (alone).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';
import { fmt, measure, ratio, send, type Bench, type Measurement } from '../harness.js';
import { ROOT, startServer } from '../processes.js';
import { CLASSES_PER_GRADE, generateSchoolData } from './data.js';

async function signIn(baseUrl: string, username: string, password: string) {
  const res = await send(baseUrl, {
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
    body: JSON.stringify({ login: username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body.slice(0, 200)}`);
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('xq_sid='))!;
  return { cookie, csrf: JSON.parse(res.body).csrfToken as string };
}

const sideBody = (i: number) => JSON.stringify({ atSchool: `本周表现稳定，第 ${i + 1} 次记录。`, suggestion: '每天阅读二十分钟', encouragement: '继续加油！' });

const bench: Bench = {
  name: 'school',
  needsApp: false,
  async run(ctx) {
    const loadAtStart = os.loadavg();
    const file = path.join(ROOT, 'bench/.data', `school-${ctx.scale}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const started = Date.now();
    const database = await openDatabase({ url: file });
    const data = await migrateToLatest(database.db, house.migrations)
      .then(() => generateSchoolData(database.db, new Date(), CLASSES_PER_GRADE[ctx.scale] ?? 150))
      .finally(() => database.close());
    const generatedIn = (Date.now() - started) / 1000;
    console.log(
      `  school data: ${data.students} students, ${data.guardians} guardians, ${data.notes} pages over ${data.weeks.length} weeks in ${fmt(generatedIn, 1)} s`,
    );

    // The bare inserts first, on the same file, so every writer meets the same disk and WAL.
    const measureBare = async (mode: 'full' | 'group') => {
      const bare = await startServer('../school/bare-insert', mode === 'group' ? [file, 'group'] : [file]);
      try {
        return ctx.results.add(
          await measure(
            mode === 'group'
              ? 'bare Fastify: better-sqlite3 insert (WAL, group commit as the app)'
              : 'bare Fastify: better-sqlite3 insert (WAL, synchronous=FULL)',
            {
              baseUrl: bare.url,
              serverPid: bare.pid,
              requests: data.class1Students.map((id, i) => ({
                method: 'PUT' as 'POST',
                path: `/students/${id}/weeks/${data.currentWeek}`,
                headers: { 'content-type': 'application/json' },
                body: sideBody(i),
              })),
            },
          ),
        );
      } finally {
        await bare.stop();
      }
    };
    const bareInsert = await measureBare('full');
    const bareGroup = await measureBare('group');

    const app = await startServer('app', [file], { TRUST_PROXY: '1', XQ_JOBS: '0', XQ_WRITE_LIMIT_ACCOUNT: '0' });
    let classWeek: Measurement, dashboard: Measurement, write: Measurement;
    try {
      const principal = await signIn(app.url, data.accounts.principal, data.accounts.password);
      const head = await signIn(app.url, data.accounts.head, data.accounts.password);
      const asPrincipal = { cookie: principal.cookie, accept: 'application/json' };
      classWeek = ctx.results.add(
        await measure('心桥 class week view (GET …/classes/:id/weeks/:week, 45 students)', {
          baseUrl: app.url,
          serverPid: app.pid,
          requests: data.classes
            .slice(0, 300)
            .map((id) => ({ path: `/api/v1/heart-bridge/classes/${id}/weeks/${data.lastFullWeek}?pageSize=50`, headers: asPrincipal })),
        }),
      );
      dashboard = ctx.results.add(
        await measure(`心桥 school weekly coverage dashboard (${data.classes.length} classes, ${data.students.toLocaleString('en-US')} students)`, {
          baseUrl: app.url,
          serverPid: app.pid,
          sequential: 60,
          warmup: 1,
          requests: [{ path: `/api/v1/heart-bridge/schools/${data.schoolId}/dashboard?week=${data.lastFullWeek}`, headers: asPrincipal }],
        }),
      );
      write = ctx.results.add(
        await measure('心桥 write the school side (PUT …/students/:id/weeks/:week/school)', {
          baseUrl: app.url,
          serverPid: app.pid,
          requests: data.class1Students.map((id, i) => ({
            method: 'PUT' as 'POST',
            path: `/api/v1/heart-bridge/students/${id}/weeks/${data.currentWeek}/school`,
            headers: { cookie: head.cookie, 'x-csrf-token': head.csrf, 'content-type': 'application/json' },
            body: sideBody(i),
          })),
        }),
      );
    } finally {
      await app.stop();
    }
    const loadAtEnd = os.loadavg();

    const point = ctx.baselines.pointSelect;
    const constant = ctx.baselines.constant;
    const writeShare = ratio(write.rps, bareInsert.rps) * 100;
    ctx.results.target({
      label: `心桥班级周视图 p95 (规模 ${ctx.scale}) / class week view p95 at ${ctx.scale}`,
      measured: classWeek.p95,
      limit: 20,
      unit: 'ms',
      atMost: true,
    });
    ctx.results.target({
      label: `心桥全校周覆盖率看板 p95 (规模 ${ctx.scale}) / school weekly coverage dashboard p95 at ${ctx.scale}`,
      measured: dashboard.p95,
      limit: 200,
      unit: 'ms',
      atMost: true,
    });
    ctx.results.target({
      label: '心桥写一栏吞吐 / 裸插入吞吐 · writing a side vs bare insert (req/s)',
      measured: writeShare,
      limit: 30,
      unit: '%',
      atMost: false,
    });

    const row = (label: string, m: Measurement, base: Measurement) =>
      `| ${label} | ${fmt(m.median, 2)} | ${fmt(m.p95, 2)} | ${fmt(ratio(m.p95, base.p95), 1)} × | ${fmt(m.rps, 0)} | ${fmt(ratio(m.rps, base.rps) * 100, 1)} % | ${base.name} |`;
    const la = (l: number[]) => l.map((x) => fmt(x, 2)).join(' / ');
    ctx.results.section(
      '学校实践 / School practices (心桥)',
      [
        `Scale **${ctx.scale}**: one school of ${data.students.toLocaleString('en-US')} students and ${data.guardians.toLocaleString('en-US')} guardians in ${data.classes.length} classes, ` +
          `${data.notes.toLocaleString('en-US')} 心桥 pages over ${data.weeks.length} school weeks (three school years and this term), in its own database, generated in ${fmt(generatedIn, 0)} s. ` +
          `Load average (1 / 5 / 15 min) at the start of this benchmark ${la(loadAtStart)}, at its end ${la(loadAtEnd)} on ${os.availableParallelism()} cores: other work shared the machine.`,
        '',
        '| route | median ms | p95 ms | p95 vs bare | req/s | req/s vs bare | bare route of this run |',
        '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
        row('class week view (principal, 300 classes)', classWeek, point),
        row('school weekly coverage dashboard (principal)', dashboard, point),
        row('write the school side (head teacher, upsert + week counts + audit, one commit)', write, bareInsert),
        row('write the school side, against the bare insert with the same group commit', write, bareGroup),
        row('bare insert (for scale: vs the bare constant)', bareInsert, constant),
        row('bare insert with group commit (for scale: vs the bare constant)', bareGroup, constant),
        '',
        '- The dashboard reads the per-class weekly counts kept current in each write’s transaction (`heart_bridge_week_stats`), the roster counts from a covering index, and the ' +
          'no-exchange count in the same grouped query (students with no two-way page in the last two finished weeks, from a partial index of two-way pages): no page is read.',
        '- The bare insert is bare Fastify inserting one row of the same shape through a prepared better-sqlite3 statement into its own table of the same file, durable before it ' +
          'answers: as better-sqlite3 does it by default (WAL, synchronous=FULL, a flush inside every commit; the target is read against this one), and with the app’s own group ' +
          'commit (server/core/db/wal-sync.ts: the commit is flushed off the main thread, one flush for every commit made meanwhile) so that the effect of the commit strategy ' +
          'and of the app’s own work can be told apart. The app’s write also signs the caller in from the session, checks the ' +
          'teacher’s reach and the school calendar, recounts the class’s week and records the audit event, all in that one commit.',
        '- The write is measured with the per-account write limit off (`XQ_WRITE_LIMIT_ACCOUNT=0`): one account writes every page, and the 120 writes/min flood guard would otherwise be what is measured.',
      ].join('\n'),
    );
  },
};
export default bench;
