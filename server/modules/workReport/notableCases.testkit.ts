/**
 * Records behind the notable cases of hardship, suggestions and the congress, written as those
 * modules store them (their own services take a dozen steps each: this is what they leave). Each
 * carries a name, a code or an amount a case must not print, so a test can look for them.
 */
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';

interface Org {
  id: string;
  path: string;
  name: string;
}

export interface NotableRecords {
  /** What a case's words must never hold: names, codes, the household's income and aid amounts, the reward. */
  secrets: string[];
  household: { id: string };
  suggestion: { id: string; title: string };
  proposal: { id: string; title: string };
}

export async function notableRecords(
  db: Db,
  year: string,
  p: { group: Org; mine: Org; department: Org; person: (org: Org, name: string) => Promise<{ id: string }> },
): Promise<NotableRecords> {
  const at = `${year}-03-01T02:00:00.000Z`;
  const stamp = { created_at: at, updated_at: at };
  const d = db as any;

  // Hardship: a household filed last year, helped three ways this year, out of hardship in June.
  const worker = await p.person(p.mine, '赵困难');
  const household = { id: newId() };
  await d
    .insertInto('hardship_profiles')
    .values({
      id: household.id,
      code: 'KN-2025-0077',
      org_id: p.mine.id,
      org_path: p.mine.path,
      worker_person_id: worker.id,
      locality: '本市',
      year: Number(year) - 1,
      household_size: 3,
      household_income_fen: 183_300,
      income_per_head_fen: 61_100,
      tier: 'deep',
      situation: '妻子赵某某长期透析。',
      status: 'exited',
      applied_at: at,
      applied_date: `${Number(year) - 1}-05-01`,
      filed_on: `${Number(year) - 1}-05-20`,
      exited_on: `${year}-06-30`,
      ...stamp,
    })
    .execute();
  await d
    .insertInto('hardship_causes')
    .values([
      { profile_id: household.id, cause: 'illness' },
      { profile_id: household.id, cause: 'schooling' },
    ])
    .execute();
  const aid = (kind: string, amount_fen: number, given_on: string) => ({
    id: newId(),
    profile_id: household.id,
    org_path: p.mine.path,
    kind,
    amount_fen,
    given_on,
    fund: '帮扶资金',
    delivered_by: '工会',
    created_at: at,
  });
  await d
    .insertInto('hardship_assistance')
    .values([aid('medical', 523_400, `${year}-02-10`), aid('schooling', 180_000, `${year}-03-01`), aid('living', 90_000, `${year}-04-01`)])
    .execute();

  // Suggestions: one adopted, implemented and its benefit verified this year.
  const lead = await p.person(p.mine, '钱金点');
  const campaign = newId();
  await d
    .insertInto('suggestion_campaigns')
    .values({
      id: campaign,
      org_id: p.group.id,
      org_path: p.group.path,
      title: `${year}年献一策`,
      starts_on: `${year}-01-01`,
      ends_on: `${year}-12-31`,
      criteria: '[]',
      ...stamp,
    })
    .execute();
  const suggestion = { id: newId(), title: '皮带机托辊改用陶瓷材质' };
  await d
    .insertInto('suggestions')
    .values({
      id: suggestion.id,
      code: 'JY-0042',
      campaign_id: campaign,
      org_id: p.mine.id,
      org_path: p.mine.path,
      lead_person_id: lead.id,
      team_name: '钱金点创新小组',
      title: suggestion.title,
      problem: '托辊磨损快。',
      proposal: '建议将主运输皮带机托辊更换为陶瓷材质。',
      expected_benefit: '节约维修费。',
      status: 'rewarded',
      submitted_at: at,
      submitted_on: `${year}-03-01`,
      decision: 'adopt',
      decided_on: `${year}-04-10`,
      implemented_on: `${year}-05-01`,
      benefit_kind: 'savings',
      benefit_fen: 12_800_000,
      verified_on: `${year}-09-01`,
      reward_fen: 660_000,
      reward_paid_on: `${year}-10-01`,
      ...stamp,
    })
    .execute();

  // Congress: a session held this year; the adopted proposal with three seconds outranks one with none.
  const term = newId();
  await d
    .insertInto('congress_terms')
    .values({
      id: term,
      org_id: p.group.id,
      number: 3,
      name: '第三届职工代表大会',
      start_date: `${Number(year) - 1}-01-01`,
      end_date: `${Number(year) + 3}-12-31`,
      rules: '{}',
      ...stamp,
    })
    .execute();
  const reps: string[] = [];
  for (const name of ['孙提案', '李附议', '周附议', '吴附议']) {
    const id = newId();
    await d
      .insertInto('congress_representatives')
      .values({ id, term_id: term, person_id: (await p.person(p.mine, name)).id, delegation: p.mine.name, category: 'frontline', ...stamp })
      .execute();
    reps.push(id);
  }
  const session = newId();
  await d
    .insertInto('congress_sessions')
    .values({
      id: session,
      term_id: term,
      number: 2,
      name: '三届二次职代会',
      starts_on: `${year}-03-20`,
      proposals_close_on: `${year}-03-10`,
      status: 'closed',
      ...stamp,
    })
    .execute();
  const proposal = { id: newId(), title: '关于井下班中餐送餐到工作面的提案' };
  const base = {
    session_id: session,
    proposer_id: reps[0],
    reasons: '孙提案反映井下吃饭难。',
    solution: '送餐到工作面。',
    co_department_ids: '[]',
    submitted_at: at,
    ...stamp,
  };
  await d
    .insertInto('congress_proposals')
    .values([
      {
        ...base,
        id: proposal.id,
        title: proposal.title,
        status: 'closed',
        number: 1,
        department_id: p.department.id,
        answer_due_date: `${year}-05-01`,
        answer: '已开通井下送餐专线，每班两次送到工作面。',
        answered_at: `${year}-04-20T02:00:00.000Z`,
        grade: 'A',
      },
      { ...base, id: newId(), title: '关于澡堂延长开放时间的提案', status: 'adopted', number: 2 },
    ])
    .execute();
  await d
    .insertInto('congress_seconds')
    .values(reps.slice(1).map((r) => ({ proposal_id: proposal.id, representative_id: r, at })))
    .execute();

  const secrets = ['赵困难', '赵某某', 'KN-2025-0077', '钱金点', 'JY-0042', '孙提案', '李附议'];
  // Amounts as a report might print them: the household's income (a month, a head) and its aid, the author's reward.
  for (const yuan of [1833, 611, 5234, 1800, 900, 7934, 6600]) secrets.push(String(yuan), yuan.toLocaleString('zh-CN'));
  return { secrets, household, suggestion, proposal };
}
