/**
 * 动态管理 after filing: the yearly review (income and tier anew by this year's rule, or exit),
 * exit (脱困) with callbacks 3, 6 and 12 months later, and relapse (返困) found at a callback,
 * which reopens the file.
 */
import { invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { statusConflict } from '../../core/workflow/index.js';
import type { ProfileDetail, ReviewBody, CallbackBody } from '../../../common/schemas/hardship.js';
import type { WriteCall } from '../../core/call.js';
import { callbackDues, plusYear } from './hardship.clocks.js';
import { ENTITY, asOfficer, move, today } from './hardship.load.js';
import { HM } from './hardship.messages.js';
import * as repo from './hardship.repository.js';
import { perHead, ruleFor, tierOf } from './hardship.rules.js';
import { reload } from './hardship.service.js';
import { hdb } from './hardship.tables.js';

const newReview = (call: WriteCall, profileId: string, due: string) =>
  hdb(call.tx)
    .insertInto('hardship_reviews')
    .values({
      id: newId(),
      profile_id: profileId,
      due_date: due,
      reviewed_on: null,
      outcome: null,
      tier: null,
      notes: null,
      cancelled: 0,
      reviewed_by: null,
      created_at: call.iso,
    })
    .execute();

async function pendingReview(call: WriteCall, profileId: string) {
  return (await repo.reviewsOf(call.tx, profileId)).find((r) => r.reviewed_on === null && !Number(r.cancelled));
}

export async function review(call: WriteCall, id: string, body: ReviewBody): Promise<ProfileDetail> {
  const { row } = await asOfficer(call, id);
  if (row.status !== 'filed') throw statusConflict();
  const day = today(call);
  const year = Number(day.slice(0, 4));
  const rule = await ruleFor(call.tx, row.org_path, row.locality, year);
  if (!rule) throw invalid('body.householdIncomeFen', HM['hardship.noRule']);
  const head = perHead(body.householdIncomeFen, body.householdSize);
  const causes = (await repo.causesOf(call.tx, [id])).get(id) ?? [];
  const tier = tierOf(rule, head, causes);
  if (body.outcome === 'continue' && !tier) throw invalid('body.outcome', HM['hardship.stillEligible']);
  const pending = await pendingReview(call, id);
  const done = { reviewed_on: day, outcome: body.outcome, tier, notes: body.notes, reviewed_by: call.actor.accountId };
  if (pending) await hdb(call.tx).updateTable('hardship_reviews').set(done).where('id', '=', pending.id).execute();
  else
    await hdb(call.tx)
      .insertInto('hardship_reviews')
      .values({ id: newId(), profile_id: id, due_date: day, cancelled: 0, created_at: call.iso, ...done })
      .execute();
  const audit = { action: 'hardship.review', entityType: ENTITY, entityId: id, orgId: row.org_id, changes: { outcome: body.outcome, tier: [row.tier, tier] } };
  const household = { household_income_fen: body.householdIncomeFen, household_size: body.householdSize, income_per_head_fen: head, year };
  if (body.outcome === 'exit') return exitWith(call, row, body.notes, household, audit);
  const due = plusYear(day);
  await move(call, {
    id,
    from: ['filed'],
    to: 'filed',
    patch: { ...household, tier, review_due: due },
    event: 'reviewed',
    data: { tier, reviewDue: due },
    audit,
  });
  await newReview(call, id, due);
  return reload(call, id);
}

export async function exit(call: WriteCall, id: string, reason: string): Promise<ProfileDetail> {
  const { row } = await asOfficer(call, id);
  return exitWith(call, row, reason, {}, { action: 'hardship.exit', entityType: ENTITY, entityId: id, orgId: row.org_id });
}

async function exitWith(
  call: WriteCall,
  row: repo.ProfileRow,
  reason: string,
  patch: Record<string, unknown>,
  audit: { action: string; entityType: string; entityId: string; orgId: string; changes?: Record<string, unknown> },
) {
  const day = today(call);
  const dues = callbackDues(day);
  await move(call, {
    id: row.id,
    from: ['filed'],
    to: 'exited',
    patch: { ...patch, exited_on: day, relapsed_on: null, review_due: null },
    event: 'exited',
    data: { reason, callbacks: dues.map((d) => d.due) },
    audit,
  });
  await hdb(call.tx).updateTable('hardship_reviews').set({ cancelled: 1 }).where('profile_id', '=', row.id).where('reviewed_on', 'is', null).execute();
  await hdb(call.tx)
    .insertInto('hardship_callbacks')
    .values(
      dues.map((d) => ({
        id: newId(),
        profile_id: row.id,
        month: d.month,
        due_date: d.due,
        done_on: null,
        relapse: 0,
        notes: null,
        cancelled: 0,
        done_by: null,
        created_at: call.iso,
      })),
    )
    .execute();
  return reload(call, row.id);
}

/** A callback after exit; one that finds the household in hardship again reopens the file (返困). */
export async function callback(call: WriteCall, id: string, body: CallbackBody): Promise<ProfileDetail> {
  const { row } = await asOfficer(call, id);
  if (row.status !== 'exited') throw statusConflict();
  const c = (await repo.callbacksOf(call.tx, id)).find((x) => Number(x.month) === body.month && x.done_on === null && !Number(x.cancelled));
  if (!c) throw invalid('body.month', HM['hardship.callbackUnknown']);
  const day = today(call);
  await hdb(call.tx)
    .updateTable('hardship_callbacks')
    .set({ done_on: day, relapse: body.relapse ? 1 : 0, notes: body.notes, done_by: call.actor.accountId })
    .where('id', '=', c.id)
    .execute();
  const audit = { action: 'hardship.callback', entityType: ENTITY, entityId: id, orgId: row.org_id, changes: { month: body.month, relapse: body.relapse } };
  if (!body.relapse) {
    await move(call, { id, from: ['exited'], to: 'exited', event: 'callback', data: { month: body.month }, audit });
    return reload(call, id);
  }
  const due = plusYear(day);
  await move(call, {
    id,
    from: ['exited'],
    to: 'filed',
    patch: { relapsed_on: day, review_due: due },
    event: 'relapsed',
    data: { month: body.month, reviewDue: due },
    audit,
  });
  await hdb(call.tx).updateTable('hardship_callbacks').set({ cancelled: 1 }).where('profile_id', '=', id).where('done_on', 'is', null).execute();
  await newReview(call, id, due);
  return reload(call, id);
}
