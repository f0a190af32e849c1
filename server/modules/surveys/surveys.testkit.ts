/**
 * The surveys world for tests: a union (group → mine → department → two teams, and a second
 * mine) with office accounts at the group and workers with accounts on demand. Other folders'
 * tests (the authorization matrix, the fuzzer) may build on it.
 */
import type { Role } from '../../../common/roles.js';

interface Org {
  id: string;
  path: string;
  name: string;
}
type Res = Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
export interface Client {
  accountId: string;
  username: string;
  get(url: string, headers?: Record<string, string>): Res;
  post(url: string, body?: unknown, headers?: Record<string, string>): Res;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Res;
}
interface Env {
  org(name: string, kind?: string, parent?: { id: string; path: string } | null): Promise<Org>;
  user(grants: { role: Role; org: { id: string } | null }[], opts?: { personId?: string; username?: string }): Promise<Client>;
  person(org: { id: string }, fields?: Partial<{ name: string; kind: string; employment_category: string }>): Promise<{ id: string; name: string }>;
}

async function must(res: Res, status: number, what: string) {
  const r = await res;
  if (r.status !== status) throw new Error(`surveys testkit: ${what} → ${r.status} ${r.text}`);
  return r.body;
}

/** The questions of a concerns survey: one of each kind. */
export const QUESTIONS = [
  { kind: 'single', text: '您对目前的收入满意吗', options: ['满意', '一般', '不满意'] },
  { kind: 'multiple', text: '您希望工会提供哪些服务', options: ['法律咨询', '文体活动', '技能培训', '困难帮扶'] },
  { kind: 'scale', text: '食堂饭菜质量打分', scaleMin: 1, scaleMax: 5 },
  { kind: 'number', text: '上月加班天数', required: false },
  { kind: 'top3', text: '您最关心的三件事', options: ['工资收入', '安全生产', '住房', '子女就学', '医疗保障'] },
  { kind: 'text', text: '您还有什么意见和建议', required: false },
];

/** A full, valid set of answers to QUESTIONS (`form` is the survey's form as the API gives it). */
export function answersFor(form: { questions: { id: string; kind: string }[] }, pick = 0, text = '希望食堂增加夜班的热饭菜') {
  return {
    answers: form.questions.map((q) => {
      if (q.kind === 'single') return { questionId: q.id, choices: [pick % 3] };
      if (q.kind === 'multiple') return { questionId: q.id, choices: [0, 1 + (pick % 3)] };
      if (q.kind === 'scale') return { questionId: q.id, value: 1 + (pick % 5) };
      if (q.kind === 'number') return { questionId: q.id, value: pick };
      if (q.kind === 'top3') return { questionId: q.id, choices: [pick % 5, (pick + 1) % 5, (pick + 2) % 5] };
      return { questionId: q.id, text };
    }),
  };
}

/** Builds a survey as `office` (a draft) from `over`, targeting `orgIds`. */
export function buildSurvey(office: Client, orgId: string, targetOrgIds: string[], over: Record<string, unknown> = {}) {
  const closesOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  return must(
    office.post('/api/v1/surveys', { orgId, title: '职工关心的问题调查', closesOn, target: { orgIds: targetOrgIds }, questions: QUESTIONS, ...over }),
    201,
    'build survey',
  );
}

export const openSurvey = (office: Client, id: string) => must(office.post(`/api/v1/surveys/${id}/open`), 200, 'open survey');

export async function answer(worker: Client, surveyId: string, pick = 0, text?: string) {
  const form = await must(worker.get(`/api/v1/surveys/${surveyId}/form`), 200, 'form');
  return must(worker.post(`/api/v1/surveys/${surveyId}/responses`, answersFor(form, pick, text)), 201, 'answer');
}

let n = 0;

export async function surveysWorld(t: Env) {
  const group = await t.org(`煤业集团${++n}`, 'group');
  const mine1 = await t.org('一号矿', 'mine', group);
  const prod1 = await t.org('生产部', 'department', mine1);
  const teamA = await t.org('综采一队', 'team', prod1);
  const teamB = await t.org('综采二队', 'team', prod1);
  const mine2 = await t.org('二号矿', 'mine', group);
  const team2 = await t.org('掘进一队', 'team', mine2);
  const staff = await t.user([{ role: 'unionStaff', org: group }]);
  const chair = await t.user([{ role: 'unionChair', org: group }]);
  const mineStaff = await t.user([{ role: 'unionStaff', org: mine2 }]);
  async function worker(org: Org = teamA, category = 'contract') {
    const person = await t.person(org, { employment_category: category });
    const client = await t.user([{ role: 'worker', org }], { personId: person.id });
    return Object.assign(client, { person });
  }
  return { group, mine1, prod1, teamA, teamB, mine2, team2, staff, chair, mineStaff, worker };
}

export type SurveysWorld = Awaited<ReturnType<typeof surveysWorld>>;

/** Builds the world once for the file (pass vitest's beforeAll); its fields are there when the tests run. */
export function useSurveysWorld(t: Env, beforeAll: (fn: () => Promise<void>) => void): SurveysWorld {
  const w = {} as SurveysWorld;
  beforeAll(async () => {
    Object.assign(w, await surveysWorld(t));
  });
  return w;
}
