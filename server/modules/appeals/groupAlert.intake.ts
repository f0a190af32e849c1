/**
 * The group-dispute check every intake runs, inside the intake's own transaction.
 *
 * Cost: the candidates are the appeals of one unit and category inside the window that
 * share an index key with the new one (or, for a cluster still short, with its members:
 * decideWithReads()), read through the appeal_signature_keys primary key and bounded per key
 * and in all (groupAlert.repository.ts candidates()), whatever the window holds
 * (bench/appeals/intake.bench.ts measures it with 100 000). Appeals without a key in common
 * can never score above zero.
 * The bucket lock makes concurrent intakes of one unit and category take turns, so the
 * fifth worker's appeal is counted by exactly one of them.
 */
import type { Tx } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import { recordAudit } from '../../core/audit/audit.js';
import { systemContext } from '../../core/context.js';
import { orgBrief } from '../../core/org/lookups.js';
import * as alerts from './groupAlert.repository.js';
import type { AppealTable } from './appeals.tables.js';
import { settingsFor } from './deadlines.js';
import { decideWithReads } from './groupAlert.decide.js';
import { decodeSignature, encodeSignature, prepare, sharedKeywords, signatureOf } from '../../core/similarity/index.js';
import { keepSignature, keptSignature } from './groupAlert.signatures.js';
import { alertLink, send, unionPeople } from './appeals.notices.js';

const DAY_MS = 86_400_000;

/**
 * The worker an appeal counts for. An anonymous appeal counts as a worker of its own, in the
 * decision and in the shown `workerCount` alike: were it keyed by its author, a named appeal
 * of the same person would leave the count unchanged (16 appeals / 12 workers → 17 / 12) and
 * name them — and so would an alert raised one appeal later than the shown count says. The
 * price: one person's anonymous appeals can reach the threshold alone, which staff then
 * judge (dismiss) like any alert.
 */
export const authorKeyOf = (row: Pick<AppealTable, 'author_person_id' | 'author_account_id' | 'id' | 'anonymous'>) =>
  row.anonymous === 1 ? row.id : (row.author_person_id ?? row.author_account_id ?? row.id);

/** What a check read: the candidates its reads returned and the keys they read by (bench/appeals/intake.bench.ts reports them). */
export interface IntakeCheck {
  candidatesRead: number;
  keysRead: number;
  reads: number;
  /** Signatures read and prepared (the others were kept from earlier checks: groupAlert.signatures.ts). */
  signaturesRead: number;
}

export async function checkIntake(tx: Tx, row: AppealTable, at: Date, unit?: { path: string; name: string }): Promise<IntakeCheck> {
  unit ??= (await orgBrief(tx, row.unit_id))!;
  const settings = await settingsFor(tx, unit.path);
  const tokens = signatureOf(row.title, row.description);
  const mine = prepare(tokens);
  const iso = at.toISOString();
  await alerts.lockBucket(tx, row.unit_id, row.category);
  const since = new Date(at.getTime() - settings.groupWindowDays * DAY_MS).toISOString();
  const keys = [...mine.keys];
  const authorKey = authorKeyOf(row);
  const done: IntakeCheck = { candidatesRead: 0, keysRead: 0, reads: 0, signaturesRead: 0 };
  const read = async (readKeys: string[]) => {
    const rows = await alerts.candidates(tx, row.unit_id, row.category, readKeys, since);
    done.candidatesRead += rows.length;
    done.keysRead += readKeys.length;
    done.reads++;
    const kept = rows.map((c) => keptSignature(c.appeal_id));
    const texts = await alerts.signatureTextsOf(
      tx,
      rows.filter((_, i) => !kept[i]).map((c) => c.appeal_id),
    );
    done.signaturesRead += texts.size;
    return rows.map((c, i) => ({
      id: c.appeal_id,
      authorKey: c.author_key,
      prepared: kept[i] ?? keepSignature(c.appeal_id, prepare(decodeSignature(texts.get(c.appeal_id)!))),
      alertId: c.group_alert_id,
      alertActive: c.settled === 0 && (c.alert_status === 'open' || c.alert_status === 'confirmed'),
      alertDismissed: c.alert_status === 'dismissed',
    }));
  };
  const decision = await decideWithReads({ id: row.id, authorKey, tokens, prepared: mine }, read, {
    minWorkers: settings.groupMinWorkers,
    threshold: settings.groupThreshold,
  });
  await alerts.insertSignature(
    tx,
    {
      appeal_id: row.id,
      unit_id: row.unit_id,
      category: row.category,
      submitted_at: row.submitted_at,
      author_key: authorKey,
      tokens: encodeSignature(tokens),
      group_alert_id: null,
      settled: 0,
    },
    keys,
  );
  // The next checks of this unit will read it.
  keepSignature(row.id, mine);
  if (decision.action === 'none') return done;
  if (decision.action === 'dismissed') {
    // Filed under the dismissal staff already gave: counted on that alert, no notice, no new alert.
    const newWorker = !(await alerts.alertHasAuthor(tx, decision.alertId, authorKey));
    await alerts.setSignatureAlert(tx, [row.id], decision.alertId);
    await alerts.settleSignature(tx, row.id);
    await alerts.countJoin(tx, decision.alertId, newWorker, iso);
    return done;
  }
  if (decision.action === 'join') {
    // Counted, not recounted: an alert can have many members, an intake must stay quick.
    const newWorker = !(await alerts.alertHasAuthor(tx, decision.alertId, authorKey));
    await alerts.setSignatureAlert(tx, [row.id], decision.alertId);
    await alerts.countJoin(tx, decision.alertId, newWorker, iso);
    return done;
  }
  const alertId = newId();
  await alerts.insertAlert(tx, {
    id: alertId,
    unit_id: row.unit_id,
    category: row.category,
    status: 'open',
    worker_count: decision.workerCount,
    appeal_count: decision.members.length,
    keywords: '[]',
    raised_at: iso,
    decided_by: null,
    decided_at: null,
    decision_note: null,
    answer: null,
    answered_at: null,
    updated_at: iso,
  });
  await alerts.setSignatureAlert(tx, decision.members, alertId);
  const { keywords } = await refreshCounts(tx, alertId, iso);
  await recordAudit(tx, systemContext(), {
    action: 'appeal.groupAlert',
    entityType: 'appealGroupAlert',
    entityId: alertId,
    orgId: row.unit_id,
    changes: { workers: decision.workerCount, appeals: decision.members, category: row.category },
  });
  const to = await unionPeople(tx, unit.path, ['unionStaff', 'unionChair']);
  await send(tx, 'groupAlert', to, { unit: unit.name, count: decision.workerCount, keywords: keywords.join('、') }, alertLink(alertId), unit.path);
  return done;
}

/** Recounts an alert's workers and appeals and relabels it from what its members share. */
export async function refreshCounts(tx: Tx, alertId: string, iso: string) {
  const sigs = await alerts.signaturesOfAlert(tx, alertId);
  const keywords = sharedKeywords(sigs.map((s) => decodeSignature(s.tokens)));
  await alerts.updateAlert(tx, alertId, ['open', 'confirmed', 'answered', 'dismissed'], {
    worker_count: new Set(sigs.map((s) => s.author_key)).size,
    appeal_count: sigs.length,
    keywords: JSON.stringify(keywords),
    updated_at: iso,
  });
  return { keywords };
}
