/**
 * Hardship assistance (hardship), shared by server and web: permission names, the role table
 * the module declares, the states of a hardshipProfile (一户一档), tiers, causes, assistance kinds.
 */
import type { Grants } from './roles.js';

export const HARDSHIP_PERMISSIONS = {
  /** 帮扶专干 A hardship officer: sees and acts on the files of the subtree (need-to-know), every read audited. */
  officer: 'hardship.officer',
  /** A worker: applies for their own household and follows the application. */
  apply: 'hardship.apply',
  /** The rest of the union: counts per tier and state, never a file. */
  counts: 'hardship.counts',
  /** The public notice (公示) of the union's decisions, names masked, and objections to them. */
  publicity: 'hardship.publicity',
} as const;

/**
 * The role table (issue #19 "need-to-know"): only the union's chair and staff are hardship
 * officers of their subtree; representatives see counts; workers apply and read the notices.
 * Handlers, mediators, the system admin and school roles get nothing: a file is not theirs to know.
 */
export const HARDSHIP_GRANTS: Grants = {
  unionChair: [HARDSHIP_PERMISSIONS.officer, HARDSHIP_PERMISSIONS.counts, HARDSHIP_PERMISSIONS.publicity],
  unionStaff: [HARDSHIP_PERMISSIONS.officer, HARDSHIP_PERMISSIONS.counts, HARDSHIP_PERMISSIONS.publicity],
  representative: [HARDSHIP_PERMISSIONS.counts, HARDSHIP_PERMISSIONS.publicity],
  worker: [HARDSHIP_PERMISSIONS.apply, HARDSHIP_PERMISSIONS.publicity],
};

/**
 * applied → verified (two different staff visited) → notice (approved, 公示) → filed (在档);
 * applied | verified → refused; notice → refused (an objection upheld); filed → exited (脱困);
 * exited → filed (返困 found at a callback: the file reopens).
 */
export const PROFILE_STATUSES = ['applied', 'verified', 'notice', 'filed', 'refused', 'exited'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];
export const PROFILE_STATUS_LABELS: Record<ProfileStatus, { zh: string; en: string }> = {
  applied: { zh: '待核实', en: 'Applied' },
  verified: { zh: '已入户核实', en: 'Verified' },
  notice: { zh: '公示中', en: 'On public notice' },
  filed: { zh: '在档', en: 'Filed' },
  refused: { zh: '未通过', en: 'Refused' },
  exited: { zh: '已脱困', en: 'Exited' },
};
/** Files the union keeps open: reviewed yearly, assistance recorded. */
export const OPEN_STATUSES: readonly ProfileStatus[] = ['filed'];

export const TIERS = ['deep', 'relative', 'sudden'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, { zh: string; en: string }> = {
  deep: { zh: '深度困难', en: 'Deep hardship' },
  relative: { zh: '相对困难', en: 'Relative hardship' },
  sudden: { zh: '意外致困', en: 'Sudden hardship' },
};

export const CAUSES = ['illness', 'disability', 'injury', 'accident', 'schooling', 'unemployedSpouse', 'disaster'] as const;
export type Cause = (typeof CAUSES)[number];
export const CAUSE_LABELS: Record<Cause, { zh: string; en: string }> = {
  illness: { zh: '因病', en: 'Illness' },
  disability: { zh: '因残', en: 'Disability' },
  injury: { zh: '因工伤', en: 'Injury' },
  accident: { zh: '因意外事故', en: 'Accident' },
  schooling: { zh: '因子女就学', en: "Children's schooling" },
  unemployedSpouse: { zh: '配偶失业', en: 'Unemployed spouse' },
  disaster: { zh: '因灾', en: 'Disaster' },
};
/** Causes that make a sudden hardship (意外致困) when income is above the relative line. */
export const SUDDEN_CAUSES: readonly Cause[] = ['injury', 'accident', 'disaster'];

export const ASSISTANCE_KINDS = ['living', 'medical', 'schooling', 'festival', 'employment'] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];
export const ASSISTANCE_KIND_LABELS: Record<AssistanceKind, { zh: string; en: string }> = {
  living: { zh: '生活救助', en: 'Living relief' },
  medical: { zh: '医疗救助', en: 'Medical aid' },
  schooling: { zh: '助学', en: 'Tuition aid' },
  festival: { zh: '节日慰问（送温暖）', en: 'Festival visit' },
  employment: { zh: '就业帮扶', en: 'Employment help' },
};

export const OBJECTION_DECISIONS = ['upheld', 'dismissed'] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];

/** Months after exit when a callback (回访) is due. */
export const CALLBACK_MONTHS = [3, 6, 12] as const;
/** 公示 working days when the union has set none. */
export const DEFAULT_NOTICE_DAYS = 5;
/** Days before a review or callback is due when its officers are reminded. */
export const REMIND_DAYS_BEFORE = 14;

/** 张* — the surname kept, the rest masked, as a public notice shows a name. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '*' : `${chars[0]}*`;
}
