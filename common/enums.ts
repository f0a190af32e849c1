export const ORG_KINDS = ['group', 'mine', 'department', 'team', 'unionCommittee', 'branchUnion', 'school', 'grade', 'class', 'office'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, { zh: string; en: string }> = {
  group: { zh: '集团公司', en: 'Group company' },
  mine: { zh: '矿/厂', en: 'Mine / plant' },
  department: { zh: '部门', en: 'Department' },
  team: { zh: '班组', en: 'Team' },
  unionCommittee: { zh: '工会委员会', en: 'Union committee' },
  branchUnion: { zh: '分工会', en: 'Branch union' },
  school: { zh: '学校', en: 'School' },
  grade: { zh: '年级', en: 'Grade' },
  class: { zh: '班级', en: 'Class' },
  office: { zh: '处室', en: 'Office' },
};

export const PERSON_KINDS = ['worker', 'teacher', 'student', 'guardian', 'staff'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
export const PERSON_KIND_LABELS: Record<PersonKind, { zh: string; en: string }> = {
  worker: { zh: '职工', en: 'Worker' },
  teacher: { zh: '教师', en: 'Teacher' },
  student: { zh: '学生', en: 'Student' },
  guardian: { zh: '家长', en: 'Guardian' },
  staff: { zh: '工作人员', en: 'Staff' },
};

export const EMPLOYMENT_CATEGORIES = ['permanent', 'contract', 'dispatched', 'migrant', 'retired'] as const;
export type EmploymentCategory = (typeof EMPLOYMENT_CATEGORIES)[number];
export const EMPLOYMENT_CATEGORY_LABELS: Record<EmploymentCategory, { zh: string; en: string }> = {
  permanent: { zh: '全民固定工', en: 'Permanent' },
  contract: { zh: '合同制', en: 'Contract' },
  dispatched: { zh: '劳务派遣', en: 'Agency (dispatched)' },
  migrant: { zh: '农民工', en: 'Migrant worker' },
  retired: { zh: '退休', en: 'Retired' },
};

export function categoryFromLabel(label: string): EmploymentCategory | undefined {
  const t = label.trim();
  return (Object.keys(EMPLOYMENT_CATEGORY_LABELS) as EmploymentCategory[]).find(
    (k) => k === t || EMPLOYMENT_CATEGORY_LABELS[k].zh === t || EMPLOYMENT_CATEGORY_LABELS[k].en === t,
  );
}
