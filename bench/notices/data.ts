/**
 * Benchmark data for transparent notices (issue #20, scale L: 50 000 notices with 5 M read
 * receipts). One group with 10 mines × 10 teams and the workers under them; notices at all
 * four levels over a year, each with its recipients frozen by unit and category, receipts
 * for ~70 % of a share of its recipients, and one valid chain entry per notice (built with the
 * module's own canonical form and hash, so `verify` has a real chain to recompute). Chunked
 * multi-row inserts, one transaction per table chunk.
 */
import type { Db } from '../../server/core/db/database.js';
import { createAccount } from '../../server/core/accounts/accounts.service.js';
import { hashPassword } from '../../server/core/auth/password.js';
import { systemContext } from '../../server/core/context.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import { benchNotices as B } from '../../server/modules/notices/index.js';

export const SPECS = {
  S: { notices: 1_000, receipts: 100_000, workers: 5_000 },
  M: { notices: 10_000, receipts: 1_000_000, workers: 20_000 },
  L: { notices: 50_000, receipts: 5_000_000, workers: 50_000 },
} as const;
export type NoticeScale = keyof typeof SPECS;

const CATEGORIES = ['permanent', 'contract', 'dispatched', 'migrant'];
const KINDS = ['standing', 'periodic', 'adHoc'];

async function insertChunks(db: Db, table: string, rows: Record<string, unknown>[], size = 500) {
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += size)
      await (tx as any)
        .insertInto(table)
        .values(rows.slice(i, i + size))
        .execute();
  });
}

