/** Rows → API shapes. */
import type { Cause, ProfileStatus, Tier } from '../../../common/hardship.js';
import type { ProfileSummary } from '../../../common/schemas/hardship.js';
import type { ProfileRow } from './hardship.repository.js';

export function summaryOf(r: ProfileRow, causes: string[]): ProfileSummary {
  return {
    id: r.id,
    code: r.code,
    workerName: r.worker_name,
    orgName: r.org_name,
    status: r.status as ProfileStatus,
    tier: (r.tier as Tier | null) ?? null,
    causes: causes as Cause[],
    incomePerHeadFen: Number(r.income_per_head_fen),
    householdSize: Number(r.household_size),
    appliedDate: r.applied_date,
    noticeTo: r.notice_to,
    filedOn: r.filed_on,
    reviewDue: r.review_due,
    exitedOn: r.exited_on,
    assistanceFen: Number(r.assistance_fen),
  };
}
