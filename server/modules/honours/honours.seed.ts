/**
 * Demo honours: last year's 工人先锋号 awarded and published, this year's under review with one
 * nomination barred by the automatic check (a team of a department whose records hold a
 * disqualifier — if the demo's appeals and cases hold none, the union's record of a safety
 * accident there), and 一号矿's labour competition with monthly scores. Written through the
 * services, so each nomination has its check and timeline. Deterministic for a given `now`.
 */
import type { WriteCall } from '../../core/call.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { systemContext } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import { pathUnder } from '../../core/rbac/scope-sql.js';
import { recordAccident } from './honours.accidents.js';
import { createCompetition, enterScores } from './honours.competitions.js';
import { checkDisqualifiers } from './honours.disqualifiers.js';
import * as service from './honours.service.js';
import { hq } from './honours.tables.js';

async function callAs<T>(db: Db, username: string, at: Date, work: (call: WriteCall) => Promise<T>): Promise<T> {
  const acc = await db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirstOrThrow();
  const actor = { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' as const };
  return db.transaction().execute((tx) => work({ db, tx, actor, ctx: { ...systemContext(), actor }, now: at, iso: at.toISOString() }));
}
const noon = (date: string) => new Date(`${date}T04:00:00Z`);
const RECORDS = [
  '连续三年安全生产无事故，推行手指口述安全确认法',
  '月均单产提升百分之十二，班组成本节约四十万元',
  '开展师带徒十二对，三名青工取得高级工证书',
  '五项小改小革获集团合理化建议奖',
];

export async function seedHonoursDemo(db: Db, now: Date): Promise<void> {
  const group = await db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'group').where('name', '=', '华能煤业集团').executeTakeFirst();
  const staffAccount = await db.selectFrom('accounts').select('id').where('username', '=', 'staff').executeTakeFirst();
  if (!group || !staffAccount || (await hq(db).selectFrom('honours').select('id').executeTakeFirst())) return;
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const teams = await db
    .selectFrom('orgs as t')
    .innerJoin('orgs as d', 'd.id', 't.parent_id')
    .select(['t.id', 't.name', 't.path', 'd.id as dept', 'd.path as dept_path', 'd.kind as dept_kind'])
    .where('t.kind', '=', 'team')
    .where((eb) => pathUnder(eb, 't.path', group.path))
    .orderBy('t.path')
    .execute();
  const inDept = teams.filter((t) => t.dept_kind === 'department');
  const checked: ((typeof inDept)[number] & { found: boolean })[] = [];
  // Last year's nominees must be clean as of their nomination too (the window then reached further back).
  const lastYearDay = `${year - 1}-11-10`;
  const lastYears: typeof checked = [];
  for (const t of inDept) {
    // Enough found: the check is the costly part of the demo, so it stops when the cast is complete.
    if (lastYears.length >= 4 && checked.filter((c) => !c.found && !lastYears.includes(c)).length >= 4 && checked.some((c) => c.found)) break;
    const found = (await checkDisqualifiers(db, { unitPath: t.dept_path, today })).length > 0;
    const entry = { ...t, found };
    checked.push(entry);
    if (!found && lastYears.length < 4 && !(await checkDisqualifiers(db, { unitPath: t.dept_path, today: lastYearDay })).length) lastYears.push(entry);
  }
  const clean = checked.filter((t) => !t.found && !lastYears.includes(t));
  let tainted = checked.find((t) => t.found);
  if (lastYears.length < 4 || clean.length < (tainted ? 4 : 5)) return;
  if (!tainted) {
    // The demo's appeals and cases bar no department: the union records an accident in the last clean one's.
    tainted = clean.pop()!;
    await callAs(db, 'staff', noon(addDays(today, -200)), (call) =>
      recordAccident(call, { orgId: tainted!.dept, occurredOn: addDays(today, -210), severity: 'minor', description: '运输巷道矿车掉道，一人轻伤' }),
    );
  }

  // Last year's honour: nominated in late autumn, reviewed, three awarded and published, one not passed.
  const last = await callAs(db, 'staff', noon(`${year - 1}-10-08`), (call) =>
    service.createHonour(call, {
      orgId: group.id,
      kind: 'pioneerTeam',
      name: `${year - 1}年度工人先锋号`,
      year: year - 1,
      criteria: '安全生产无事故；班组管理规范；技术创新和职工素质提升成效明显；无一票否决情形',
    }),
  );
  for (const [i, t] of lastYears.entries()) {
    const n = await callAs(db, 'staff', noon(`${year - 1}-10-${20 + i}`), (call) => service.nominate(call, last.id, { teamOrgId: t.id, record: RECORDS[i] }));
    if (i === 3) {
      await callAs(db, 'staff', noon(`${year - 1}-11-10`), (call) => service.reject(call, n.id, '事迹材料缺少量化数据'));
      continue;
    }
    await callAs(db, 'staff', noon(`${year - 1}-11-10`), (call) => service.recommend(call, n.id, '经审核符合评选条件'));
    await callAs(db, 'chair', noon(`${year - 1}-12-15`), (call) => service.award(call, n.id));
    await callAs(db, 'chair', noon(`${year - 1}-12-20`), (call) => service.publish(call, n.id));
  }

  // This year's: under review — two waiting, one recommended, one awarded, and one barred by the check.
  // This year's is judged by criteria the review scores and checks (评分项, 达标项, a pass mark).
  const criteriaItems = [
    { key: 'safety', label: '安全生产', kind: 'score' as const, max: 40 },
    { key: 'management', label: '班组管理', kind: 'score' as const, max: 30 },
    { key: 'innovation', label: '技术创新与职工素质', kind: 'score' as const, max: 30 },
    { key: 'noViolation', label: '全年无“三违”记录', kind: 'check' as const },
  ];
  const current = await callAs(db, 'staff', noon(addDays(today, -60)), (call) =>
    service.createHonour(call, {
      orgId: group.id,
      kind: 'pioneerTeam',
      name: `${year}年度工人先锋号`,
      year,
      criteria: '安全生产无事故；班组管理规范；技术创新和职工素质提升成效明显；无一票否决情形',
      criteriaItems,
      passScore: 80,
    }),
  );
  const nominated: string[] = [];
  for (const [i, t] of [...clean.slice(0, 4), tainted].entries()) {
    nominated.push(
      (
        await callAs(db, 'staff', noon(addDays(today, -40 + i)), (call) =>
          service.nominate(call, current.id, { teamOrgId: t.id, record: RECORDS[i % RECORDS.length] }),
        )
      ).id,
    );
  }
  await callAs(db, 'staff', noon(addDays(today, -20)), (call) => service.disqualify(call, nominated[nominated.length - 1], '自动检查发现一票否决情形'));
  const points = [
    { safety: 38, management: 27, innovation: 26 },
    { safety: 36, management: 25, innovation: 22 },
    { safety: 30, management: 22, innovation: 20 },
  ];
  for (const [i, scores] of points.entries())
    await callAs(db, 'staff', noon(addDays(today, -16)), (call) => service.assess(call, nominated[i], { scores, checks: { noViolation: true } }));
  await callAs(db, 'staff', noon(addDays(today, -15)), (call) => service.recommend(call, nominated[0], '经审核符合评选条件'));
  await callAs(db, 'staff', noon(addDays(today, -15)), (call) => service.recommend(call, nominated[1]));
  await callAs(db, 'chair', noon(addDays(today, -5)), (call) => service.award(call, nominated[0]));

  // 一号矿's labour competition this year: its first six teams, three weighted measures, a score a month.
  const mine = await db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'mine').where('name', '=', '一号矿').executeTakeFirst();
  if (!mine) return;
  const mineTeams = teams.filter((t) => t.path.startsWith(mine.path)).slice(0, 6);
  if (mineTeams.length < 2) return;
  const competition = await callAs(db, 'staff', noon(`${year}-01-05`), (call) =>
    createCompetition(call, {
      orgId: mine.id,
      name: `${year}年一号矿“安全高效”劳动竞赛`,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      teamOrgIds: mineTeams.map((t) => t.id),
      measures: [
        { name: '安全生产', unit: '分', weight: 3 },
        { name: '产量完成', unit: '分', weight: 2 },
        { name: '质量标准化', unit: '分', weight: 1 },
      ],
    }),
  );
  const measures = await hq(db).selectFrom('competition_measures').select('id').where('competition_id', '=', competition.id).orderBy('seq').execute();
  const lastMonth = Number(today.slice(5, 7)) - (Number(today.slice(8, 10)) < 5 ? 1 : 0);
  for (let m = 1; m <= lastMonth; m++) {
    const period = `${year}-${String(m).padStart(2, '0')}`;
    const scores = mineTeams.flatMap((t, ti) =>
      measures.map((ms, mi) => ({ teamOrgId: t.id, measureId: ms.id, value: 70 + ((ti * 7 + mi * 5 + m * 3) % 29) })),
    );
    await callAs(db, 'staff', noon(`${period}-05`), (call) => enterScores(call, competition.id, { period, scores }));
  }
  await callAs(db, 'staff', noon(addDays(today, -1)), (call) =>
    service.createHonour(call, {
      orgId: mine.id,
      kind: 'competitionWinner',
      name: `${year}年一号矿劳动竞赛优胜班组`,
      year,
      criteria: '劳动竞赛年度总分前两名',
      competitionId: competition.id,
    }),
  );
}
