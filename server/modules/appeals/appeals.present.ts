/**
 * Rows → API shapes. The repository has already withheld the author of anonymous
 * appeals; here the rest of the masking happens: contact numbers for roles that may not
 * read them, the author's own team (only the unit is shown) and attachment names of
 * anonymous appeals, and internal timeline entries for the worker.
 */
import { hasPermission, type Actor } from '../../core/rbac/actor.js';
import { t, type Locale } from '../../core/i18n/messages.js';
import type { AppealDetail, AppealSummary } from '../../../common/schemas/appeals.js';
import type { DetailRow, LightClock, SummaryRow } from './appeals.visibility.js';
import { lightOf } from './deadlines.js';
import { extensionOf } from './attachments.js';
import type { Relation } from './appeals.policy.js';
import type { EntityEvent } from '../../core/workflow/index.js';

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function readsContact(actor: Actor, orgPath: string): boolean {
  return hasPermission(actor, 'people.readContact', orgPath);
}

export function presentSummary(row: SummaryRow, actor: Actor, clock: LightClock): AppealSummary {
  const mine = row.is_mine === 1;
  const anonymous = row.anonymous === 1;
  const hideOrg = anonymous && !mine;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    category: row.category as AppealSummary['category'],
    nature: row.nature as AppealSummary['nature'],
    urgency: row.urgency as AppealSummary['urgency'],
    status: row.status as AppealSummary['status'],
    channel: row.channel as AppealSummary['channel'],
    anonymous,
    mine,
    author: anonymous
      ? null
      : {
          name: row.author_name ?? '',
          employmentCategory: (row.author_category as any) ?? null,
          phone: mine || readsContact(actor, row.org_path) ? row.author_phone : maskPhone(row.author_phone),
        },
    org: hideOrg ? { id: row.unit_id, name: row.unit_name } : { id: row.org_id, name: row.org_name },
    unit: { id: row.unit_id, name: row.unit_name },
    department: row.department_id ? { id: row.department_id, name: row.department_name ?? '', label: row.department_label ?? row.department_name ?? '' } : null,
    submittedAt: row.submitted_at,
    acceptedAt: row.accepted_at,
    answeredAt: row.answered_at,
    deadline: row.current_due,
    // The yellow/red light is the staff's deadline alarm, not a verdict for the worker: the
    // author sees status and dates only, unless they also manage appeals at this org.
    light: mine && !hasPermission(actor, 'appeals.manage', row.org_path) ? null : lightOf(row.current_due, clock),
    late: row.late === 1,
    rating: (row.rating as AppealSummary['rating']) ?? null,
    reopenCount: row.reopen_count,
    affectedWorkers: row.affected_workers,
    groupAlertId: row.group_alert_id,
  };
}

export interface DetailParts {
  events: EntityEvent[];
  attachments: { id: string; name: string; type: string; size: number }[];
  extensions: {
    id: string;
    days: number;
    reason: string;
    status: string;
    requested_at: string;
    decided_at: string | null;
    decision_note: string | null;
    new_due_date: string | null;
  }[];
  duplicates: { id: string; code: string }[];
  deadlineProvisional: boolean;
  master: { id: string; code: string; status: string; answer: string | null; answered_at: string | null } | null;
  reopenLimit: number;
  abilities: string[];
  relation: Relation;
}

const LABELS: Record<string, { zh: string; en: string }> = {
  author: { zh: '本人', en: 'You' },
  staff: { zh: '工会', en: 'Union' },
  handler: { zh: '承办部门', en: 'Department' },
  system: { zh: '系统', en: 'System' },
};

export function presentDetail(
  row: DetailRow,
  parts: DetailParts,
  actor: Actor,
  clock: LightClock,
  locale: Locale,
): Omit<AppealDetail, 'citations' | 'citationsNeedReview'> {
  const summary = presentSummary(row, actor, clock);
  // The worker sees the public steps, and who acted only as a role.
  const workerView = !parts.relation.staff && !parts.relation.handler;
  // A referral to mediation names a confidential case: the department handling the appeal does not see it.
  const mediationHidden = !parts.relation.staff && !parts.relation.author;
  const timeline = parts.events
    .filter((e) => !workerView || !e.internal)
    .filter((e) => !(mediationHidden && e.event === 'mediation'))
    .map((e) => ({
      id: e.id,
      kind: e.event as AppealDetail['timeline'][number]['kind'],
      at: e.at,
      actor: workerView
        ? (LABELS[e.actorRole ?? 'system'] ?? LABELS.system)[locale === 'en' ? 'en' : 'zh']
        : (e.actorName ?? t(locale, e.actorRole === 'author' ? 'appeals.author' : 'appeals.system')),
      note: e.note,
      data: e.data,
    }));
  const renameFiles = summary.anonymous && !summary.mine;
  return {
    ...summary,
    description: row.description,
    answer: row.answer,
    declineReason: (row.decline_reason as AppealDetail['declineReason']) ?? null,
    acceptDeadline: row.accept_due_date,
    answerDeadline: row.due_date,
    deadlineProvisional: parts.deadlineProvisional,
    closedAt: row.closed_at,
    ratingComment: row.rating_comment,
    ratedAt: row.rated_at,
    reopenLimit: parts.reopenLimit,
    mergedInto: parts.master
      ? {
          id: parts.master.id,
          code: parts.master.code,
          status: parts.master.status as AppealDetail['status'],
          answer: parts.master.answer,
          answeredAt: parts.master.answered_at,
        }
      : null,
    duplicates: parts.duplicates,
    timeline,
    attachments: parts.attachments.map((a, i) => ({
      id: a.id,
      // A file name can carry a name ("张三工资条.jpg"); for anonymous appeals only the author sees it.
      fileName: renameFiles ? t(locale, 'appeals.attachmentName', { n: i + 1 }) + extensionOf(a.type) : a.name,
      contentType: a.type,
      size: a.size,
      url: `/api/v1/appeals/${row.id}/attachments/${a.id}`,
    })),
    extensions: workerView
      ? []
      : parts.extensions.map((x) => ({
          id: x.id,
          days: x.days,
          reason: x.reason,
          status: x.status as 'pending' | 'approved' | 'rejected',
          requestedAt: x.requested_at,
          decidedAt: x.decided_at,
          decisionNote: x.decision_note,
          newDeadline: x.new_due_date,
        })),
    abilities: parts.abilities,
  };
}
