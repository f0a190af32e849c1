import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { seedDemoData } from '../../cli/seed/demo.js';
import { moralEducationModule } from '../moralEducation/index.js';
import { schoolModule } from '../school/index.js';
import { heartBridgeModule } from './index.js';

const t = useTestApp();
// A Saturday, 10:00 in Shanghai: the school week is over, and the family page still opens on it.
const SATURDAY = new Date('2026-11-28T02:00:00Z');

describe('the demo 心桥 book, seeded on a weekend', () => {
  it('leaves the demo child’s home side of the current school week empty, and names the real teachers as authors', async () => {
    const res = await seedDemoData(t.db, { now: SATURDAY, modules: [schoolModule, heartBridgeModule, moralEducationModule] });
    expect(res.status).toBe('seeded');

    const parent = t.client();
    expect((await parent.login('parent', 'demo1234')).status).toBe(200);
    const child = (await parent.get('/api/v1/school/me')).body.children[0];
    const weeks = (await parent.get(`/api/v1/school/classes/${child.classId}/weeks`)).body.items as { week: string; schoolDays: string[] }[];
    // The week the family page opens on: the latest one that has begun.
    const current = weeks.filter((w) => w.schoolDays.some((d) => d <= '2026-11-28')).at(-1)!.week;
    expect(current).toBe('2026-W48');
    const page = (await parent.get(`/api/v1/heart-bridge/students/${child.id}/weeks/${current}`)).body;
    expect(page.school).not.toBeNull();
    expect(page.home).toBeNull();
    expect(page.canWriteHome).toBe(true);

    // Authors are the class's teachers by name, never a generic title.
    const teachers = await t.db
      .selectFrom('class_teachers as ct')
      .innerJoin('persons as p', 'p.id', 'ct.teacher_id')
      .select(['ct.class_id', 'ct.duty', 'p.name'])
      .execute();
    const namesOf = (classId: string, duty?: string) =>
      new Set(teachers.filter((x) => x.class_id === classId && (!duty || x.duty === duty)).map((x) => x.name));
    const pages = (await t.db
      .selectFrom('heart_bridge_notes' as any)
      .select(['class_id', 'school_author_name'])
      .where('school_written_at', 'is not', null)
      .execute()) as { class_id: string; school_author_name: string }[];
    expect(pages.length).toBeGreaterThan(1000);
    expect(pages.filter((p) => !namesOf(p.class_id).has(p.school_author_name))).toEqual([]);
    expect(page.school.authorName).not.toBe('班主任');

    const sessions = (await t.db
      .selectFrom('moral_sessions' as any)
      .select(['class_id', 'recorded_by_name'])
      .execute()) as { class_id: string; recorded_by_name: string }[];
    expect(sessions.length).toBeGreaterThan(100);
    expect(sessions.filter((s) => !namesOf(s.class_id, 'head').has(s.recorded_by_name))).toEqual([]);
    // The demo head teacher sees their own name on their class's sessions.
    const head = t.client();
    expect((await head.login('head', 'demo1234')).status).toBe(200);
    const me = (await head.get('/api/v1/auth/me')).body;
    const cls = (await head.get('/api/v1/school/me')).body.classes.find((c: any) => c.duties.includes('head'));
    const list = (await head.get(`/api/v1/moral-education/classes/${cls.id}/sessions?pageSize=5`)).body;
    expect(list.items.length).toBeGreaterThan(0);
    for (const s of list.items) expect(s.recordedByName).toBe(me.displayName ?? me.account?.displayName);
  });
});
