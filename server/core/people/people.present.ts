/**
 * People as the API and the export show them: phones masked unless the caller may read them
 * in that person's org; identity numbers masked in every list, and in full only in a detail
 * or an export for whoever may read them there (both audited); labels in Chinese for spreadsheets.
 */
import { EMPLOYMENT_CATEGORY_LABELS, PERSON_KIND_LABELS, type EmploymentCategory, type PersonKind } from '../../../common/enums.js';
import { GENDER_LABELS, maskIdNumber, maskPhone, type Gender, type Person, type PersonListItem } from '../../../common/schemas/people.js';
import type { Column } from '../excel/export.js';
import { inScope, type Scope } from '../rbac/actor.js';
import type { PersonWithOrg } from './people.repository.js';

/** What the caller may see in full: phones, and identity numbers (null: masked whatever the role — a list). */
export interface Visibility {
  phones: Scope;
  idNumbers: Scope | null;
}

export function presentItem(row: PersonWithOrg, vis: Visibility): PersonListItem {
  const phone = inScope(vis.phones, row.org_path);
  const idNumber = vis.idNumbers !== null && inScope(vis.idNumbers, row.org_path);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    gender: row.gender,
    orgId: row.org_id,
    orgName: row.org_name,
    employeeNo: row.employee_no,
    employmentCategory: row.employment_category,
    position: row.position,
    unionMember: row.union_member === 1,
    phone: phone ? row.phone : maskPhone(row.phone),
    idNumber: idNumber ? row.id_number : maskIdNumber(row.id_number),
  };
}

export function presentPerson(row: PersonWithOrg, vis: Visibility): Person {
  return {
    ...presentItem(row, vis),
    birthDate: row.birth_date,
    subject: row.subject,
    archived: row.archived === 1,
    contactVisible: inScope(vis.phones, row.org_path),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The fields this row shows in full (what the audit log must know about). */
export function revealedFields(row: { phone: string | null; id_number: string | null; org_path: string }, vis: Visibility): ('phone' | 'idNumber')[] {
  const out: ('phone' | 'idNumber')[] = [];
  if (row.phone && inScope(vis.phones, row.org_path)) out.push('phone');
  if (row.id_number && vis.idNumbers !== null && inScope(vis.idNumbers, row.org_path)) out.push('idNumber');
  return out;
}

const label = <K extends string>(labels: Record<K, { zh: string }>, key: string | null) => (key ? (labels[key as K]?.zh ?? key) : '');

/** Headers as in the import template, so people see one vocabulary for rosters. */
/** A row of the roster export: the org is named by its path from the top, which the import reads back. */
export type ExportItem = PersonListItem & { orgNames: string };

export const exportColumns: Column<ExportItem>[] = [
  { header: '姓名', width: 12, value: (p) => p.name },
  { header: '工号', width: 12, type: 'text', value: (p) => p.employeeNo },
  { header: '人员类别', width: 10, value: (p) => label(PERSON_KIND_LABELS, p.kind as PersonKind) },
  { header: '用工身份', width: 12, value: (p) => label(EMPLOYMENT_CATEGORY_LABELS, p.employmentCategory as EmploymentCategory) },
  { header: '岗位', width: 14, value: (p) => p.position },
  { header: '工会会员', width: 10, value: (p) => (p.unionMember ? '是' : '否') },
  { header: '手机号', width: 14, type: 'text', value: (p) => p.phone },
  { header: '身份证号', width: 22, type: 'text', value: (p) => p.idNumber },
  { header: '性别', width: 6, value: (p) => label(GENDER_LABELS, p.gender as Gender) },
  { header: '所属组织', width: 30, value: (p) => p.orgNames },
];
