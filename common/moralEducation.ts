/**
 * Ten-minute moral education (moralEducation), shared by server and web: the module's
 * permission names, the role grants its declaration hands the composition root, and the
 * states of a day's session.
 */
import type { Grants } from './roles.js';

export const MORAL_EDUCATION_PERMISSIONS = {
  /** Every class of the subtree (the moral-education office: principal, academic office). */
  oversee: 'moralEducation.oversee',
  /** Plan the school-wide topic calendar. */
  plan: 'moralEducation.plan',
  /** See the sessions of the classes one teaches. */
  read: 'moralEducation.read',
  /** Record the session and replace the topic, as head teacher of the class. */
  record: 'moralEducation.record',
  /** A student reads their own class's plan: the days' themes and topics, nothing of its records. */
  readOwnClass: 'moralEducation.readOwnClass',
} as const;

export const MORAL_EDUCATION_GRANTS: Grants = {
  principal: [MORAL_EDUCATION_PERMISSIONS.oversee, MORAL_EDUCATION_PERMISSIONS.plan, MORAL_EDUCATION_PERMISSIONS.read],
  academicOffice: [MORAL_EDUCATION_PERMISSIONS.oversee, MORAL_EDUCATION_PERMISSIONS.plan, MORAL_EDUCATION_PERMISSIONS.read],
  headTeacher: [MORAL_EDUCATION_PERMISSIONS.read, MORAL_EDUCATION_PERMISSIONS.record],
  subjectTeacher: [MORAL_EDUCATION_PERMISSIONS.read],
  student: [MORAL_EDUCATION_PERMISSIONS.readOwnClass],
};

export const SESSION_STATUSES = ['held', 'skipped'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_STATUS_LABELS: Record<SessionStatus, { zh: string; en: string }> = {
  held: { zh: '已开展', en: 'Held' },
  skipped: { zh: '未开展', en: 'Skipped' },
};
