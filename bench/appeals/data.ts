/**
 * Appeals at benchmark scale: the run's generated org tree and people (bench/generate.ts),
 * plus N appeals over three years written in bulk — prepared better-sqlite3 statements in
 * large transactions, secondary indexes dropped during the load and rebuilt after, never
 * through the service (a million intakes would take hours).
 *
 *   S 20 000 · M 200 000 · L 1 000 000 appeals
 *
 * The result is cached in bench/.data/appeals-<scale>.sqlite (+ .json) and reused while
 * DATA_VERSION is unchanged; migrations added since are applied to the cache, so a new
 * index is built once, not on every run. Each run works on a copy (intake writes to it).
 *
 * What makes the data honest for the indexes: submission times over 3 years, growing with
 * adoption, weekday daytime-heavy; statuses by age (old ones closed, recent ones open, a
 * few open ones overdue); deadlines from the real work calendar; departments of the
 * author's own mine; 15 % anonymous; a 5 % pool of frequent filers; ratings, late answers,
 * reopenings, merged duplicates; the search index and, for the last 30 days, the
 * group-alert signatures (settled under an answered alert per unit and category, as
 * staff would have left them); the working time to acceptance as the accept transition
 * records it, and the dashboard cells — counted once after the load with the migration's
 * own statements, the triggers dropped meanwhile (they cost 60–300 µs an insert, minutes
 * over a million rows; the count takes seconds) and created again.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hashPassword } from '../../server/core/auth/password.js';
import { createAccount } from '../../server/core/accounts/accounts.service.js';
import { systemContext } from '../../server/core/context.js';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { workCalendar, shanghaiDate } from '../../server/core/calendar/calendar.js';
import { indexText } from '../../server/core/search/segment.js';
import { house } from '../../server/modules/registry.js';
import {
  acceptWorkTenths,
  encodeSignature,
  issueKeys,
  REBUILD_STATEMENTS,
  signatureOf,
  TRIGGERS,
  triggerStatements,
} from '../../server/modules/appeals/index.js';
import { Rng } from '../../server/core/random.js';
import type { Scale } from '../generate.js';

export const APPEAL_COUNTS: Record<Scale, number> = { S: 20_000, M: 200_000, L: 1_000_000 };
/** Bump when the shape of the generated data changes: the cache is rebuilt. */
const DATA_VERSION = 5;
export const PASSWORD = 'bench-Passw0rd';

export interface AppealsData {
  version: number;
  scale: Scale;
  appeals: number;
  builtAt: string;
  buildSeconds: number;
  /** Union staff granted at the first group (the run's bench.staff account). */
  staff: string;
  /** A frequent filer: the worker with the most appeals. */
  worker: { username: string; appeals: number };
  /** Workers who submit during the intake benchmark, in several mines. */
  submitters: string[];
  groupAppeals: number;
  workers: number;
  anonymousShare: number;
  openShare: number;
  overdueOpen: number;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const HERE = path.join(ROOT, 'bench/appeals');

const CATEGORIES: [string, number][] = [
  ['wages', 28],
  ['benefits', 20],
  ['housing', 12],
  ['medical', 12],
  ['childrenEmployment', 5],
  ['antiCorruption', 5],
  ['fairness', 10],
  ['other', 8],
];
const CHANNELS: [string, number][] = [
  ['online', 80],
  ['visit', 8],
  ['phone', 9],
  ['letter', 3],
];
const URGENCIES: [string, number][] = [
  ['general', 85],
  ['urgent', 12],
  ['special', 3],
];
const RATINGS: [string, number][] = [
  ['satisfied', 62],
  ['basicallySatisfied', 26],
  ['unsatisfied', 12],
];
const DECLINES = ['outOfScope', 'duplicate', 'insufficient', 'other'];
const ANSWER_DAYS: Record<string, { consultation: number; request: number }> = {
  general: { consultation: 2, request: 5 },
  urgent: { consultation: 1, request: 3 },
  special: { consultation: 1, request: 2 },
};

/** Status mix by age in days: old appeals are done, recent ones open. */
function statusOf(age: number, r: number): string {
  const table: [string, number][] =
    age > 60
      ? [
          ['closed', 80],
          ['answered', 6],
          ['declined', 8],
          ['merged', 4],
          ['handling', 0.15],
          ['assigned', 0.05],
        ]
      : age > 15
        ? [
            ['closed', 52],
            ['answered', 30],
            ['declined', 8],
            ['merged', 4],
            ['handling', 2],
            ['assigned', 1],
            ['accepted', 0.3],
          ]
        : age > 3
          ? [
              ['closed', 10],
              ['answered', 20],
              ['declined', 6],
              ['merged', 3],
              ['handling', 30],
              ['assigned', 20],
              ['accepted', 8],
              ['submitted', 3],
            ]
          : [
              ['submitted', 50],
              ['accepted', 20],
              ['assigned', 20],
              ['handling', 5],
              ['declined', 5],
            ];
  return weighted(table, r);
}

function weighted(table: [string, number][], r: number): string {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1][0];
}

