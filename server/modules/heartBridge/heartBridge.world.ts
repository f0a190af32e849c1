/**
 * 心桥's records in the test worlds (test/authz/part.ts): this week, and in B a page of it written on
 * both sides (school by B's head teacher, home by B's parent; A's demo has its own pages). Built after
 * school's records, as it always was: the week lies in the term made there. For the fuzzer: the
 * school side of a student's page in the fixed week the fuzzer names.
 */
import { weekOf } from '../../../common/school.js';
import { ok, type HostilePart, type WorldPart } from '../../../test/authz/part.js';
import { WEEK } from '../../../test/hostile/fixture.js';

export const after = ['school'];

export const world: WorldPart = {
  params: { week: 'week' },
  async build(ctx) {
    const week = weekOf(new Date().toISOString().slice(0, 10));
    if (ctx.side === 'other') {
      const { headTeacher, parent } = ctx.clients;
      const student = ctx.people.student;
      const words = ctx.label;
      await ok(
        headTeacher!.request('PUT', `/api/v1/heart-bridge/students/${student}/weeks/${week}/school`, { atSchool: `${words}：在校表现很好` }),
        'school side',
      );
      await ok(parent!.request('PUT', `/api/v1/heart-bridge/students/${student}/weeks/${week}/home`, { atHome: `${words}：在家认真完成作业` }), 'home side');
    }
    return { week };
  },
};

export const hostile: HostilePart = {
  async build({ s }) {
    await ok(s.users.headA.request('PUT', `/api/v1/heart-bridge/students/${s.a1.id}/weeks/${WEEK}/school`, { atSchool: '本周上课专注。' }), '心桥 school side');
    return {};
  },
};
