/**
 * The school practices at scale L: adds a 20 000-student school with three school years of
 * 心桥 pages to the run's database (see data.ts), then measures, as the principal or the head
 * teacher, the class week view, the school-wide weekly coverage dashboard, and writing a side.
 * Run alone with `node --import tsx bench/school/run.ts` (after `npm run build:server`), or
 * from bench/run.ts through a `bench/school.bench.ts` that re-exports this default.
 */
import path from 'node:path';
import { openDatabase } from '../../server/core/db/database.js';
import { fmt, measure, ratio, send, type Bench, type Measurement } from '../harness.js';
import { ROOT } from '../processes.js';
import { generateSchoolData } from './data.js';

async function signIn(baseUrl: string, username: string, password: string) {
  const res = await send(baseUrl, { method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }, body: JSON.stringify({ login: username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body.slice(0, 200)}`);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('xq_sid='))!;
  return { cookie, csrf: JSON.parse(res.body).csrfToken as string };
}

const bench: Bench = {
  name: 'school',
  needsApp: true,
  async run(ctx) {
    const file = process.env.BENCH_DB_FILE ?? path.join(ROOT, 'bench/.data', `${ctx.scale}.sqlite`);
    const started = Date.now();
    const database = await openDatabase({ url: file });
    const data = await generateSchoolData(database.db).finally(() => database.close());
    console.log(`  school data: ${data.students} students, ${data.guardians} guardians, ${data.notes} pages over ${data.weeks.length} weeks in ${fmt((Date.now() - started) / 1000, 1)} s`);

    const principal = await signIn(ctx.appUrl, data.accounts.principal, data.accounts.password);
    const head = await signIn(ctx.appUrl, data.accounts.head, data.accounts.password);
    const asPrincipal = { cookie: principal.cookie, accept: 'application/json' };

    const classWeek = ctx.results.add(
      await measure('心桥 class week view (GET …/classes/:id/weeks/:week, 45 students)', {
        baseUrl: ctx.appUrl,
        serverPid: ctx.appPid,
        requests: data.classes.slice(0, 300).map((id) => ({ path: `/api/v1/heart-bridge/classes/${id}/weeks/${data.lastFullWeek}?pageSize=50`, headers: asPrincipal })),
      }),
    );
    const dashboard = ctx.results.add(
      await measure('心桥 school weekly coverage dashboard (450 classes, 20 k students)', {
        baseUrl: ctx.appUrl,
        serverPid: ctx.appPid,
        sequential: 30,
        warmup: 1,
        requests: [{ path: `/api/v1/heart-bridge/schools/${data.schoolId}/dashboard?week=${data.lastFullWeek}`, headers: asPrincipal }],
      }),
    );
    const write = ctx.results.add(
      await measure('心桥 write the school side (PUT …/students/:id/weeks/:week/school)', {
        baseUrl: ctx.appUrl,
        serverPid: ctx.appPid,
        requests: data.class1Students.map((id, i) => ({
          method: 'PUT' as 'POST',
          path: `/api/v1/heart-bridge/students/${id}/weeks/${data.currentWeek}/school`,
          headers: { cookie: head.cookie, 'x-csrf-token': head.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ atSchool: `本周表现稳定，第 ${i + 1} 次记录。`, suggestion: '每天阅读二十分钟', encouragement: '继续加油！' }),
        })),
      }),
    );

    const base = ctx.baselines.pointSelect;
    const row = (label: string, m: Measurement) =>
      `| ${label} | ${fmt(m.p95, 2)} | ${fmt(ratio(m.p95, base.p95), 1)} × | ${fmt(m.rps, 0)} | ${fmt(ratio(m.rps, base.rps) * 100, 1)} % |`;
    ctx.results.section(
      '学校实践 / School practices (心桥)',
      [
        `One school of ${data.students.toLocaleString('en-US')} students and ${data.guardians.toLocaleString('en-US')} guardians in ${data.classes.length} classes, ` +
          `${data.notes.toLocaleString('en-US')} 心桥 pages over ${data.weeks.length} school weeks (three school years and this term), generated in ${fmt((Date.now() - started) / 1000, 0)} s. ` +
          `Ratios are to the bare better-sqlite3 point select of the same run (p95 ${fmt(base.p95, 2)} ms, ${fmt(base.rps, 0)} req/s).`,
        '',
        '| route | p95 ms | p95 vs bare | req/s | req/s vs bare |',
        '| --- | ---: | ---: | ---: | ---: |',
        row('class week view (principal, 300 classes)', classWeek),
        row('school weekly coverage dashboard (principal)', dashboard),
        row('write the school side (head teacher, upsert + audit)', write),
        '',
        'The write is measured with the per-account write limit off (`XQ_WRITE_LIMIT_ACCOUNT=0`): one account writes every page, and the 120 writes/min flood guard would otherwise be what is measured.',
      ].join('\n'),
    );
  },
};
export default bench;
