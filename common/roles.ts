/**
 * Roles and permissions shared by server and web. A role is granted at an org node and
 * reaches that node's whole subtree; `sysAdmin` may also be granted with no node (everything).
 */
export const ROLES = [
  'sysAdmin',
  'unionChair',
  'unionStaff',
  'handler',
  'representative',
  'worker',
  'mediator',
  'principal',
  'academicOffice',
  'headTeacher',
  'subjectTeacher',
  'parent',
  'student',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  sysAdmin: { zh: '系统管理员', en: 'System admin' },
  unionChair: { zh: '工会主席', en: 'Union chair' },
  unionStaff: { zh: '工会干事', en: 'Union staff' },
  handler: { zh: '承办人', en: 'Department handler' },
  representative: { zh: '职工代表', en: 'Worker representative' },
  worker: { zh: '职工', en: 'Worker' },
  mediator: { zh: '调解员', en: 'Mediator' },
  principal: { zh: '校长', en: 'Principal' },
  academicOffice: { zh: '教务处', en: 'Academic office' },
  headTeacher: { zh: '班主任', en: 'Head teacher' },
  subjectTeacher: { zh: '任课教师', en: 'Subject teacher' },
  parent: { zh: '家长', en: 'Parent' },
  student: { zh: '学生', en: 'Student' },
};

export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'people.read',
  'people.manage',
  /** See phone numbers unmasked. */
  'people.readContact',
  /** See full identity numbers in a person's detail and in exports (each read audited; lists always mask them). */
  'people.readIdNumber',
  /** Reveal one phone number to call it (tap-to-call), audited each time. */
  'people.call',
  'people.import',
  'accounts.manage',
  'audit.read',
  'calendar.manage',
  'webhooks.manage',
  /** Every decided item (督办事项) of the subtree. */
  'decidedItems.read',
  /** Drop a decided item with a reason, or reopen it. */
  'decidedItems.manage',
  /** Decided items whose source is public, of one's own org. */
  'decidedItems.readPublic',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What each role may do in core. Each module declares its own grants (common/<module>.ts);
 * the composition root (server/modules/compose.ts) joins these tables into the one the
 * server checks, and gives the system admin every permission of every module.
 */
export type Grants = Partial<Record<Role, readonly string[]>>;

export const CORE_GRANTS: Record<Role, readonly Permission[]> = {
  sysAdmin: PERMISSIONS,
  unionChair: [
    'org.read',
    'people.read',
    'people.readContact',
    'people.readIdNumber',
    'audit.read',
    'calendar.manage',
    'webhooks.manage',
    'decidedItems.read',
    'decidedItems.manage',
  ],
  unionStaff: [
    'org.read',
    'people.read',
    'people.readContact',
    'people.readIdNumber',
    'people.manage',
    'people.import',
    'decidedItems.read',
    'decidedItems.manage',
  ],
  handler: ['org.read'],
  representative: ['org.read', 'decidedItems.readPublic'],
  worker: ['decidedItems.readPublic'],
  mediator: ['org.read', 'people.read'],
  principal: ['org.read', 'people.read', 'people.readContact', 'audit.read', 'calendar.manage'],
  academicOffice: ['org.read', 'people.read', 'people.readContact', 'people.readIdNumber', 'people.manage', 'people.import', 'calendar.manage'],
  // PIPL minimisation: teachers see pupils and guardians with masked phones, and reveal one number to call it.
  headTeacher: ['org.read', 'people.read', 'people.call'],
  subjectTeacher: ['org.read', 'people.read', 'people.call'],
  parent: [],
  student: [],
};
