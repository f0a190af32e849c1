/**
 * Benchmark data for the policy library at scale (L per issue #19: 5 000 policy documents with
 * 300 000 articles and 200 000 questions). One group with 10 mines × 10 teams, a keeper and a
 * worker account; articles drawn from a small vocabulary of labour-law words so that every
 * search word (工资, 工伤, 年休假 …) matches a realistic share of them. Written with chunked
 * multi-row inserts straight into the module's tables and search indexes (the index bodies
 * from core's own segmentation), in one transaction per chunk.
 */
import type { Db } from '../../server/core/db/database.js';
import { createAccount } from '../../server/core/accounts/accounts.service.js';
import { hashPassword } from '../../server/core/auth/password.js';
import { systemContext } from '../../server/core/context.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import { indexText } from '../../server/core/search/segment.js';
import { benchReads } from '../../server/modules/policies/index.js';

export const SPECS = {
  S: { policies: 100, articlesPer: 60, questions: 4_000 },
  M: { policies: 1_000, articlesPer: 60, questions: 40_000 },
  L: { policies: 5_000, articlesPer: 60, questions: 200_000 },
} as const;
export type PolicyScale = keyof typeof SPECS;

const SUBJECTS = ['职工', '用人单位', '劳动者', '工会', '被派遣劳动者', '女职工', '工伤职工', '井下作业人员', '农民工', '退休人员'];
const MATTERS = [
  '工资',
  '加班费',
  '年休假',
  '工伤',
  '社会保险',
  '劳动合同',
  '经济补偿',
  '试用期',
  '病假',
  '婚假',
  '住房公积金',
  '津贴',
  '职业健康检查',
  '劳动防护用品',
  '调解',
  '仲裁',
  '培训',
  '考勤',
];
const VERBS = [
  '应当按时足额支付',
  '依法享有',
  '不得克扣',
  '应当书面告知',
  '可以申请',
  '应当在三十日内办理',
  '由单位承担',
  '按月发放',
  '经协商确定',
  '每年复核一次',
];
const TOPICS = ['wages', 'leave', 'socialInsurance', 'injury', 'contract', 'other'];
const LEVELS = ['law', 'regulation', 'local', 'company'];
const CN = '一二三四五六七八九十';

const numeral = (n: number) => (n <= 10 ? CN[n - 1] : n < 20 ? `十${CN[n - 11] ?? ''}` : `${CN[Math.floor(n / 10) - 1]}十${n % 10 ? CN[(n % 10) - 1] : ''}`);

export interface PolicyBenchData {
  groupId: string;
  teamIds: string[];
  mineIds: string[];
  keeper: string;
  worker: string;
  password: string;
  counts: { policies: number; articles: number; questions: number };
}

async function insertChunks(db: Db, table: string, rows: Record<string, unknown>[], size = 500) {
  for (let i = 0; i < rows.length; i += size)
    await (db as any)
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}

