/**
 * The policy world for tests: a union (group, mines, teams, staff, chair, workers on demand)
 * with a small library held at the group — a law and a company rule, split into articles.
 * Other folders' tests (the authorization matrix, the fuzzer) may build on it.
 */
import type { Role } from '../../../common/roles.js';

interface Org {
  id: string;
  path: string;
  name: string;
}
type Res = Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
interface Client {
  accountId: string;
  username: string;
  get(url: string, headers?: Record<string, string>): Res;
  post(url: string, body?: unknown, headers?: Record<string, string>): Res;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Res;
}
interface Env {
  org(name: string, kind?: string, parent?: { id: string; path: string } | null): Promise<Org>;
  user(grants: { role: Role; org: { id: string } | null }[], opts?: { personId?: string; username?: string }): Promise<Client>;
  person(
    org: { id: string },
    fields?: Partial<{ name: string; kind: string; employment_category: string; phone: string }>,
  ): Promise<{ id: string; name: string }>;
}

let n = 0;

/** A group with two mines, a department and team in each, union staff and chair at the group; workers on demand. */
async function union(t: Env) {
  const group = await t.org(`煤业集团${++n}`, 'group');
  const mine1 = await t.org('一号矿', 'mine', group);
  const prod1 = await t.org('生产部', 'department', mine1);
  const team1 = await t.org('综采一队', 'team', prod1);
  const mine2 = await t.org('二号矿', 'mine', group);
  const prod2 = await t.org('生产部', 'department', mine2);
  const team2 = await t.org('掘进一队', 'team', prod2);
  const staff = await t.user([{ role: 'unionStaff', org: group }]);
  const chair = await t.user([{ role: 'unionChair', org: group }]);
  let teams = 0;
  /** A fresh team under 一号矿/生产部, so a test counts only its own questions. */
  const team = () => t.org(`综采${++teams}队`, 'team', prod1);
  async function worker(fields: Partial<{ name: string; employment_category: string }> = {}, org: Org = team1) {
    const person = await t.person(org, fields);
    const client = await t.user([{ role: 'worker', org }], { personId: person.id });
    return Object.assign(client, { person });
  }
  return { group, mine1, prod1, team1, mine2, prod2, team2, staff, chair, team, worker };
}

export const LEAVE_LAW = [
  '第二条 职工连续工作1年以上的，享受带薪年休假。',
  '第三条 职工累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，年休假10天；已满20年的，年休假15天。',
  '第五条 对职工应休未休的年休假天数，单位应当按照该职工日工资收入的300%支付年休假工资报酬。',
].join('\n');

export const PAY_RULE = [
  '第一章 总则',
  '第一条 为规范工资发放，制定本办法。',
  '第二章 支付',
  '第十二条 工资于每月15日前以银行转账方式发放。',
  '第十三条 工伤职工停工留薪期内原工资待遇不变。',
].join('\n');

async function must(res: Promise<{ status: number; body: any; text: string }>, status: number, what: string) {
  const r = await res;
  if (r.status !== status) throw new Error(`policies testkit: ${what} → ${r.status} ${r.text}`);
  return r.body;
}

/** A policy added by `keeper` at `orgId`; the detail as the API answers it. */
export function addPolicy(keeper: Client, orgId: string, over: Record<string, unknown> = {}) {
  return must(
    keeper.post('/api/v1/policies', {
      orgId,
      title: '职工带薪年休假条例',
      issuer: '国务院',
      docNumber: '国务院令第514号',
      level: 'regulation',
      effectiveDate: '2008-01-01',
      text: LEAVE_LAW,
      ...over,
    }),
    201,
    'add policy',
  );
}

/** A question asked by `worker`. */
export function askQuestion(worker: Client, over: Record<string, unknown> = {}) {
  return must(
    worker.post('/api/v1/policy-questions', { topic: 'leave', title: '年休假有几天', body: '我工作满十一年了，年休假有几天？', ...over }),
    201,
    'ask',
  );
}

export async function policiesWorld(t: Env) {
  const u = await union(t);
  const leave = await addPolicy(u.staff, u.group.id);
  const pay = await addPolicy(u.staff, u.group.id, {
    title: '集团公司薪酬管理办法',
    issuer: '煤业集团',
    docNumber: '集团人字〔2023〕18号',
    level: 'company',
    effectiveDate: '2023-03-01',
    text: PAY_RULE,
  });
  const article = (p: { articles: { id: string; label: string }[] }, label: string) => p.articles.find((a) => a.label === label)!.id;
  return { ...u, leave, pay, article };
}

export type PoliciesWorld = Awaited<ReturnType<typeof policiesWorld>>;

/** Builds the world once for the file (pass vitest's beforeAll); its fields are there when the tests run. */
export function usePoliciesWorld(t: Env, beforeAll: (fn: () => Promise<void>) => void): PoliciesWorld {
  const w = {} as PoliciesWorld;
  beforeAll(async () => {
    Object.assign(w, await policiesWorld(t));
  });
  return w;
}
