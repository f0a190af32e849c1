/**
 * Meetings (工会工作例会, 联席会), shared by server and web: the module's permissions, their
 * grants, the kinds of meeting and the states of one.
 */
import type { Grants } from './roles.js';

export const MEETINGS_PERMISSIONS = {
  /** Every meeting of the subtree. */
  read: 'meetings.read',
  /** Plan meetings, record attendance, draft minutes, record decisions, publish. */
  manage: 'meetings.manage',
  /** Approve the drafted minutes. */
  approve: 'meetings.approve',
  /** Published minutes of meetings published to one's org or above it. */
  readPublished: 'meetings.readPublished',
} as const;

export const MEETINGS_GRANTS: Grants = {
  unionChair: [MEETINGS_PERMISSIONS.read, MEETINGS_PERMISSIONS.manage, MEETINGS_PERMISSIONS.approve, MEETINGS_PERMISSIONS.readPublished],
  unionStaff: [MEETINGS_PERMISSIONS.read, MEETINGS_PERMISSIONS.manage, MEETINGS_PERMISSIONS.readPublished],
  handler: [MEETINGS_PERMISSIONS.readPublished],
  representative: [MEETINGS_PERMISSIONS.readPublished],
  worker: [MEETINGS_PERMISSIONS.readPublished],
};

export const MEETING_KINDS = ['regular', 'joint'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, { zh: string; en: string }> = {
  regular: { zh: '工会工作例会', en: 'Union meeting' },
  joint: { zh: '工会与行政联席会', en: 'Joint meeting' },
};

/** planned → held (minutes drafted) → approved → published; a planned meeting may be cancelled. */
export const MEETING_STATUSES = ['planned', 'held', 'approved', 'published', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, { zh: string; en: string }> = {
  planned: { zh: '待召开', en: 'Planned' },
  held: { zh: '已召开（纪要起草中）', en: 'Held (minutes drafted)' },
  approved: { zh: '纪要已审定', en: 'Minutes approved' },
  published: { zh: '纪要已公布', en: 'Minutes published' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** The decided items a meeting records carry this source kind. */
export const MEETING_DECISION_KIND = 'meetings.decision';