/** UUIDv7 for a given instant, so primary-key order follows submission time as it does live. */
function uuid7(ms: number, rng: Rng): string {
  const b = Buffer.alloc(16);
  b.writeUIntBE(ms, 0, 6);
  for (let i = 6; i < 16; i++) b[i] = Math.floor(rng.next() * 256);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const OPEN = new Set(['submitted', 'accepted', 'assigned', 'handling']);

/** Builds (or reuses) the appeals data set over `baseFile` and returns a fresh working copy of it. */
export async function appealsDataFile(
  scale: Scale,
  baseFile: string,
  count = APPEAL_COUNTS[scale],
): Promise<{ file: string; data: AppealsData; built: boolean }> {
  // Another count than the scale's own (the list benchmark's 100 000 point) is cached apart.
  const name = count === APPEAL_COUNTS[scale] ? scale : `${scale}-${count}`;
  const cache = path.join(ROOT, 'bench/.data', `appeals-${name}.sqlite`);
  const metaFile = `${cache}.json`;
  let data: AppealsData | null = fs.existsSync(metaFile) && fs.existsSync(cache) ? JSON.parse(fs.readFileSync(metaFile, 'utf8')) : null;
  let built = false;
  if (!data || data.version !== DATA_VERSION || data.scale !== scale || data.appeals !== count) {
    data = await build(scale, baseFile, cache, count);
    fs.writeFileSync(metaFile, JSON.stringify(data, null, 1));
    built = true;
  }
  // Migrations added since the cache was built (new indexes) are applied to it once.
  const database = await openDatabase({ url: cache });
  try {
    const applied = await migrateToLatest(database.db, house.migrations);
    if (applied.length) console.log(`  applied ${applied.join(', ')} to the cached data`);
  } finally {
    await database.close();
  }
  const raw = new Database(cache);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  const file = path.join(ROOT, 'bench/.data', `appeals-${name}.run.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(cache, file);
  return { file, data, built };
}

async function build(scale: Scale, baseFile: string, cache: string, N: number): Promise<AppealsData> {
  const started = Date.now();
  for (const suffix of ['', '-wal', '-shm', '.json']) fs.rmSync(cache + suffix, { force: true });
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  const src = new Database(baseFile, { readonly: true });
  src.exec(`vacuum into '${cache.replace(/'/g, "''")}'`);
  src.close();

  // Accounts through the core service (hashing once), before the bulk load.
  const rng = new Rng(0xa99ea1 + scale.charCodeAt(0));
  const raw0 = new Database(cache);
  const workers = raw0
    .prepare(
      `select p.id, p.org_id, o.path, p.employment_category from persons p join orgs o on o.id = p.org_id
       where p.kind = 'worker' and p.archived = 0 order by p.id`,
    )
    .all() as { id: string; org_id: string; path: string; employment_category: string | null }[];
  const orgs = new Map(
    (raw0.prepare('select id, kind, depth, name, path from orgs').all() as { id: string; kind: string; depth: number; name: string; path: string }[]).map(
      (o) => [o.id, o],
    ),
  );
  const staffGroup = raw0
    .prepare(`select o.path from role_grants g join accounts a on a.id = g.account_id join orgs o on o.id = g.org_id where a.username = 'bench.staff'`)
    .get() as { path: string } | undefined;
  raw0.close();
  if (!staffGroup) throw new Error('the base file has no bench.staff account');

  const unitOf = (p: string) => {
    const ids = p.split('/').filter(Boolean);
    for (let i = ids.length - 1; i >= 0; i--) {
      const o = orgs.get(ids[i]);
      if (o && (o.kind === 'mine' || o.kind === 'branchUnion')) return o;
    }
    return orgs.get(ids[0])!;
  };
  const deptOf = (p: string) =>
    p
      .split('/')
      .filter(Boolean)
      .map((id) => orgs.get(id)!)
      .find((o) => o.kind === 'department') ?? null;
  const departmentsByUnit = new Map<string, string[]>();
  for (const o of orgs.values()) {
    if (o.kind !== 'department') continue;
    const u = unitOf(o.path);
    departmentsByUnit.set(u.id, [...(departmentsByUnit.get(u.id) ?? []), o.id]);
  }

  const frequent = workers.filter((_, i) => i % 20 === 7);
  const pickAuthor = () => (rng.next() < 0.2 ? frequent[Math.floor(rng.next() * frequent.length)] : workers[Math.floor(rng.next() * workers.length)]);

  const texts = (JSON.parse(fs.readFileSync(path.join(HERE, 'eval-set.json'), 'utf8')) as { appeals: { title: string; description: string }[] }).appeals;
  const searchBodies = texts.map((t) => indexText(`${t.title} ${t.description}`));
  const sigs = texts.map((t) => {
    const tokens = signatureOf(t.title, t.description);
    return { tokens: encodeSignature(tokens), keys: issueKeys(tokens) };
  });

  const database = await openDatabase({ url: cache });
  const cal = await workCalendar(database.db, null);
  const now = Date.now();
  const today = shanghaiDate(new Date(now));
  const span = 3 * 365 * 86_400_000;
  // Submission instants, adoption growing over the three years (density ∝ 0.5 + t), sorted.
  const times = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const u = rng.next() * 1;
    const t = -0.5 + Math.sqrt(0.25 + 2 * u); // inverse CDF of (0.5 + t) on [0, 1], normalised
    let ms = now - span + t * span;
    // Mostly Beijing daytime: shift into 08:00–20:00 local.
    const local = new Date(ms + 8 * 3_600_000);
    if (rng.next() < 0.9) local.setUTCHours(8 + Math.floor(rng.next() * 12), Math.floor(rng.next() * 60), Math.floor(rng.next() * 60));
    ms = Math.min(now - 60_000, local.getTime() - 8 * 3_600_000);
    times[i] = ms;
  }
  times.sort();

  const raw = new Database(cache);
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  raw.pragma('foreign_keys = OFF');
  // Secondary indexes are rebuilt once after the load: far faster than keeping them up to date row by row.
  const tables = ['appeals', 'entity_events', 'appeal_signatures', 'appeal_signature_keys', 'appeal_search'];
  const indexes = raw
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(',')})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const ix of indexes) raw.exec(`drop index ${ix.name}`);
  // Likewise the dashboard cells: counted once from the loaded rows instead of by the triggers on every insert.
  for (const name of TRIGGERS.sqlite) raw.exec(`drop trigger if exists ${name}`);

  const cols = [
    'id',
    'code',
    'org_id',
    'unit_id',
    'department_id',
    'author_account_id',
    'author_person_id',
    'author_category',
    'anonymous',
    'channel',
    'registered_by',
    'category',
    'nature',
    'urgency',
    'title',
    'description',
    'status',
    'submitted_at',
    'submitted_date',
    'accept_due_date',
    'accepted_at',
    'accept_work_tenths',
    'due_date',
    'current_due',
    'overdue_at',
    'late',
    'answer',
    'answered_at',
    'first_answered_at',
    'first_answer_department_id',
    'last_answer_late',
    'answered_by',
    'decline_reason',
    'closed_at',
    'rating',
    'rating_comment',
    'rated_at',
    'rated_department_id',
    'reopen_count',
    'master_id',
    'affected_workers',
    'group_alert_id',
    'created_at',
    'updated_at',
  ];
  const insAppeal = raw.prepare(`insert into appeals (${cols.join(',')}) values (${cols.map((c) => '@' + c).join(',')})`);
  const insEvent = raw.prepare(
    // The appeal's timeline is core's entity_events (kind 'appeals.appeal'): the intake's first step.
    `insert into entity_events (id, kind, entity_id, event, from_status, to_status, actor_account_id, actor_role, internal, note, data, at) values (?, 'appeals.appeal', ?, 'submitted', null, 'submitted', null, 'author', 0, null, ?, ?)`,
  );
  const insSearch = raw.prepare('insert into appeal_search (ref_id, body) values (?, ?)');
  const insSig = raw.prepare(
    'insert into appeal_signatures (appeal_id, unit_id, category, submitted_at, author_key, tokens, group_alert_id, settled) values (?, ?, ?, ?, ?, ?, ?, 1)',
  );
  const insKey = raw.prepare('insert or ignore into appeal_signature_keys (unit_id, category, key, submitted_at, appeal_id) values (?, ?, ?, ?, ?)');
  const insAlert = raw.prepare(
    `insert into appeal_group_alerts (id, unit_id, category, status, worker_count, appeal_count, keywords, raised_at, decided_by, decided_at, decision_note, answer, answered_at, updated_at)
     values (?, ?, ?, 'answered', 0, 0, '[]', ?, null, ?, null, '已统一答复。', ?, ?)`,
  );
  const setAlertCounts = raw.prepare(
    `update appeal_group_alerts set appeal_count = (select count(*) from appeal_signatures s where s.group_alert_id = appeal_group_alerts.id), worker_count = (select count(distinct author_key) from appeal_signatures s where s.group_alert_id = appeal_group_alerts.id)`,
  );
  const counter = raw.prepare('insert into appeal_counters (day, n) values (?, ?) on conflict (day) do update set n = excluded.n');

  const windowStart = now - 30 * 86_400_000;
  const alerts = new Map<string, string>();
  const perDay = new Map<string, number>();
  const byPerson = new Map<string, number>();
  let anonymous = 0;
  let open = 0;
  let overdueOpen = 0;
  let groupAppeals = 0;
  const groupPrefix = staffGroup.path;
  const iso = (ms: number) => new Date(ms).toISOString();
  let lastId: string | null = null;

  const CHUNK = 20_000;
  for (let start = 0; start < N; start += CHUNK) {
    raw.transaction(() => {
      for (let i = start; i < Math.min(N, start + CHUNK); i++) {
        const at = times[i];
        const author = pickAuthor();
        const unit = unitOf(author.path);
        const age = (now - at) / 86_400_000;
        const status = statusOf(age, rng.next());
        const category = weighted(CATEGORIES, rng.next());
        const urgency = weighted(URGENCIES, rng.next());
        const nature = rng.next() < 0.35 ? 'consultation' : 'request';
        const channel = weighted(CHANNELS, rng.next());
        const anon = channel === 'online' && rng.next() < 0.18 ? 1 : 0;
        const ti = Math.floor(rng.next() * texts.length);
        const text = texts[ti];
        const submittedAt = iso(at);
        const day = shanghaiDate(submittedAt);
        const n = (perDay.get(day) ?? 0) + 1;
        perDay.set(day, n);
        const id = uuid7(at, rng);
        const acceptDue = cal.addWorkingDays(day, 1);
        const accepted = status !== 'submitted' && status !== 'declined';
        const acceptedMs = accepted ? at + (2 + rng.next() * 40) * 3_600_000 : null;
        const dueDate = acceptedMs ? cal.addWorkingDays(shanghaiDate(iso(acceptedMs)), ANSWER_DAYS[urgency][nature as 'consultation' | 'request']) : null;
        const answered = status === 'answered' || status === 'closed';
        const late = answered && rng.next() < 0.08 ? 1 : 0;
        const answeredMs = answered
          ? acceptedMs! + (late ? 7 + rng.next() * 10 : 0.5 + rng.next() * 4) * 86_400_000
          : status === 'declined'
            ? at + rng.next() * 20 * 3_600_000
            : null;
        const closedMs = status === 'closed' ? answeredMs! + rng.next() * 5 * 86_400_000 : status === 'declined' ? answeredMs : null;
        const rated = status === 'closed' ? rng.next() < 0.75 : status === 'answered' ? rng.next() < 0.15 : false;
        const rating = rated ? weighted(RATINGS, rng.next()) : null;
        const departments = departmentsByUnit.get(unit.id) ?? [];
        const inDept = ['assigned', 'handling', 'answered', 'closed'].includes(status) && departments.length > 0 && rng.next() < 0.9;
        const own = deptOf(author.path);
        const department = inDept ? (own && rng.next() < 0.5 ? own.id : departments[Math.floor(rng.next() * departments.length)]) : null;
        let currentDue: string | null = null;
        if (status === 'submitted') currentDue = acceptDue;
        else if (OPEN.has(status)) currentDue = dueDate;
        const clamp = (ms: number | null) => (ms === null ? null : iso(Math.min(ms, now - 1000)));
        if (OPEN.has(status)) {
          open++;
          if (currentDue! < today) overdueOpen++;
        }
        if (anon) anonymous++;
        if (author.path.startsWith(groupPrefix)) groupAppeals++;
        byPerson.set(author.id, (byPerson.get(author.id) ?? 0) + 1);
        const answeredIso = clamp(answeredMs);
        const acceptedIso = clamp(acceptedMs);
        insAppeal.run({
          id,
          code: `SQ${day.replace(/-/g, '')}-${String(n).padStart(4, '0')}`,
          org_id: author.org_id,
          unit_id: unit.id,
          department_id: department,
          author_account_id: null,
          author_person_id: author.id,
          author_category: author.employment_category,
          anonymous: anon,
          channel,
          registered_by: null,
          category,
          nature,
          urgency,
          title: text.title,
          description: text.description,
          status,
          submitted_at: submittedAt,
          submitted_date: day,
          accept_due_date: acceptDue,
          accepted_at: acceptedIso,
          // As the accept transition records it. No org has closures of its own here, so every author's calendar is `cal`.
          accept_work_tenths: acceptedIso === null ? null : acceptWorkTenths(cal, submittedAt, acceptedIso),
          due_date: dueDate,
          current_due: currentDue,
          overdue_at: OPEN.has(status) && currentDue! < today ? `${currentDue}T16:00:00.000Z` : null,
          late: late || (OPEN.has(status) && currentDue! < today) ? 1 : 0,
          answer: answered || status === 'declined' ? '经核实，已按政策办理，详见答复。' : null,
          answered_at: answeredIso,
          first_answered_at: answered ? answeredIso : null,
          // No reassignment in the bench's history: the department that answered and was rated is the current one.
          first_answer_department_id: answered ? department : null,
          last_answer_late: answered ? late : null,
          answered_by: null,
          decline_reason: status === 'declined' ? DECLINES[Math.floor(rng.next() * DECLINES.length)] : null,
          closed_at: clamp(closedMs),
          rating,
          rating_comment: rating === 'unsatisfied' ? '问题没有彻底解决' : null,
          rated_at: rating ? clamp(closedMs ?? answeredMs) : null,
          rated_department_id: rating ? department : null,
          reopen_count: answered && rng.next() < 0.03 ? 1 : 0,
          master_id: status === 'merged' ? lastId : null,
          affected_workers: 1,
          group_alert_id: null,
          created_at: submittedAt,
          updated_at: clamp(closedMs ?? answeredMs ?? acceptedMs ?? at)!,
        });
        insEvent.run(uuid7(at, rng), id, JSON.stringify({ channel }), submittedAt);
        insSearch.run(id, searchBodies[ti]);
        if (at >= windowStart && status !== 'merged') {
          const bucket = `${unit.id}|${category}`;
          let alertId = alerts.get(bucket);
          if (!alertId) {
            alertId = uuid7(windowStart, rng);
            alerts.set(bucket, alertId);
            insAlert.run(alertId, unit.id, category, iso(windowStart), iso(now - 3_600_000), iso(now - 3_600_000), iso(now - 3_600_000));
          }
          insSig.run(id, unit.id, category, submittedAt, author.id, sigs[ti].tokens, alertId);
          for (const key of sigs[ti].keys) insKey.run(unit.id, category, key, submittedAt, id);
        }
        lastId = id;
      }
    })();
    if ((start / CHUNK) % 10 === 0)
      console.log(`  appeals ${(start + CHUNK).toLocaleString('en-US')} / ${N.toLocaleString('en-US')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  raw.transaction(() => {
    for (const [day, n] of perDay) counter.run(day, n);
    setAlertCounts.run();
  })();
  console.log(`  rebuilding ${indexes.length} indexes (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const ix of indexes) raw.exec(ix.sql);
  console.log(`  counting the dashboard cells (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const statement of REBUILD_STATEMENTS) raw.exec(statement);
  for (const statement of triggerStatements('sqlite')) raw.exec(statement);
  raw.pragma('journal_mode = WAL');
  raw.close();

  // Bench accounts: the heaviest frequent filer, and a submitter in each of several mines.
  const top = [...byPerson.entries()].sort((a, b) => b[1] - a[1])[0];
  const hash = await hashPassword(PASSWORD);
  const workerById = new Map(workers.map((w) => [w.id, w]));
  const account = async (username: string, person: { id: string; org_id: string }) => {
    await createAccount(database.db, systemContext(), {
      username,
      password: PASSWORD,
      passwordHash: hash,
      displayName: username,
      personId: person.id,
      grants: [{ role: 'worker', orgId: person.org_id }],
    } as any);
  };
  await account('bench.worker', workerById.get(top[0])!);
  const submitters: string[] = [];
  const seenUnits = new Set<string>();
  for (const w of workers) {
    const u = unitOf(w.path).id;
    if (seenUnits.has(u) || w.id === top[0]) continue;
    seenUnits.add(u);
    const username = `bench.submitter${submitters.length + 1}`;
    await account(username, w);
    submitters.push(username);
    if (submitters.length === 8) break;
  }
  // The frequent filer submits online: their own account is on their appeals, as after a live intake.
  await (database.db as any)
    .updateTable('appeals')
    .set({
      author_account_id: (await database.db.selectFrom('accounts').select('id').where('username', '=', 'bench.worker').executeTakeFirstOrThrow()).id,
    } as any)
    .where('author_person_id' as any, '=', top[0])
    .execute();
  await database.close();

  return {
    version: DATA_VERSION,
    scale,
    appeals: N,
    builtAt: new Date().toISOString(),
    buildSeconds: Math.round((Date.now() - started) / 100) / 10,
    staff: 'bench.staff',
    worker: { username: 'bench.worker', appeals: top[1] },
    submitters,
    groupAppeals,
    workers: workers.length,
    anonymousShare: anonymous / N,
    openShare: open / N,
    overdueOpen,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = (process.argv[2] ?? 'M').toUpperCase() as Scale;
  const base = path.resolve(process.argv[3] ?? `bench/.data/${scale}.sqlite`);
  const { file, data, built } = await appealsDataFile(scale, base);
  console.log(JSON.stringify({ file, built, ...data }, null, 1));
}
