/**
 * The ten-minute session's records in the test worlds (test/authz/part.ts): on each side the class's
 * session on its last school day (school's part finds the day) and the day's topic replaced, so
 * reverting it has something to revert; in A also the colleague class's demo session ('sibling').
 * For the fuzzer: a held session on the sample date.
 */
import { ok, type HostilePart, type WorldPart } from '../../../test/authz/part.js';
import { NOWHERE_ID } from '../../../test/hostile/strings.js';
import { SAMPLE_DATE } from '../../../test/hostile/sample.js';

export const after = ['school'];

export const world: WorldPart = {
  ids: { sessions: 'session' },
  siblingNames: ['sessions'],
  async build(ctx) {
    const head = ctx.clients.headTeacher!;
    const classId = ctx.orgs.class;
    const day = ctx.built.schoolDay;
    const label = ctx.side === 'own' ? '甲校' : ctx.label;
    const existing = await ok(head.get(`/api/v1/moral-education/classes/${classId}/sessions?from=${day}&to=${day}`), 'sessions');
    const session =
      existing.items?.[0] ??
      (await ok(
        head.post(`/api/v1/moral-education/classes/${classId}/sessions`, { date: day, status: 'held', topic: `${label}话题`, reflection: `${label}感想` }),
        'session',
      ));
    await ok(head.request('PUT', `/api/v1/moral-education/classes/${classId}/days/${day}/topic`, { topic: `${label}班会话题` }), 'replace topic');
    return { session: session.id as string };
  },
  async sibling(ctx) {
    const row = await (ctx.t.db as any).selectFrom('moral_sessions').select('id').where('class_id', '=', ctx.colleagues!.orgs.class).executeTakeFirst();
    const found: Record<string, string> = row ? { session: row.id as string } : {};
    return found;
  },
};

export const hostile: HostilePart = {
  async build({ t, s }) {
    await ok(
      s.users.headA.post(`/api/v1/moral-education/classes/${s.classA.id}/sessions`, {
        date: SAMPLE_DATE,
        status: 'held',
        topic: '诚信',
        reflection: '同学们讨论了诚信。',
      }),
      'moral session',
    );
    const row = await (t.db as any).selectFrom('moral_sessions').select('id').orderBy('id').executeTakeFirst();
    return { ids: { sessions: (row?.id as string | undefined) ?? NOWHERE_ID } };
  },
};
