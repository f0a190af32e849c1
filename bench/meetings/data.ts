/**
 * Benchmark data for decided items and meetings at scale L: a group with 20 mines × 5
 * departments, a union chair at the group, 500 owner accounts (department handlers),
 * 200 meeting series × 25 meetings = 5 000 meetings, and 100 000 decided items (20 per
 * meeting, some as children of another) spread over three years of due dates and every
 * state. Written straight into the tables in chunked multi-row inserts, not through the
 * services: the services are what the benchmark measures.
 */
import type { Db } from '../../server/core/db/database.js';
import { newId } from '../../server/core/ids.js';
import { bulk, worldRows, type Place } from '../world.js';
import { dq } from '../../server/core/decidedItems/decidedItems.tables.js';

export interface MeetingsScale {
  mines: number;
  owners: number;
  series: number;
  meetingsPerSeries: number;
  itemsPerMeeting: number;
}
export const SCALE_L: MeetingsScale = { mines: 20, owners: 500, series: 200, meetingsPerSeries: 25, itemsPerMeeting: 20 };

export interface MeetingsData {
  chairId: string;
  /** Union staff of the first mine: a board of about a twentieth of the items. */
  deptStaffId: string;
  mineId: string;
  ownerIds: string[];
  groupPath: string;
  meetingIds: string[];
}

/** A deterministic generator (mulberry32), so every run builds the same data. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

const day = (base: string, n: number) => new Date(Date.parse(`${base}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function buildMeetingsData(db: Db, scale: MeetingsScale = SCALE_L, today = '2026-12-06'): Promise<MeetingsData> {
  const q = dq(db) as any;
  const rand = rng(17);
  const w = worldRows();
  const iso = w.iso;
  const group = w.org('基准集团', 'group', null);
  const groupId = group.id;
  const groupPath = group.path;
  const orgs = [group];
  const depts: Place[] = [];
  for (let m = 0; m < scale.mines; m++) {
    const mine = w.org(`${m + 1}号矿`, 'mine', group);
    orgs.push(mine);
    for (let d = 0; d < 5; d++) {
      const dept = w.org(`部门${d + 1}`, 'department', mine);
      orgs.push(dept);
      depts.push(dept);
    }
  }
  await bulk(db, 'orgs', orgs);

  const chair = w.account('bench.chair');
  const staff = w.account('bench.staff');
  const owners = Array.from({ length: scale.owners }, (_, i) => w.account(`bench.owner${i}`));
  await bulk(db, 'accounts', [chair, staff, ...owners]);
  const mineId = orgs[1]!.id;
  await bulk(db, 'role_grants', [
    w.grant(chair.id, 'unionChair', groupId),
    w.grant(staff.id, 'unionStaff', mineId),
    ...owners.map((o, i) => w.grant(o.id, 'handler', depts[i % depts.length]!.id)),
  ]);

  const series: any[] = [];
  const meetings: any[] = [];
  const items: any[] = [];
  const statuses = ['planned', 'inProgress', 'done', 'done', 'done', 'overdue', 'dropped'];
  const start = day(today, -3 * 365);
  for (let s = 0; s < scale.series; s++) {
    const dept = depts[s % depts.length];
    const mine = dept.path.split('/').filter(Boolean).slice(0, 2);
    const orgId = mine[1];
    const orgPath = `/${mine.join('/')}/`;
    const sid = newId();
    series.push({ id: sid, org_id: orgId, org_path: orgPath, kind: s % 2 ? 'joint' : 'regular', name: `系列${s + 1}`, created_at: iso, updated_at: iso });
    for (let k = 0; k < scale.meetingsPerSeries; k++) {
      const date = day(start, Math.floor((k * 3 * 365) / scale.meetingsPerSeries) + (s % 28));
      const past = date <= today;
      const mid = newId();
      meetings.push({
        id: mid,
        series_id: sid,
        org_id: orgId,
        org_path: orgPath,
        kind: series.at(-1).kind,
        title: `第${k + 1}次会议`,
        planned_date: date,
        held_date: past ? date : null,
        location: null,
        status: past ? 'published' : 'planned',
        minutes: past ? '纪要' : null,
        published_org_id: past ? orgId : null,
        published_org_path: past ? orgPath : null,
        created_at: iso,
        updated_at: iso,
      });
      let parent: string | null = null;
      for (let n = 0; n < scale.itemsPerMeeting; n++) {
        const due = day(date, 20 + Math.floor(rand() * 60));
        let status = due > today ? (rand() < 0.5 ? 'planned' : 'inProgress') : statuses[Math.floor(rand() * statuses.length)];
        if (status === 'overdue' && due > today) status = 'inProgress';
        const id = newId();
        const owner = owners[Math.floor(rand() * owners.length)];
        items.push({
          id,
          source_kind: 'meetings.decision',
          source_id: mid,
          source_label: `系列${s + 1} 第${k + 1}次会议`,
          source_public: n % 3 === 0 ? 1 : 0,
          title: `决定事项 ${s}-${k}-${n}`,
          org_id: orgId,
          org_path: orgPath,
          owner_account_id: owner.id,
          due_date: due,
          status,
          progress: status === 'done' ? 100 : status === 'planned' ? 0 : Math.floor(rand() * 90),
          drop_reason: status === 'dropped' ? '并入其他事项' : null,
          done_at: status === 'done' ? `${day(due, Math.floor(rand() * 10) - 5)}T08:00:00.000Z` : null,
          parent_id: n % 5 === 4 ? parent : null,
          weight: 1,
          created_by: chair.id,
          created_at: iso,
          updated_at: iso,
        });
        if (n % 5 === 0) parent = id;
      }
    }
  }
  await chunked(series, 500, (c) => q.insertInto('meeting_series').values(c).execute());
  await chunked(meetings, 500, (c) => q.insertInto('meetings').values(c).execute());
  await chunked(items, 500, (c) => q.insertInto('decided_items').values(c).execute());
  return { chairId: chair.id, deptStaffId: staff.id, mineId, ownerIds: owners.map((o) => o.id), groupPath, meetingIds: meetings.map((m) => m.id) };
}