/** `receipts: false` builds the notices, their chain and frozen counts without read receipts (for reads that never touch them). */
export async function generateNoticeData(db: Db, scale: NoticeScale, now = new Date(), opts: { receipts?: boolean } = {}) {
  const spec = SPECS[scale];
  const rng = new Rng(20261220);
  const iso = now.toISOString();
  const today = iso.slice(0, 10);
  const orgs: { id: string; path: string; kind: string }[] = [];
  const org = (kind: string, parent: { id: string; path: string } | null) => {
    const id = newId();
    const path = `${parent?.path ?? '/'}${id}/`;
    orgs.push({ id, path, kind });
    return { id, path, kind, parent };
  };
  const group = org('group', null);
  const teams: { id: string; path: string; kind: string; mine: string }[] = [];
  const mines = Array.from({ length: 10 }, () => org('mine', group));
  for (const m of mines) for (let i = 0; i < 10; i++) teams.push({ ...org('team', m), mine: m.id });
  await insertChunks(
    db,
    'orgs',
    orgs.map((o) => ({
      id: o.id,
      parent_id: o.path.split('/').filter(Boolean).at(-2) ?? null,
      path: o.path,
      depth: o.path.split('/').length - 3,
      kind: o.kind,
      name: `${o.kind}-${o.id.slice(-4)}`,
      code: null,
      sort_order: 0,
      created_at: iso,
      updated_at: iso,
    })),
  );

  const workers = Array.from({ length: spec.workers }, (_, i) => ({ id: newId(), team: teams[i % teams.length], category: CATEGORIES[i % CATEGORIES.length] }));
  await insertChunks(
    db,
    'persons',
    workers.map((w, i) => ({
      id: w.id,
      org_id: w.team.id,
      kind: 'worker',
      name: `职工${i}`,
      gender: null,
      employee_no: null,
      employment_category: w.category,
      position: null,
      union_member: 1,
      phone: null,
      id_number: null,
      birth_date: null,
      subject: null,
      archived: 0,
      created_at: iso,
      updated_at: iso,
    })),
  );
  const hash = await hashPassword('Bench-pass1');
  const keeper = await createAccount(db, systemContext(), {
    username: 'nstaff',
    password: 'Bench-pass1',
    passwordHash: hash,
    displayName: '工会干事',
    personId: null,
    grants: [{ role: 'unionStaff', orgId: group.id }],
  });
  const me = workers[0];
  await createAccount(db, systemContext(), {
    username: 'nworker',
    password: 'Bench-pass1',
    passwordHash: hash,
    displayName: '职工',
    personId: me.id,
    grants: [{ role: 'worker', orgId: me.team.mine }],
  });

  // Notices: 1 % group, 9 % mine, 90 % team; a year back, oldest first so the chain runs in time order.
  const perNotice = opts.receipts === false ? 0 : Math.floor(spec.receipts / spec.notices);
  let prev = B.GENESIS;
  const noticeIds: string[] = [];
  let receipts = 0;
  const byTeam = new Map<string, typeof workers>();
  for (const w of workers) byTeam.set(w.team.id, [...(byTeam.get(w.team.id) ?? []), w]);
  for (let start = 0; start < spec.notices; start += 2_000) {
    const rows: Record<string, unknown>[] = [];
    const chain: Record<string, unknown>[] = [];
    const counts: Record<string, unknown>[] = [];
    const reads: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(spec.notices, start + 2_000); i++) {
      const r = rng.next();
      const team = teams[Math.floor(rng.next() * teams.length)];
      const target = r < 0.01 ? group : r < 0.1 ? mines.find((m) => m.id === team.mine)! : team;
      const date = addDays(today, -365 + Math.floor((i / spec.notices) * 365));
      const at = `${date}T02:00:00.000Z`;
      const id = newId();
      const kind = KINDS[i % 3];
      const row = {
        id,
        org_id: target.id,
        title: `公开事项${i}`,
        body: `第${i}号公开事项正文。\n收支情况见附表。`,
        kind,
        categories: null,
        schedule: kind === 'periodic' ? 'monthly' : null,
        next_due_date: kind === 'periodic' ? addDays(date, 30) : null,
        follows_id: null,
        followed_at: null,
        followed_on_time: null,
        status: 'published',
        version: 1,
        source_kind: null,
        source_id: null,
        source_label: null,
        recipients: 0,
        reads: 0,
        published_by: keeper.id,
        published_at: at,
        published_date: date,
        corrected_at: null,
        withdrawn_at: null,
        withdraw_reason: null,
        created_at: at,
        updated_at: at,
      };
      // Recipients: the team's workers for a team notice; a sample stands for a mine's or the group's.
      const pool = target.kind === 'team' ? (byTeam.get(target.id) ?? []) : workers.filter((_, k) => k % (target.kind === 'group' ? 1 : 10) === i % 10);
      const recipients = target.kind === 'team' ? pool : pool.filter((w) => target.kind === 'group' || w.team.mine === target.id);
      row.recipients = recipients.length;
      const unit = (w: (typeof workers)[number]) => (target.kind === 'group' ? w.team.mine : target.kind === 'mine' ? w.team.id : target.id);
      const units = new Map<string, number>();
      for (const w of recipients) units.set(`${unit(w)}|${w.category}`, (units.get(`${unit(w)}|${w.category}`) ?? 0) + 1);
      // Reads counted as the receipt route keeps them (migration 20261208_0042): on the notice and per unit × category.
      const readBy = new Map<string, number>();
      for (const w of recipients.slice(0, perNotice)) {
        if (w === me && i >= spec.notices - 50) continue;
        reads.push({ notice_id: id, person_id: w.id, unit_id: unit(w), category: w.category, read_at: at });
        readBy.set(`${unit(w)}|${w.category}`, (readBy.get(`${unit(w)}|${w.category}`) ?? 0) + 1);
      }
      row.reads = [...readBy.values()].reduce((a, b) => a + b, 0);
      for (const [k, n] of units) counts.push({ notice_id: id, unit_id: k.split('|')[0], category: k.split('|')[1], recipients: n, reads: readBy.get(k) ?? 0 });
      const seq = i + 1;
      const content = B.canonical({ ...B.stateOf(row, []), seq, action: 'publish', at, actorAccountId: keeper.id, reason: null });
      const h = B.entryHash(prev, content);
      chain.push({ seq, notice_id: id, action: 'publish', at, content, prev_hash: prev, hash: h });
      prev = h;
      rows.push({ ...row, chain_seq: seq, chain_hash: h });
      noticeIds.push(id);
    }
    await insertChunks(db, 'notices', rows, 200);
    await insertChunks(db, 'notice_chain', chain, 500);
    await insertChunks(db, 'notice_recipient_counts', counts, 1_000);
    await insertChunks(db, 'notice_receipts', reads, 1_000);
    receipts += reads.length;
  }
  return { keeper: 'nstaff', worker: 'nworker', groupPath: group.path, noticeIds, counts: { notices: noticeIds.length, receipts, workers: workers.length } };
}
