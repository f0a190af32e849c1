import { z } from 'zod';
import { EMPLOYMENT_CATEGORIES, PERSON_KINDS } from '../enums.js';
import { After, Id, IsoDate, listQuery, pageOf, QueryBool } from './shared.js';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, { zh: string; en: string }> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

export const GUARDIAN_RELATIONS = ['father', 'mother', 'grandfather', 'grandmother', 'maternalGrandfather', 'maternalGrandmother', 'other'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];
export const GUARDIAN_RELATION_LABELS: Record<GuardianRelation, { zh: string; en: string }> = {
  father: { zh: '父亲', en: 'Father' },
  mother: { zh: '母亲', en: 'Mother' },
  grandfather: { zh: '祖父', en: 'Grandfather' },
  grandmother: { zh: '祖母', en: 'Grandmother' },
  maternalGrandfather: { zh: '外祖父', en: 'Maternal grandfather' },
  maternalGrandmother: { zh: '外祖母', en: 'Maternal grandmother' },
  other: { zh: '其他监护人', en: 'Other guardian' },
};

export const CLASS_DUTIES = ['head', 'subject'] as const;
export type ClassDuty = (typeof CLASS_DUTIES)[number];
export const CLASS_DUTY_LABELS: Record<ClassDuty, { zh: string; en: string }> = {
  head: { zh: '班主任', en: 'Head teacher' },
  subject: { zh: '任课教师', en: 'Subject teacher' },
};

/** Mainland mobile numbers: 11 digits starting with 1. */
export const PHONE_RE = /^1\d{10}$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 resident identity number: 17 digits, a mod-11 check character, and a real birth date. */
export function isValidIdNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(v[i]), 0);
  if (ID_CHECK[sum % 11] !== v[17]) return false;
  return idNumberBirthDate(v) !== null;
}

/** 'YYYY-MM-DD' from positions 7–14, or null when that is not a calendar date. */
export function idNumberBirthDate(v: string): string | null {
  const d = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  const t = Date.parse(d + 'T00:00:00Z');
  return Number.isNaN(t) || !new Date(t).toISOString().startsWith(d) ? null : d;
}

/** The 17th digit is odd for men. */
export function idNumberGender(v: string): Gender {
  return Number(v[16]) % 2 === 1 ? 'male' : 'female';
}

/** '138****1234': enough to recognise a number one already knows, not to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length <= 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** First 3 and last 4 kept: region and check digits, never the birth date. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return id.length <= 7 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

export const PERSON_SORT_KEYS = ['name', 'employeeNo', 'orgName', 'createdAt'] as const;

export const PeopleFilter = z.object({
  orgId: Id.optional(),
  kind: z.enum(PERSON_KINDS).optional(),
  category: z.enum(EMPLOYMENT_CATEGORIES).optional(),
  unionMember: QueryBool.optional(),
  /** Archived people are hidden unless asked for. */
  archived: QueryBool.optional(),
  q: z.string().trim().max(40).optional(),
});
export type PeopleFilter = z.infer<typeof PeopleFilter>;

/** `after`: the `nextCursor` of the page shown, for the page after it (sorted by name or by creation). */
export const PeopleListQuery = PeopleFilter.extend(listQuery(PERSON_SORT_KEYS).shape).extend({ after: After.optional() });
export type PeopleListQuery = z.infer<typeof PeopleListQuery>;

export const PersonListItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  gender: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  employeeNo: z.string().nullable(),
  employmentCategory: z.string().nullable(),
  position: z.string().nullable(),
  unionMember: z.boolean(),
  /** Masked ('138****1234') unless the caller may read contacts in this person's org. */
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
});
export type PersonListItem = z.infer<typeof PersonListItem>;

/**
 * `totalCapped`: more than `total` match; the list stops counting there (shown as 「2000+」).
 * `nextCursor`: pass as `after` for the next page; null on the last page and for the org and number sorts.
 */
export const PeoplePage = pageOf(PersonListItem).extend({ totalCapped: z.boolean(), nextCursor: z.string().nullable() });

export const Person = PersonListItem.extend({
  birthDate: z.string().nullable(),
  subject: z.string().nullable(),
  archived: z.boolean(),
  /** True when phone and identity number are shown in full. */
  contactVisible: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof Person>;

const Name = z.string().trim().min(1).max(40);
const OptText = (max: number) => z.string().trim().max(max).nullable().optional();
const Phone = z.string().trim().regex(PHONE_RE, 'validation.phone');
const IdNumber = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidIdNumber, 'validation.idNumber');

const personFields = {
  kind: z.enum(PERSON_KINDS),
  name: Name,
  gender: z.enum(GENDERS).nullable().optional(),
  employeeNo: OptText(40),
  employmentCategory: z.enum(EMPLOYMENT_CATEGORIES).nullable().optional(),
  position: OptText(60),
  unionMember: z.boolean().optional(),
  phone: Phone.nullable().optional(),
  idNumber: IdNumber.nullable().optional(),
  birthDate: IsoDate.nullable().optional(),
  subject: OptText(40),
};

export const CreatePersonBody = z.object({ orgId: Id, ...personFields }).strict();
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

export const UpdatePersonBody = z
  .object({
    orgId: Id.optional(),
    kind: personFields.kind.optional(),
    name: Name.optional(),
    gender: personFields.gender,
    employeeNo: personFields.employeeNo,
    employmentCategory: personFields.employmentCategory,
    position: personFields.position,
    unionMember: personFields.unionMember,
    phone: personFields.phone,
    idNumber: personFields.idNumber,
    birthDate: personFields.birthDate,
    subject: personFields.subject,
  })
  .strict();
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

export const PeopleStatsQuery = z.object({ orgId: Id.optional() });
export const PeopleStats = z.object({
  total: z.number().int(),
  byCategory: z.array(z.object({ category: z.string().nullable(), count: z.number().int() })),
  byKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
});

export const StudentParams = z.object({ studentId: Id });
export const GuardianParams = z.object({ studentId: Id, guardianId: Id });
export const Guardian = z.object({
  guardianId: z.string(),
  name: z.string(),
  relation: z.string(),
  phone: z.string().nullable(),
  createdAt: z.string(),
});
/** Link an existing guardian person, or create one in the student's org in the same step. */
export const LinkGuardianBody = z.union([
  z.object({ guardianId: Id, relation: z.enum(GUARDIAN_RELATIONS) }).strict(),
  z
    .object({
      guardian: z.object({ name: Name, phone: Phone.nullable().optional(), gender: z.enum(GENDERS).nullable().optional() }).strict(),
      relation: z.enum(GUARDIAN_RELATIONS),
    })
    .strict(),
]);
export type LinkGuardianBody = z.infer<typeof LinkGuardianBody>;

export const ClassParams = z.object({ classId: Id });
export const ClassTeacherParams = z.object({ classId: Id, teacherId: Id });
export const ClassTeacherDeleteQuery = z.object({ duty: z.enum(CLASS_DUTIES).optional() });
export const ClassTeacher = z.object({
  teacherId: z.string(),
  name: z.string(),
  duty: z.string(),
  subject: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: z.string(),
});
export const AddClassTeacherBody = z
  .object({ teacherId: Id, duty: z.enum(CLASS_DUTIES), subject: z.string().trim().min(1).max(40).nullable().optional() })
  .strict()
  .refine((b) => b.duty !== 'subject' || !!b.subject, { message: 'validation.subjectRequired', path: ['subject'] });
export type AddClassTeacherBody = z.infer<typeof AddClassTeacherBody>;
