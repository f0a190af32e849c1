/**
 * Scale-L data for surveys (issue #20: surveys to 50 000 workers, 1 M responses in all): one
 * group with 20 mines × 10 teams, 50 000 workers of five employment categories, 25 open
 * surveys to the whole group (1.25 M frozen recipients), ~80 % answered — every fifth survey
 * anonymous — with three questions (single, top 3, scale), and 2 000 screening problems.
 * Written in bulk with the columns the services write. Deterministic (seeded).
 * BENCH_SCALE=M divides workers, surveys and problems by 10.
 */
import { randomUUID } from 'node:crypto';
import { EMPLOYMENT_CATEGORIES } from '../../common/enums.js';
import type { Db } from '../../server/core/db/database.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import { surveysBulk } from '../../server/modules/surveys/index.js';
import { bulk, unionTree, worldRows } from '../world.js';

export const SCALE =
  process.env.BENCH_SCALE === 'M'
    ? { name: 'M', mines: 20, teamsPerMine: 10, workers: 5_000, surveys: 25, problems: 200 }
    : { name: 'L', mines: 20, teamsPerMine: 10, workers: 50_000, surveys: 25, problems: 2_000 };

export interface Built {
  group: { id: string; path: string };
  mines: { id: string; path: string }[];
  chairAccount: string;
  workerAccount: { accountId: string; personId: string };
  surveyIds: string[];
  anonymousIds: string[];
  responses: number;
}

export async function buildSurveysL(db: Db, today: string, scale: Omit<typeof SCALE, 'name'> = SCALE): Promise<Built> {
  const rng = new Rng(20);
  const w = worldRows();
  const iso = w.iso;
  const tree = await unionTree(db, w, scale, {
    prefix: 'S',
    worker: (i) => ({ gender: i % 3 ? 'male' : 'female', employment_category: EMPLOYMENT_CATEGORIES[i % 5 === 4 ? 2 : i % 4], union_member: i % 7 ? 1 : 0 }),
  });
  const { group, mines, workers: persons } = tree;
  const teams = tree.teams.map((team) => ({ team, mine: tree.mineOf.get(team.id)! }));
  const chair = w.account('bench.chair');
  const worker = w.account('bench.worker', persons[0]!.id);
  await bulk(db, 'accounts', [chair, worker]);
  await bulk(db, 'role_grants', [w.grant(chair.id, 'unionChair', group.id), w.grant(worker.id, 'worker', teams[0]!.team.id)]);

  const surveyIds: string[] = [];
  const anonymousIds: string[] = [];
  let responses = 0;
  for (let s = 0; s < scale.surveys; s++) {
    const id = newId();
    const anonymous = s % 5 === 0;
    surveyIds.push(id);
    if (anonymous) anonymousIds.push(id);
    const opened = addDays(today, -(s * 7 + 3));
    const q = [newId(), newId(), newId()];
    const recipients = [];
    const rs = [];
    const answers = [];
    for (const [i, p] of persons.entries()) {
      const { team, mine } = teams[i % teams.length];
      const answered = rng.next() < 0.8 ? 1 : 0;
      recipients.push({
        survey_id: id,
        person_id: p.id,
        org_id: team.id,
        org_path: team.path,
        unit_id: mine.id,
        category: p.employment_category,
        gender: p.gender,
        union_member: p.union_member,
        answered,
      });
      if (!answered) continue;
      const rid = anonymous ? randomUUID() : newId();
      rs.push({
        id: rid,
        survey_id: id,
        person_id: anonymous ? null : p.id,
        submitted_at: anonymous ? null : `${opened}T03:00:00.000Z`,
        org_id: team.id,
        unit_id: mine.id,
        category: p.employment_category,
        gender: p.gender,
        union_member: p.union_member,
      });
      const base = {
        response_id: rid,
        survey_id: id,
        rank: null,
        value: null,
        text: null,
        unit_id: mine.id,
        org_id: team.id,
        category: p.employment_category,
        gender: p.gender,
        union_member: p.union_member,
      };
      answers.push({ ...base, question_id: q[0], choice: Math.floor(rng.next() * 4) });
      const first = Math.floor(rng.next() * 7);
      for (let r = 0; r < 3; r++) answers.push({ ...base, question_id: q[1], choice: (first + r * 2) % 7, rank: r + 1 });
      answers.push({ ...base, question_id: q[2], choice: null, value: 1 + Math.floor(rng.next() * 5) });
    }
    await bulk(db, 'surveys', [
      {
        id,
        org_id: group.id,
        org_path: group.path,
        title: `第${s + 1}次职工调查`,
        description: '',
        anonymous: anonymous ? 1 : 0,
        status: 'open',
        target: JSON.stringify({ orgIds: [group.id], categories: [], genders: [] }),
        closes_on: addDays(today, 30),
        opened_at: `${opened}T01:00:00.000Z`,
        opened_on: opened,
        closed_at: null,
        recipient_count: recipients.length,
        answered_count: rs.length,
        created_by: chair.id,
        created_at: `${opened}T00:00:00.000Z`,
        updated_at: iso,
      },
    ]);
    await bulk(db, 'survey_questions', [
      {
        id: q[0],
        survey_id: id,
        sort: 1,
        kind: 'single',
        text: '收入满意度',
        options: JSON.stringify(['满意', '基本满意', '不太满意', '不满意']),
        scale_min: null,
        scale_max: null,
        required: 1,
      },
      {
        id: q[1],
        survey_id: id,
        sort: 2,
        kind: 'top3',
        text: '最关心的三件事',
        options: JSON.stringify(['工资', '安全', '住房', '就学', '医疗', '发展', '强度']),
        scale_min: null,
        scale_max: null,
        required: 1,
      },
      { id: q[2], survey_id: id, sort: 3, kind: 'scale', text: '劳动保护评价', options: '[]', scale_min: 1, scale_max: 5, required: 1 },
    ]);
    await bulk(db, 'survey_recipients', recipients);
    await bulk(db, 'survey_responses', rs);
    await bulk(db, 'survey_answers', answers);
    await surveysBulk.recountTallies(db, id);
    responses += rs.length;
  }

  const problems = Array.from({ length: scale.problems }, (_, i) => {
    const mine = mines[i % mines.length];
    const raised = addDays(today, -Math.floor(rng.next() * 365));
    const status = ['open', 'inProgress', 'resolved', 'dropped'][i % 4];
    return {
      id: newId(),
      org_id: mine.id,
      org_path: mine.path,
      title: `问题${i}`,
      description: '',
      source: 'surveyAnswer',
      source_ref: null,
      severity: ['low', 'medium', 'high'][i % 3],
      owner_account_id: chair.id,
      status,
      raised_on: raised,
      due_date: null,
      closed_on: status === 'resolved' || status === 'dropped' ? today : null,
      note: null,
      decided_item_id: null,
      created_by: chair.id,
      created_at: iso,
      updated_at: iso,
    };
  });
  await bulk(db, 'screening_items', problems);
  return { group, mines, chairAccount: chair.id, workerAccount: { accountId: worker.id, personId: persons[0].id }, surveyIds, anonymousIds, responses };
}
