/**
 * Demo surveys and screening: the group's anonymous concerns survey to every worker (~2 000,
 * open, ~70 % answered — the demo `worker` and `worker2` not yet, so they can answer on the
 * phone), a named canteen survey of the second mine (closed, ~70 %), a draft, and a screening
 * list per mine in every state, one problem already a decided item. Written as bulk inserts in
 * one transaction so the seed stays cheap; deterministic.
 */
import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import { writeCallIn } from '../../core/call.js';
import type { Db, Tx } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import type { Actor } from '../../core/rbac/actor.js';
import { QUESTIONS_CONCERNS, QUESTIONS_CANTEEN, TEXTS } from './surveys.seed.texts.js';
import * as screening from './screening.service.js';
import { recountTallies } from './surveys.tallies.js';
import * as repo from './surveys.repository.js';
import { sdb, type SurveyAnswerTable, type SurveyResponseTable } from './surveys.tables.js';

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function actorOf(db: Db, username: string): Promise<Actor | undefined> {
  const acc = await db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirst();
  return acc && { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' };
}

type Q = (typeof QUESTIONS_CONCERNS)[number];
type Person = Awaited<ReturnType<typeof repo.resolveTarget>>[number];

interface Plan {
  title: string;
  description: string;
  anonymous: boolean;
  status: 'draft' | 'open' | 'closed';
  orgId: string;
  orgPath: string;
  target: { orgIds: string[] };
  openedDaysAgo: number;
  closesInDays: number;
  questions: readonly Q[];
  people: Person[];
  skip: Set<string>;
}

async function writeSurvey(tx: Tx, p: Plan, now: Date, rand: () => number, by: string) {
  const today = shanghaiDate(now);
  const id = newId();
  const opened = p.status === 'draft' ? null : addDays(today, -p.openedDaysAgo);
  const answered = p.status === 'draft' ? [] : p.people.filter((x) => !p.skip.has(x.id) && rand() < 0.7);
  const done = new Set(answered.map((x) => x.id));
  await sdb(tx)
    .insertInto('surveys')
    .values({
      id,
      org_id: p.orgId,
      org_path: p.orgPath,
      title: p.title,
      description: p.description,
      anonymous: p.anonymous ? 1 : 0,
      status: p.status,
      target: JSON.stringify({ categories: [], genders: [], ...p.target }),
      closes_on: addDays(today, p.closesInDays),
      opened_at: opened && `${opened}T01:00:00.000Z`,
      opened_on: opened,
      closed_at: p.status === 'closed' ? `${addDays(today, p.closesInDays)}T10:00:00.000Z` : null,
      recipient_count: p.status === 'draft' ? 0 : p.people.length,
      answered_count: answered.length,
      created_by: by,
      created_at: `${addDays(today, -p.openedDaysAgo - 2)}T02:00:00.000Z`,
      updated_at: now.toISOString(),
    })
    .execute();
  const questions = p.questions.map((q, i) => ({
    id: newId(),
    survey_id: id,
    sort: i + 1,
    kind: q.kind,
    text: q.text,
    options: JSON.stringify(q.options ?? []),
    scale_min: q.kind === 'scale' ? 1 : null,
    scale_max: q.kind === 'scale' ? 5 : null,
    required: q.kind === 'text' || q.kind === 'number' ? 0 : 1,
  }));
  await repo.insertChunked(tx, 'survey_questions', questions);
  if (p.status === 'draft') return;
  await repo.insertChunked(
    tx,
    'survey_recipients',
    p.people.map((x) => ({
      survey_id: id,
      person_id: x.id,
      org_id: x.org_id,
      org_path: x.org_path,
      unit_id: x.unit_id,
      category: x.employment_category,
      gender: x.gender,
      union_member: Number(x.union_member),
      answered: done.has(x.id) ? 1 : 0,
    })),
  );
  const responses: SurveyResponseTable[] = [];
  const answers: SurveyAnswerTable[] = [];
  for (const x of answered) {
    const rid = p.anonymous ? randomUUID() : newId();
    responses.push({
      id: rid,
      survey_id: id,
      person_id: p.anonymous ? null : x.id,
      submitted_at: p.anonymous ? null : `${addDays(opened!, Math.floor(rand() * 5))}T03:00:00.000Z`,
      org_id: x.org_id,
      unit_id: x.unit_id,
      category: x.employment_category,
      gender: x.gender,
      union_member: Number(x.union_member),
    });
    const base = {
      response_id: rid,
      survey_id: id,
      choice: null,
      rank: null,
      value: null,
      text: null,
      unit_id: x.unit_id,
      org_id: x.org_id,
      category: x.employment_category,
      gender: x.gender,
      union_member: Number(x.union_member),
    };
    // Dispatched and migrant workers weigh pay and housing more: the cuts have something to show.
    const precarious = x.employment_category === 'dispatched' || x.employment_category === 'migrant';
    for (const [i, q] of p.questions.entries()) {
      const qid = questions[i].id;
      const n = q.options?.length ?? 0;
      if (q.kind === 'single') answers.push({ ...base, question_id: qid, choice: Math.min(n - 1, Math.floor(rand() * n * (precarious ? 1.4 : 0.9))) });
      else if (q.kind === 'multiple') {
        const picks = new Set([Math.floor(rand() * n), Math.floor(rand() * n)]);
        for (const c of picks) answers.push({ ...base, question_id: qid, choice: c });
      } else if (q.kind === 'top3') {
        const order = [...Array(n).keys()].map((k) => ({ k, w: rand() * (k < 2 ? 2.2 : 1) * (precarious && k === 2 ? 2 : 1) })).sort((a, b) => b.w - a.w);
        order.slice(0, 3).forEach((o, r) => answers.push({ ...base, question_id: qid, choice: o.k, rank: r + 1 }));
      } else if (q.kind === 'scale') answers.push({ ...base, question_id: qid, value: 1 + Math.floor(rand() * (precarious ? 4 : 5)) });
      else if (q.kind === 'number') {
        if (rand() < 0.8) answers.push({ ...base, question_id: qid, value: Math.floor(rand() * 9) });
      } else if (rand() < 0.3) answers.push({ ...base, question_id: qid, text: TEXTS[Math.floor(rand() * TEXTS.length)] });
    }
  }
  await repo.insertChunked(tx, 'survey_responses', responses);
  await repo.insertChunked(tx, 'survey_answers', answers);
  await recountTallies(tx, id);
}

const PROBLEMS: {
  title: string;
  source: 'surveyAnswer' | 'appealCluster' | 'meeting' | 'visit';
  severity: 'low' | 'medium' | 'high';
  status: 'open' | 'inProgress' | 'resolved' | 'dropped';
  days: number;
}[] = [
  { title: '夜班食堂没有热饭菜', source: 'surveyAnswer', severity: 'medium', status: 'inProgress', days: 12 },
  { title: '井口浴室热水供应不足', source: 'surveyAnswer', severity: 'medium', status: 'open', days: 9 },
  { title: '劳务派遣工加班费计算口径不一', source: 'appealCluster', severity: 'high', status: 'open', days: 41 },
  { title: '职工宿舍暖气不热', source: 'visit', severity: 'low', status: 'resolved', days: 55 },
  { title: '下井班车发车时间与交接班冲突', source: 'meeting', severity: 'low', status: 'open', days: 3 },
];

export async function seedSurveysDemo(db: Db, now: Date): Promise<void> {
  if (await sdb(db).selectFrom('surveys').select('id').limit(1).executeTakeFirst()) return;
  const staff = await actorOf(db, 'staff');
  const group = staff?.grants[0];
  if (!staff || !group?.orgId || !group.orgPath) return;
  const mines = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'name'])
    .where('kind', '=', 'mine')
    .where('path', 'like', `${group.orgPath}%`)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  if (!mines.length) return;
  const demoPeople = await db.selectFrom('accounts').select('person_id').where('username', 'in', ['worker', 'worker2']).execute();
  const skip = new Set(demoPeople.map((a) => a.person_id).filter((x): x is string => x !== null));
  const rand = rng(20261206);
  const handlers = new Map<string, string>();
  for (const [i, u] of ['handler', 'handler2'].entries()) {
    const a = await actorOf(db, u);
    if (a && mines[i]) handlers.set(mines[i].id, a.accountId);
  }

  await db.transaction().execute(async (tx) => {
    const all = await repo.resolveTarget(tx, { orgIds: [group.orgId!], categories: [], genders: [] }, [group.orgPath!]);
    const second = mines[1] ?? mines[0];
    const common = { orgId: group.orgId!, orgPath: group.orgPath!, skip };
    await writeSurvey(
      tx,
      {
        ...common,
        title: '2026年度职工最关心的问题调查（匿名）',
        description: '了解大家最关心、最希望工会推动解决的问题。本问卷匿名填写，答卷不与姓名关联。',
        anonymous: true,
        status: 'open',
        target: { orgIds: [group.orgId!] },
        openedDaysAgo: 10,
        closesInDays: 20,
        questions: QUESTIONS_CONCERNS,
        people: all,
      },
      now,
      rand,
      staff.accountId,
    );
    await writeSurvey(
      tx,
      {
        ...common,
        title: `${second.name}职工食堂满意度调查`,
        description: '请对食堂饭菜、卫生和夜班供餐打分。',
        anonymous: false,
        status: 'closed',
        target: { orgIds: [second.id] },
        openedDaysAgo: 40,
        closesInDays: -26,
        questions: QUESTIONS_CANTEEN,
        people: all.filter((x) => x.org_path.startsWith(second.path)),
      },
      now,
      rand,
      staff.accountId,
    );
    await writeSurvey(
      tx,
      {
        ...common,
        title: '职工子女就学需求摸底（草稿）',
        description: '了解职工子女入学、托管需求。',
        anonymous: false,
        status: 'draft',
        target: { orgIds: [group.orgId!] },
        openedDaysAgo: 0,
        closesInDays: 30,
        questions: QUESTIONS_CANTEEN.slice(0, 1),
        people: [],
      },
      now,
      rand,
      staff.accountId,
    );

    const today = shanghaiDate(now);
    const items = mines.flatMap((m, mi) =>
      PROBLEMS.filter((_, pi) => (pi + mi) % 5 !== 4 || mi === 0).map((p) => ({
        id: newId(),
        org_id: m.id,
        org_path: m.path,
        title: p.title,
        description: `${m.name}：${p.source === 'surveyAnswer' ? '年度调查中多名职工反映' : p.source === 'appealCluster' ? '近期同类诉求集中' : p.source === 'meeting' ? '工会工作例会提出' : '走访班组时了解到'}。`,
        source: p.source,
        source_ref: p.source === 'surveyAnswer' ? '2026年度职工最关心的问题调查' : null,
        severity: p.severity,
        owner_account_id: handlers.get(m.id) ?? staff.accountId,
        status: p.status,
        raised_on: addDays(today, -p.days - mi),
        due_date: null,
        closed_on: p.status === 'resolved' || p.status === 'dropped' ? addDays(today, -Math.floor(p.days / 3)) : null,
        note: p.status === 'resolved' ? '已更换暖气阀门，复查正常' : null,
        decided_item_id: null,
        created_by: staff.accountId,
        created_at: `${addDays(today, -p.days - mi)}T02:00:00.000Z`,
        updated_at: now.toISOString(),
      })),
    );
    await repo.insertChunked(tx, 'screening_items', items);
    // One problem of the first mine already handed on as a decided item, through the real act.
    const high = items.find((x) => x.severity === 'high');
    if (high)
      await screening.decide(writeCallIn(db, tx, staff, { actor: staff, ip: null, requestId: null, locale: 'zh-CN' }, now), high.id, {
        dueDate: addDays(today, 30),
      });
  });
}
