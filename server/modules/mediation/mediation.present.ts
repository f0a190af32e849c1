/** Rows to API shapes: amounts from fen to yuan, clocks and lights computed for today. */
import type { CaseSummary } from '../../../common/schemas/mediation.js';
import type { CaseStatus, ClaimType, ApplicantKind } from '../../../common/mediation.js';
import { clocksOf } from './mediation.clocks.js';
import type { CaseRow } from './mediation.repository.js';

export const yuan = (fen: number | string | null) => (fen === null ? null : Number(fen) / 100);
export const fen = (y: number) => Math.round(y * 100);

export function summaryOf(row: CaseRow, claimTypes: ClaimType[], today: string): CaseSummary {
  return {
    id: row.id,
    code: row.code,
    status: row.status as CaseStatus,
    applicantName: row.applicant_name,
    applicantKind: row.applicant_kind as ApplicantKind,
    respondent: row.respondent,
    orgName: row.org_name,
    claimTypes: [...new Set(claimTypes)],
    claimedAmount: yuan(row.claimed_cents)!,
    agreedAmount: yuan(row.agreed_cents),
    paidAmount: yuan(row.paid_cents)!,
    appliedAt: row.applied_at,
    acceptedOn: row.accepted_on,
    closedOn: row.closed_on,
    clocks: clocksOf(row, today),
  };
}
