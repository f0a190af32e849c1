/**
 * Demo: last year's work report of the group (by the union chair) and of the school (by the
 * principal), generated from the demo records and issued as version 1, so a new user opens
 * an issued report with its figures at once; and the group's draft for this year, which holds
 * most of the demo's records. Each picks the first notable case its practices suggest, if any,
 * so the case section shows filled. (workReport comes last in the registry: every other
 * module's demo records exist when these are counted.)
 */
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import type { Narrative } from '../../../common/schemas/workReport.js';
import * as repo from './workReport.repository.js';
import { defaultTitle, figuresOf } from './workReport.service.js';
import { notableCaseSources } from '../../core/indicators/notableCases.js';
import { generate } from './workReport.generate.js';

const WORDS: Record<string, string> = {
  appeals:
    '全年畅通职工诉求渠道，手机端提交、匿名反映与代为登记并行；诉求受理、交办、答复、评价形成闭环，逾期事项自动督办。\n下一步重点解决答复时效不均衡的问题。',
  heartBridge: '坚持每周一次《心桥》家校交流，班主任和任课教师与家长互写在校、在家表现及鼓励的话。\n个别班级家长回复偏少，需加强提醒。',
  moralEducation: '每个上课日 13:50—14:00 开展十分钟思想教育，主题按周编排，学生轮流发言。\n少数班级因活动冲突未开展，已要求补记原因。',
};

/** The first case the report's practices suggest, in registry order. */
async function firstCase(db: Db, r: repo.ReportRow): Promise<Narrative['cases']> {
  const modules = new Set(figuresOf(r).map((f) => f.module));
  const q = { scope: { all: false, paths: [r.org_path] }, from: r.from_date, to: r.to_date };
  for (const s of notableCaseSources()) {
    if (!modules.has(s.module)) continue;
    const [c] = await s.suggest(db, q);
    if (c) return { [s.module]: [c] };
  }
  return undefined;
}

async function seedOne(db: Db, username: string, orgKind: 'group' | 'school', year: number, now: Date, issue = true) {
  const account = await db.selectFrom('accounts').select(['id', 'display_name']).where('username', '=', username).executeTakeFirst();
  const org = await db.selectFrom('orgs').select(['id', 'name', 'path']).where('kind', '=', orgKind).orderBy('path').executeTakeFirst();
  if (!account || !org) return;
  const id = newId();
  const iso = now.toISOString();
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  await db.transaction().execute((tx) =>
    repo.insertReport(tx, {
      id,
      org_id: org.id,
      org_path: org.path,
      kind: 'year',
      from_date: from,
      to_date: to,
      title: defaultTitle(org.name, 'year', from, to),
      status: 'queued',
      progress: 0,
      version: 0,
      figures: null,
      narrative: JSON.stringify({ summary: '', sections: {}, plan: '' }),
      created_by: account.id,
      created_by_name: account.display_name,
      created_at: iso,
      updated_at: iso,
      generated_at: null,
    }),
  );
  await generate(db, id, () => now);
  const r = (await repo.findReport(db, id))!;
  const sections: Record<string, string> = {};
  for (const key of Object.keys(JSON.parse(r.narrative).sections)) sections[key] = WORDS[key] ?? '';
  const cases = await firstCase(db, r);
  const narrative: Narrative = {
    summary: `${year}年，${org.name}围绕中心工作，把各项实践做成闭环，每项数据均可追溯到具体记录。`,
    sections,
    plan: `${year + 1}年将巩固已有做法，针对上表中低于目标的指标逐项制定改进措施，按月跟踪。`,
    ...(cases ? { cases } : {}),
  };
  await db.transaction().execute(async (tx) => {
    if (!issue) return repo.moveReport(tx, id, ['draft'], { narrative: JSON.stringify({ ...narrative, plan: '' }), updated_at: iso });
    await repo.moveReport(tx, id, ['draft'], { narrative: JSON.stringify(narrative), status: 'issued', version: 1, updated_at: iso });
    await repo.insertVersion(tx, {
      report_id: id,
      version: 1,
      narrative: JSON.stringify(narrative),
      issued_at: iso,
      issued_by: account.id,
      issued_by_name: account.display_name,
    });
  });
}

/**
 * The targets the demo orgs set (the issue's own examples: 满意率 at least 90 %, 心桥 coverage at least 80 % two weeks
 * running), so the dashboard and the reports show figures against a target from the first look.
 */
const TARGETS = {
  group: [
    { indicator: 'appeals.satisfactionRate', direction: 'below', value: 0.9 },
    { indicator: 'appeals.onTimeClosureRate', direction: 'below', value: 0.95 },
    { indicator: 'appeals.closureRate', direction: 'below', value: 0.9 },
    { indicator: 'core.decidedOverdue', direction: 'above', value: 0 },
  ],
  school: [
    { indicator: 'heartBridge.twoWayCoverage', direction: 'below', value: 0.8, weeks: 2 },
    { indicator: 'moralEducation.coverage', direction: 'below', value: 0.95 },
    { indicator: 'lessonLogs.standardMetRate', direction: 'below', value: 0.8 },
  ],
};

async function seedTargets(db: Db, orgKind: 'group' | 'school', now: Date) {
  const org = await db.selectFrom('orgs').select('id').where('kind', '=', orgKind).orderBy('path').executeTakeFirst();
  if (org) await db.transaction().execute((tx) => repo.replaceThresholds(tx, org.id, TARGETS[orgKind], now.toISOString()));
}

export async function seedWorkReportDemo(db: Db, now: Date): Promise<void> {
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
  await seedTargets(db, 'group', now);
  await seedTargets(db, 'school', now);
  await seedOne(db, 'chair', 'group', year, now);
  await seedOne(db, 'principal', 'school', year, now);
  // The demo's records are mostly this year's: the chair's draft for it shows them, still editable.
  await seedOne(db, 'chair', 'group', year + 1, now, false);
}
