/**
 * 心桥 (heartBridge), shared by server and web: the module's permission names, the role
 * grants its declaration hands the composition root, and the two sides of a note.
 */
import type { Grants } from './roles.js';

export const HEART_BRIDGE_PERMISSIONS = {
  /** Every class of the subtree: detail and aggregate (principal, academic office). */
  oversee: 'heartBridge.oversee',
  /** The school side for the classes one teaches (class_teachers). */
  writeSchool: 'heartBridge.writeSchool',
  /** The home side for one's own children (guardian_links). */
  writeHome: 'heartBridge.writeHome',
  /** A student's own book, read-only: their weeks, the teachers' and the family's words to them. */
  readOwn: 'heartBridge.readOwn',
  /** Edit the quick phrases of encouraging words. */
  managePhrases: 'heartBridge.managePhrases',
} as const;

export const HEART_BRIDGE_GRANTS: Grants = {
  principal: [HEART_BRIDGE_PERMISSIONS.oversee, HEART_BRIDGE_PERMISSIONS.managePhrases],
  academicOffice: [HEART_BRIDGE_PERMISSIONS.oversee, HEART_BRIDGE_PERMISSIONS.managePhrases],
  headTeacher: [HEART_BRIDGE_PERMISSIONS.writeSchool],
  subjectTeacher: [HEART_BRIDGE_PERMISSIONS.writeSchool],
  parent: [HEART_BRIDGE_PERMISSIONS.writeHome],
  student: [HEART_BRIDGE_PERMISSIONS.readOwn],
};

export const NOTE_SIDES = ['school', 'home'] as const;
export type NoteSide = (typeof NOTE_SIDES)[number];
