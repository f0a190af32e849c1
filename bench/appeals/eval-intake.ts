/**
 * An evaluation set through the intake's own code: every appeal, in date order, is written
 * to a real database and checked by checkIntake() in its own transaction — the same
 * candidate read (appeal_signature_keys), the same decision, the same order as a worker's
 * submission — and the alerts are read back from the tables. The published group figures
 * (bench/RESULTS.md) come from here, so they are the shipped behaviour.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../server/core/db/database.js';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';

// The intake names alerts with the modules' messages: install them as the server does.
installHouse(house);
import { newId } from '../../server/core/ids.js';
import { checkIntake, type AppealTable } from '../../server/modules/appeals/index.js';
import { alertName, type Alerts, type EvalSet } from './eval-shapes.js';
import { worldRows } from '../world.js';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-01-05T02:00:00Z');

function appealRow(id: string, unitId: string, personId: string, category: string, title: string, description: string, at: Date): AppealTable {
  const iso = at.toISOString();
  return {
    id,
    code: `E${id.slice(-12)}`,
    org_id: unitId,
    unit_id: unitId,
    department_id: null,
    author_account_id: null,
    author_person_id: personId,
    author_category: null,
    anonymous: 0,
    channel: 'online',
    registered_by: null,
    category,
    nature: 'request',
    urgency: 'general',
    title,
    description,
    status: 'submitted',
    submitted_at: iso,
    submitted_date: iso.slice(0, 10),
    accept_due_date: iso.slice(0, 10),
    accepted_at: null,
    accept_work_tenths: null,
    due_date: null,
    current_due: null,
    overdue_at: null,
    late: 0,
    answer: null,
    answered_at: null,
    first_answered_at: null,
    first_answer_department_id: null,
    last_answer_late: null,
    answered_by: null,
    decline_reason: null,
    closed_at: null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    rated_department_id: null,
    reopen_count: 0,
    master_id: null,
    affected_workers: 1,
    group_alert_id: null,
    created_at: iso,
    updated_at: iso,
  };
}

/** Runs the set's appeals through checkIntake() on `db` (a migrated database) under a new org tree; returns the alerts and the time per check. */
export async function intakeAlerts(db: Db, set: EvalSet): Promise<{ alerts: Alerts; msPerAppeal: number[] }> {
  const d = db as any;
  const iso = new Date().toISOString();
  const rootId = newId();
  await d
    .insertInto('orgs')
    .values({
      id: rootId,
      parent_id: null,
      path: `/${rootId}/`,
      depth: 0,
      kind: 'group',
      name: '评测集团',
      code: null,
      sort_order: 0,
      created_at: iso,
      updated_at: iso,
    })
    .execute();
  const units = new Map<string, { id: string; path: string; name: string }>();
  for (const name of [...new Set(set.appeals.map((a) => a.unit))].sort()) {
    const id = newId();
    const unit = { id, path: `/${rootId}/${id}/`, name: `评测${name}` };
    await d
      .insertInto('orgs')
      .values({ id, parent_id: rootId, path: unit.path, depth: 1, kind: 'mine', name: unit.name, code: null, sort_order: 0, created_at: iso, updated_at: iso })
      .execute();
    units.set(name, unit);
  }
  const persons = new Map<string, string>();
  for (const a of set.appeals) {
    if (persons.has(a.worker)) continue;
    const id = newId();
    persons.set(a.worker, id);
    await d
      .insertInto('persons')
      .values({ ...worldRows(iso).person(units.get(a.unit)!.id, 'worker', a.worker, { employment_category: 'contract', union_member: 1 }), id })
      .execute();
  }
  const order = [...set.appeals].sort((a, b) => a.day - b.day || a.id.localeCompare(b.id));
  const idOf = new Map<string, string>();
  const msPerAppeal: number[] = [];
  for (const a of order) {
    const unit = units.get(a.unit)!;
    const at = new Date(START + a.day * DAY_MS);
    const row = appealRow(newId(), unit.id, persons.get(a.worker)!, a.category, a.title, a.description, at);
    idOf.set(row.id, a.id);
    await d.transaction().execute(async (tx: any) => {
      await tx.insertInto('appeals').values(row).execute();
      const t0 = performance.now();
      await checkIntake(tx, row, at, unit);
      msPerAppeal.push(performance.now() - t0);
    });
  }
  const rows: { appeal_id: string; group_alert_id: string; submitted_at: string; author_key: string }[] = await d
    .selectFrom('appeal_signatures')
    .select(['appeal_id', 'group_alert_id', 'submitted_at', 'author_key'])
    .where('appeal_id', 'in', [...idOf.keys()])
    .where('group_alert_id', 'is not', null)
    .execute();
  const raised = new Map<string, string>(
    (
      await d
        .selectFrom('appeal_group_alerts')
        .select(['id', 'raised_at'])
        .where(
          'unit_id',
          'in',
          [...units.values()].map((u) => u.id),
        )
        .execute()
    ).map((r: any) => [r.id, r.raised_at]),
  );
  const alerts: Alerts = new Map();
  // Alerts in the order raised, members in the order they arrived, named as the replay names them.
  const byAlert = new Map<string, typeof rows>();
  for (const r of rows.sort(
    (x, y) =>
      x.submitted_at.localeCompare(y.submitted_at) ||
      order.findIndex((a) => a.id === idOf.get(x.appeal_id)) - order.findIndex((a) => a.id === idOf.get(y.appeal_id)),
  )) {
    if (!byAlert.has(r.group_alert_id)) byAlert.set(r.group_alert_id, []);
    byAlert.get(r.group_alert_id)!.push(r);
  }
  for (const [id, members] of [...byAlert].sort((x, y) => raised.get(x[0])!.localeCompare(raised.get(y[0])!) || x[0].localeCompare(y[0]))) {
    const at = raised.get(id)!;
    alerts.set(alertName(alerts.size + 1), {
      members: members.map((m) => idOf.get(m.appeal_id)!),
      workersAtRaise: new Set(members.filter((m) => m.submitted_at <= at).map((m) => m.author_key)).size,
    });
  }
  return { alerts, msPerAppeal };
}

/** The same on a fresh, migrated SQLite file that is removed afterwards. */
export async function intakeAlertsOnSqlite(set: EvalSet) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-eval-'));
  const database = await openDatabase({ url: path.join(dir, 'eval.sqlite') });
  try {
    await migrateToLatest(database.db, house.migrations);
    return await intakeAlerts(database.db, set);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
