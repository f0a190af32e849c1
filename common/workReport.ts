/**
 * The year-end work report and the cross-practice dashboard (workReport), shared by server
 * and web: permission names, the role grants, the report's periods and states.
 */
import type { Grants } from './roles.js';
import type { FigureUnit } from './figure.js';

export const WORK_REPORT_PERMISSIONS = {
  /** See the cross-practice dashboard and the reports of an org subtree. */
  read: 'workReport.read',
  /** Generate, edit the narrative of, and issue a report; set the dashboard's thresholds. */
  write: 'workReport.write',
} as const;

export const WORK_REPORT_GRANTS: Grants = {
  unionChair: [WORK_REPORT_PERMISSIONS.read, WORK_REPORT_PERMISSIONS.write],
  unionStaff: [WORK_REPORT_PERMISSIONS.read, WORK_REPORT_PERMISSIONS.write],
  principal: [WORK_REPORT_PERMISSIONS.read, WORK_REPORT_PERMISSIONS.write],
  academicOffice: [WORK_REPORT_PERMISSIONS.read, WORK_REPORT_PERMISSIONS.write],
};

/** The roles that reach the module's routes (the route declarations and the web menu). */
export const WORK_REPORT_ROLES = ['sysAdmin', 'unionChair', 'unionStaff', 'principal', 'academicOffice'] as const;

