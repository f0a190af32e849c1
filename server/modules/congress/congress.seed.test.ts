import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../../test/app.js';
import { seedDemoData } from '../../cli/seed/demo.js';
import { meetingsModule } from '../meetings/index.js';
import { congressModule } from './index.js';

const t = useTestApp();
const NOW = new Date('2026-11-24T08:00:00Z');
const rows = async (q: string) => (await sql.raw<Record<string, unknown>>(q).execute(t.db)).rows;

describe('the congress and meetings demo', () => {
  it('holds what docs/demo-accounts.md promises', async () => {
    expect((await seedDemoData(t.db, { now: NOW, modules: [congressModule, meetingsModule] })).status).toBe('seeded');
    // 第5届 with 30 representatives in three delegations; sessions 1–3 closed, session 4 planned.
    expect(await rows(`select name from congress_terms`)).toEqual([{ name: '第5届职工代表大会' }]);
    const delegations = await rows(`select delegation, count(*) as n from congress_representatives group by delegation order by delegation`);
    expect(delegations.map((r) => [r.delegation, Number(r.n)])).toEqual([
      ['一号矿代表团', 14],
      ['二号矿代表团', 12],
      ['机关代表团', 4],
    ]);
    expect((await rows(`select number, status from congress_sessions order by number`)).map((r) => `${r.number}:${r.status}`)).toEqual([
      '1:closed',
      '2:closed',
      '3:closed',
      '4:planned',
    ]);
    // Session 3: 40 submissions in every state; 20 put on file (numbered), the others merged, converted, not accepted or still collecting.
    const proposals = await rows(
      `select p.status, count(*) as n, count(p.number) as numbered from congress_proposals p join congress_sessions s on s.id = p.session_id where s.number = 3 group by p.status`,
    );
    const byStatus: Record<string, number> = Object.fromEntries(proposals.map((r) => [String(r.status), Number(r.n)]));
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(40);
    expect(proposals.reduce((a, r) => a + Number(r.numbered), 0)).toBe(20);
    for (const status of ['collecting', 'adopted', 'opinion', 'merged', 'rejected', 'assigned', 'answered', 'closed'])
      expect(byStatus[status], status).toBeGreaterThan(0);
    const grades = await rows(`select grade, count(*) as n from congress_proposals where grade is not null group by grade order by grade`);
    expect(grades.map((r) => [r.grade, Number(r.n)])).toEqual([
      ['A', 3],
      ['B', 2],
      ['C', 1],
    ]);
    // The proposals' decided items follow them: the eleven answered are done (on time), the six being handled a mix.
    const followed = await rows(
      `select d.status, count(*) as n, sum(case when d.done_at is not null and substr(d.done_at, 1, 10) <= d.due_date then 1 else 0 end) as on_time from decided_items d where d.source_kind = 'congress.proposal' group by d.status order by d.status`,
    );
    expect(followed.map((r) => [r.status, Number(r.n), Number(r.on_time)])).toEqual([
      ['done', 11, 11],
      ['inProgress', 2, 0],
      ['overdue', 2, 0],
      ['planned', 2, 0],
    ]);
    // Two closed votes at session 3 — a roll-call resolution and a secret ballot, both passed — and one planned for session 4.
    const votes = await rows(
      `select s.number, v.status, v.secret, v.passed from congress_votes v join congress_sessions s on s.id = v.session_id order by s.number, v.secret`,
    );
    expect(votes.map((v) => [Number(v.number), v.status, Number(v.secret), v.passed === null ? null : Number(v.passed)])).toEqual([
      [3, 'closed', 0, 1],
      [3, 'closed', 1, 1],
      [4, 'planned', 0, null],
    ]);
    // A year of meetings: 12 monthly union meetings and 4 quarterly joint meetings, all held.
    const meetings = await rows(
      `select s.kind, count(*) as n, sum(case when m.status = 'published' then 1 else 0 end) as published from meetings m join meeting_series s on s.id = m.series_id group by s.kind order by s.kind`,
    );
    expect(meetings.map((m) => [m.kind, Number(m.n), Number(m.published)])).toEqual([
      ['joint', 4, 4],
      ['regular', 12, 12],
    ]);
    // Two decisions a meeting, as decided items done, in progress, overdue and dropped.
    const decided = await rows(`select status, count(*) as n from decided_items where source_kind = 'meetings.decision' group by status order by status`);
    expect(decided.map((r) => [r.status, Number(r.n)])).toEqual([
      ['done', 19],
      ['dropped', 4],
      ['inProgress', 3],
      ['overdue', 6],
    ]);
  }, 300_000);
});
