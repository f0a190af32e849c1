import type { OrgKind } from '@common/enums';

/**
 * The kind a new child usually has, to pre-fill the form; any kind stays allowed because
 * real organisations do not follow one template.
 */
export const SUGGESTED_CHILD_KIND: Partial<Record<OrgKind, OrgKind>> = {
  group: 'mine',
  mine: 'department',
  department: 'team',
  unionCommittee: 'branchUnion',
  school: 'grade',
  grade: 'class',
};