/** Term first: it takes any range, so the smallest valid request names one. */
export const PERIOD_KINDS = ['term', 'halfYear', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<PeriodKind, { zh: string; en: string }> = {
  term: { zh: '学期', en: 'Term' },
  halfYear: { zh: '半年', en: 'Half-year' },
  year: { zh: '年度', en: 'Year' },
};

/** queued → generating → draft ⇄ issued (editing an issued report opens the next version's draft). */
export const REPORT_STATUSES = ['queued', 'generating', 'draft', 'issued', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, { zh: string; en: string }> = {
  queued: { zh: '排队中', en: 'Queued' },
  generating: { zh: '生成中', en: 'Generating' },
  draft: { zh: '草稿', en: 'Draft' },
  issued: { zh: '已印发', en: 'Issued' },
  failed: { zh: '生成失败', en: 'Failed' },
};

/** Which way a threshold alerts: the figure falls below it, or rises above it. */
export const THRESHOLD_DIRECTIONS = ['below', 'above'] as const;
export type ThresholdDirection = (typeof THRESHOLD_DIRECTIONS)[number];

/** Most consecutive weeks a threshold may ask for. */
export const MAX_THRESHOLD_WEEKS = 8;

/**
 * The `n` whole weeks (Monday to Sunday) a weeks-long threshold is judged on, oldest first: the
 * last ends on the latest Sunday on or before the period's end that is already over by `today`
 * (a week under way is not yet a week below).
 */
export function wholeWeeksBefore(to: string, today: string, n: number): { from: string; to: string }[] {
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const end = Math.min(Date.parse(`${to}T00:00:00Z`), Date.parse(`${today}T00:00:00Z`) - day);
  // getUTCDay: Sunday 0; step back to the Sunday on or before `end`.
  const sunday = end - new Date(end).getUTCDay() * day;
  const out: { from: string; to: string }[] = [];
  for (let k = n - 1; k >= 0; k--) out.push({ from: iso(sunday - (7 * k + 6) * day), to: iso(sunday - 7 * k * day) });
  return out;
}

/** Longest period a report or dashboard covers, in days (a year plus a leap day). */
export const MAX_PERIOD_DAYS = 366;

/** The period before [from, to] of the same length, ending the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const day = 86_400_000;
  const f = Date.parse(`${from}T00:00:00Z`);
  const t = Date.parse(`${to}T00:00:00Z`);
  const len = Math.round((t - f) / day) + 1;
  // A whole year or half-year compares with the same calendar span a year or half-year before.
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (from.slice(5) === '01-01' && to.slice(5) === '12-31' && from.slice(0, 4) === to.slice(0, 4)) {
    const y = Number(from.slice(0, 4)) - 1;
    return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
  return { from: iso(f - len * day), to: iso(f - day) };
}

/** Trend buckets of a period: months for a period longer than ~two months, ISO-ish 7-day steps otherwise. */
export function trendBuckets(from: string, to: string): { label: string; from: string; to: string }[] {
  const out: { label: string; from: string; to: string }[] = [];
  const day = 86_400_000;
  const f = Date.parse(`${from}T00:00:00Z`);
  const t = Date.parse(`${to}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if ((t - f) / day > 62) {
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7));
    for (;;) {
      const start = `${y}-${String(m).padStart(2, '0')}-01`;
      const endMs = Date.UTC(y, m, 0);
      const s = start < from ? from : start;
      const e = iso(endMs) > to ? to : iso(endMs);
      if (s > to) break;
      out.push({ label: `${y}-${String(m).padStart(2, '0')}`, from: s, to: e });
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
    return out;
  }
  for (let s = f; s <= t; s += 7 * day) {
    const e = Math.min(s + 6 * day, t);
    out.push({ label: iso(s).slice(5), from: iso(s), to: iso(e) });
  }
  return out;
}

/**
 * Section headings for the practices the registry names. The registry carries indicator
 * labels but no module label; a module not listed here is headed by its name until it is.
 */
export const MODULE_LABELS: Record<string, { zh: string; en: string }> = {
  appeals: { zh: '职工诉求', en: 'Workers’ appeals' },
  heartBridge: { zh: '《心桥》家校联系', en: 'Heart Bridge home–school book' },
  moralEducation: { zh: '十分钟思想教育', en: 'Ten-minute moral education' },
  congress: { zh: '职工代表大会', en: 'Workers’ congress' },
  meetings: { zh: '例会与联席会', en: 'Meetings' },
  mediation: { zh: '劳动争议调解', en: 'Dispute mediation' },
  policies: { zh: '政策回应', en: 'Policy response' },
  surveys: { zh: '调研与问题排查', en: 'Surveys and screening' },
  teacherGrowth: { zh: '教师梯队培养', en: 'Tiered teacher growth' },
  contracts: { zh: '集体合同', en: 'Collective contracts' },
  notices: { zh: '厂务公开', en: 'Open affairs notices' },
  suggestions: { zh: '合理化建议', en: 'Suggestions' },
  lessonLogs: { zh: '35+10 课堂落实', en: '35+10 lessons' },
  honours: { zh: '先进评选与劳动竞赛', en: 'Honours and competitions' },
  hardship: { zh: '困难职工帮扶', en: 'Hardship assistance' },
};
export const moduleLabel = (m: string) => MODULE_LABELS[m] ?? { zh: m, en: m };

/** A figure as the report and the dashboard print it: 87.5%, 12, 3.5 小时, 12,800 元; — when there is nothing to count. */
export function formatFigure(unit: FigureUnit, value: number | null): string {
  if (value === null) return '—';
  if (unit === 'rate') return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  if (unit === 'hours') return `${value} 小时`;
  if (unit === 'workingDays') return `${value} 个工作日`;
  if (unit === 'yuan') return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
  return String(value);
}

/**
 * The target an org's alert threshold sets, as the report and the dashboard print it beside the
 * previous period: a threshold that alerts below a value asks for at least it (≥ 90.0%), one that
 * alerts above asks for at most it (≤ 5); '—' where the org set none.
 */
export function formatTarget(unit: FigureUnit, t: { direction: ThresholdDirection; value: number } | null | undefined): string {
  if (!t) return '—';
  return `${t.direction === 'below' ? '≥' : '≤'} ${formatFigure(unit, t.value)}`;
}

/** A practice's figures of the work done, and those of what the period leaves open (aspect 'open'), each in order. */
export function splitOpen<F extends { aspect?: 'open' }>(figures: readonly F[]): { done: F[]; open: F[] } {
  return { done: figures.filter((f) => f.aspect !== 'open'), open: figures.filter((f) => f.aspect === 'open') };
}

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
/** 一、二、… for headings of official documents. */
export const chineseOrdinal = (n: number) => CN_NUMBERS[n - 1] ?? String(n);