export async function generatePolicyData(db: Db, scale: PolicyScale, now = new Date()): Promise<PolicyBenchData> {
  const spec = SPECS[scale];
  const rng = new Rng(20261219);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng.next() * xs.length)];
  const iso = now.toISOString();
  const today = iso.slice(0, 10);

  const org = async (name: string, kind: string, parent: { id: string; path: string } | null) => {
    const id = newId();
    const path = `${parent?.path ?? '/'}${id}/`;
    await (db as any)
      .insertInto('orgs')
      .values({
        id,
        parent_id: parent?.id ?? null,
        path,
        depth: path.split('/').length - 3,
        kind,
        name,
        code: null,
        sort_order: 0,
        created_at: iso,
        updated_at: iso,
      })
      .execute();
    return { id, path };
  };
  const group = await org('基准煤业集团', 'group', null);
  const mines = [];
  const teams: { id: string; path: string; mine: { id: string; path: string } }[] = [];
  for (let m = 1; m <= 10; m++) {
    const mine = await org(`${m}号矿`, 'mine', group);
    mines.push(mine);
    for (let k = 1; k <= 10; k++) teams.push({ ...(await org(`${m}矿${k}队`, 'team', mine)), mine });
  }
  const password = 'bench-Passw0rd';
  const hash = await hashPassword(password);
  const person = newId();
  await (db as any)
    .insertInto('persons')
    .values({
      id: person,
      org_id: teams[0].id,
      kind: 'worker',
      name: '基准职工',
      gender: null,
      employee_no: null,
      employment_category: 'contract',
      position: null,
      union_member: 1,
      phone: null,
      id_number: null,
      birth_date: null,
      subject: null,
      archived: 0,
      created_at: iso,
      updated_at: iso,
    })
    .execute();
  await createAccount(db, systemContext(), {
    username: 'bench.keeper',
    password,
    passwordHash: hash,
    displayName: '基准干事',
    personId: null,
    grants: [{ role: 'unionStaff', orgId: group.id }],
  });
  await createAccount(db, systemContext(), {
    username: 'bench.worker',
    password,
    passwordHash: hash,
    displayName: '基准职工',
    personId: person,
    grants: [{ role: 'worker', orgId: teams[0].mine.id }],
  });

  const articleIds: string[] = [];
  for (let p0 = 0; p0 < spec.policies; p0 += 100) {
    const policies: Record<string, unknown>[] = [];
    const articles: Record<string, unknown>[] = [];
    const docs: Record<string, unknown>[] = [];
    for (let p = p0; p < Math.min(p0 + 100, spec.policies); p++) {
      const id = newId();
      const title = `${pick(MATTERS)}${pick(['管理办法', '实施细则', '暂行规定', '条例', '若干规定'])}（第${p + 1}号）`;
      const superseded = p % 25 === 24;
      policies.push({
        id,
        org_id: group.id,
        series_id: id,
        version: 1,
        title,
        issuer: '基准集团',
        doc_number: `基字〔2024〕${p + 1}号`,
        level: pick(LEVELS),
        status: superseded ? 'superseded' : 'effective',
        effective_date: addDays('2015-01-01', p % 3000),
        repeal_date: null,
        superseded_by: null,
        article_count: spec.articlesPer,
        created_by: null,
        created_at: iso,
        updated_at: iso,
      });
      for (let a = 1; a <= spec.articlesPer; a++) {
        const aid = newId();
        const body = `${pick(SUBJECTS)}的${pick(MATTERS)}，${pick(VERBS)}；涉及${pick(MATTERS)}的，${pick(SUBJECTS)}${pick(VERBS)}。`;
        const label = `第${numeral(a)}条`;
        articles.push({ id: aid, policy_id: id, seq: a, label, chapter: null, body });
        docs.push({ ref_id: aid, body: indexText(`${title} ${label} ${body}`) });
        if (rng.next() < 0.02) articleIds.push(aid);
      }
    }
    await db.transaction().execute(async (tx) => {
      await insertChunks(tx as unknown as Db, 'policies', policies);
      await insertChunks(tx as unknown as Db, 'policy_articles', articles);
      await insertChunks(tx as unknown as Db, 'policy_article_search', docs);
    });
  }

  for (let q0 = 0; q0 < spec.questions; q0 += 2_000) {
    const questions: Record<string, unknown>[] = [];
    const docs: Record<string, unknown>[] = [];
    const cites: Record<string, unknown>[] = [];
    for (let q = q0; q < Math.min(q0 + 2_000, spec.questions); q++) {
      const id = newId();
      const team = pick(teams);
      const anonymous = rng.next() < 0.15;
      const daysAgo = Math.floor(rng.next() * 730);
      const asked = addDays(today, -daysAgo);
      const due = addDays(asked, 5);
      const state = daysAgo < 3 ? 'submitted' : rng.next() < 0.03 ? 'withdrawn' : rng.next() < 0.2 ? 'published' : 'answered';
      const answered = state === 'answered' || state === 'published';
      const title = `${pick(MATTERS)}怎么${pick(['算', '发', '申请', '办理', '认定'])}`;
      const body = `我是${pick(SUBJECTS)}，想问一下${pick(MATTERS)}和${pick(MATTERS)}的规定。`;
      questions.push({
        id,
        org_id: anonymous ? team.mine.id : team.id,
        library_org_id: group.id,
        author_account_id: null,
        author_person_id: null,
        author_name: anonymous ? null : `职工${q}`,
        author_category: anonymous ? null : pick(['contract', 'dispatched', 'permanent']),
        anonymous: anonymous ? 1 : 0,
        topic: pick(TOPICS),
        title,
        body,
        status: state,
        asked_at: `${asked}T01:00:00.000Z`,
        asked_date: asked,
        due_date: due,
        answer: answered ? '按规定办理。' : null,
        answered_at: answered ? `${addDays(asked, 2)}T08:00:00.000Z` : null,
        answered_by: null,
        on_time: answered ? (rng.next() < 0.9 ? 1 : 0) : null,
        faq_title: state === 'published' ? title : null,
        faq_answer: state === 'published' ? '按规定办理。' : null,
        published_at: state === 'published' ? `${addDays(asked, 3)}T08:00:00.000Z` : null,
        deflections: 0,
        review_needed: 0,
        signature: benchReads.questionSignature(title, body),
        created_at: iso,
        updated_at: iso,
      });
      docs.push({ ref_id: id, body: indexText(`${title} ${body}`) });
      if (answered && articleIds.length) {
        const art = pick(articleIds);
        cites.push({ question_id: id, article_id: art, policy_id: null });
      }
    }
    await db.transaction().execute(async (tx) => {
      await insertChunks(tx as unknown as Db, 'policy_questions', questions);
      await insertChunks(tx as unknown as Db, 'policy_question_search', docs);
      const policyOf = new Map<string, string>();
      const ids = [...new Set(cites.map((c) => c.article_id as string))];
      for (let i = 0; i < ids.length; i += 500) {
        for (const r of await (tx as any)
          .selectFrom('policy_articles')
          .select(['id', 'policy_id'])
          .where('id', 'in', ids.slice(i, i + 500))
          .execute())
          policyOf.set(r.id, r.policy_id);
      }
      await insertChunks(
        tx as unknown as Db,
        'policy_citations',
        cites.map((c) => ({ ...c, policy_id: policyOf.get(c.article_id as string) })),
      );
    });
  }
  return {
    groupId: group.id,
    teamIds: teams.map((t) => t.id),
    mineIds: mines.map((m) => m.id),
    keeper: 'bench.keeper',
    worker: 'bench.worker',
    password,
    counts: { policies: spec.policies, articles: spec.policies * spec.articlesPer, questions: spec.questions },
  };
}

/** The handles of data a previous run built into `db` (BENCH_REUSE): the same shape `generatePolicyData` returns. */
export async function existingPolicyData(db: Db, scale: PolicyScale): Promise<PolicyBenchData> {
  const orgs = await (db as any).selectFrom('orgs').select(['id', 'kind']).orderBy('path').execute();
  const spec = SPECS[scale];
  return {
    groupId: orgs.find((o: any) => o.kind === 'group').id,
    teamIds: orgs.filter((o: any) => o.kind === 'team').map((o: any) => o.id),
    mineIds: orgs.filter((o: any) => o.kind === 'mine').map((o: any) => o.id),
    keeper: 'bench.keeper',
    worker: 'bench.worker',
    password: 'bench-Passw0rd',
    counts: { policies: spec.policies, articles: spec.policies * spec.articlesPer, questions: spec.questions },
  };
}
