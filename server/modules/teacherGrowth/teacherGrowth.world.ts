/**
 * Teacher growth's records in the test worlds (test/authz/part.ts). In A the demo `teacher` (a
 * subject teacher) owns the plan and the demo `head` mentors them, so the routes' declared roles
 * meet the relations they expect; the research office, a promotion awaiting the principal, an
 * activity and the pair complete the set. B builds the same through its own accounts, every text
 * carrying the marker.
 */
import type { Caller, HostilePart, WorldPart } from '../../../test/authz/part.js';
import { multipart } from '../../core/people/people.fixtures.js';
import { planBody } from './teacherGrowth.testkit.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 5)]);

const B = '/api/v1/teacher-growth';

async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`teacherGrowth world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

interface Actors {
  office: Caller;
  owner: Caller;
  schoolId: string;
  ownerPerson: string;
  mentorPerson: string;
  label: string;
}

/** Places, pairs, plans, proposes and organises — reusing what the demo seed already made. */
async function records(a: Actors): Promise<Record<string, string>> {
  const { office, owner, schoolId, label } = a;
  await ok(office.request('PUT', `${B}/teachers/${a.ownerPerson}/placement`, { tier: 'new', milestone: '入格', since: '2026-09-01' }), 'place owner');
  await ok(office.request('PUT', `${B}/teachers/${a.mentorPerson}/placement`, { tier: 'experienced', since: '2026-09-01' }), 'place mentor');
  const pairs = (await ok(office.get(`${B}/schools/${schoolId}/mentorships`), 'pairs')).items as {
    id: string;
    mentorId: string;
    menteeId: string;
    endedOn: string | null;
  }[];
  const pair =
    pairs.find((p) => p.mentorId === a.mentorPerson && p.menteeId === a.ownerPerson && p.endedOn === null) ??
    (await ok(office.post(`${B}/schools/${schoolId}/mentorships`, { mentorId: a.mentorPerson, menteeId: a.ownerPerson, startedOn: '2026-09-01' }), 'pair'));
  const mine = (await ok(owner.get(`${B}/plans?view=mine`), 'my plans')).items as { id: string; status: string }[];
  const open = mine.find((p) => p.status !== 'complete');
  const planId = open?.id ?? (await ok(owner.post(`${B}/plans`, planBody({ title: `${label}三年规划`, vision: `${label}站稳讲台` })), 'plan')).id;
  // A lesson plan with a photo, added by the owner: its file is served as the plan is seen.
  const m = multipart({}, { name: `${label}教案.png`, content: PNG });
  const file = await ok(owner.post('/api/v1/files', m.body, m.headers), 'file');
  const withFile = await ok(
    owner.post(`${B}/plans/${planId}/evidence`, { kind: 'lessonPlan', title: `${label}教案`, date: '2026-11-20', fileIds: [file.id] }),
    'evidence',
  );
  const evidence = (withFile.evidence as { id: string; files: { id: string }[] }[]).find((e) => e.files.some((f) => f.id === file.id))!;
  const plan = await ok(owner.get(`${B}/plans/${planId}`), 'plan detail');
  const proposals = (await ok(office.get(`${B}/schools/${schoolId}/promotions`), 'promotions')).items as { id: string; status: string }[];
  const promotion =
    proposals.find((p) => p.status === 'proposed') ??
    (await ok(
      office.post(`${B}/schools/${schoolId}/promotions`, { teacherPersonId: a.mentorPerson, toTier: 'top', reason: `${label}教学风格鲜明` }),
      'propose',
    ));
  const activity = await ok(office.post(`${B}/schools/${schoolId}/activities`, { kind: 'salon', title: `${label}新教师沙龙`, date: '2026-12-20' }), 'activity');
  return {
    growthPlan: planId,
    growthGoal: plan.goals[0].id,
    growthTeacher: a.ownerPerson,
    growthMentor: a.mentorPerson,
    growthMentee: a.ownerPerson,
    growthMentorship: pair.id,
    growthPromotion: promotion.id,
    growthActivity: activity.id,
    growthTier: 'young',
    growthEvidence: evidence.id,
    growthFile: file.id,
  };
}

export const world: WorldPart = {
  params: {
    planId: 'growthPlan',
    goalId: 'growthGoal',
    teacherPersonId: 'growthTeacher',
    tierKey: 'growthTier',
    promotionId: 'growthPromotion',
    activityId: 'growthActivity',
    mentorshipId: 'growthMentorship',
    evidenceId: 'growthEvidence',
    growthFileId: 'growthFile',
  },
  fields: { mentorId: 'growthMentor', menteeId: 'growthMentee', teacherPersonId: 'growthTeacher' },
  async build(ctx) {
    if (ctx.side === 'own') {
      return records({
        office: ctx.clients.academicOffice!,
        owner: ctx.clients.subjectTeacher!,
        schoolId: ctx.orgs.school,
        ownerPerson: ctx.accounts.subjectTeacher!.personId!,
        mentorPerson: ctx.accounts.headTeacher!.personId!,
        label: ctx.label,
      });
    }
    // B has no academic office and no subject teacher: one of each, the latter a new teacher of B's class.
    const office = await ctx.account('academicOffice', ctx.orgs.school);
    const newcomer = await ctx.t.person({ id: ctx.orgs.class }, { kind: 'teacher', name: `${ctx.label}新老师` });
    const owner = await ctx.account('subjectTeacher', ctx.orgs.class, newcomer.id);
    return records({
      office: office.client,
      owner: owner.client,
      schoolId: ctx.orgs.school,
      ownerPerson: newcomer.id,
      mentorPerson: ctx.accounts.headTeacher!.personId!,
      label: ctx.label,
    });
  },
};

export const hostile: HostilePart = {
  async build(ctx) {
    const { s, t } = ctx;
    const person = async (c: { accountId: string }) =>
      (await t.db.selectFrom('accounts').select('person_id').where('id', '=', c.accountId).executeTakeFirstOrThrow()).person_id!;
    const r = await records({
      office: s.users.academic,
      owner: s.users.subjA,
      schoolId: s.school.id,
      ownerPerson: await person(s.users.subjA),
      mentorPerson: await person(s.users.headA),
      label: '',
    });
    return {
      params: {
        planId: r.growthPlan!,
        goalId: r.growthGoal!,
        teacherPersonId: r.growthTeacher!,
        tierKey: 'young',
        promotionId: r.growthPromotion!,
        activityId: r.growthActivity!,
        mentorshipId: r.growthMentorship!,
        evidenceId: r.growthEvidence!,
        growthFileId: r.growthFile!,
      },
      fields: { mentorId: r.growthMentor, menteeId: r.growthMentee, teacherPersonId: r.growthTeacher },
    };
  },
};
