/** 职代会 queries and writes; shapes come from common/schemas/congress. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AttendanceRow,
  CastBallotResult,
  CongressSession,
  CongressTerm,
  CongressTermSummary,
  HeldSessions,
  Participation,
  VoteInPeriod,
  ProportionRules,
  Proposal,
  ProposalCuts,
  ProposalSummary,
  Representative,
  Vote,
  VoteSummary,
} from '@common/schemas/congress';
import type { ProposalCut, ProposalGrade, ProposalRating, ProposalStatus, RepresentativeCategory, ScreenOutcome, VoteChoice, VoteKind } from '@common/congress';
import { api } from '../../api/client';

export type Term = z.infer<typeof CongressTerm>;
export type TermSummary = z.infer<typeof CongressTermSummary>;
export type Session = z.infer<typeof CongressSession>;
export type Rep = z.infer<typeof Representative>;
export type Rules = z.infer<typeof ProportionRules>;
export type Attendance = z.infer<typeof AttendanceRow>;

export interface RosterQuery {
  page: number;
  pageSize: number;
  sort?: 'name' | 'delegation' | 'category';
  order?: 'asc' | 'desc';
  delegation?: string;
  category?: RepresentativeCategory;
  q?: string;
}

const KEY = 'congress';

export function useTerms() {
  return useQuery({ queryKey: [KEY, 'terms'], queryFn: () => api.get<{ items: TermSummary[] }>('/congress/terms').then((r) => r.items) });
}

export function useTerm(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'term', id], enabled: !!id, queryFn: () => api.get<Term>(`/congress/terms/${id}`) });
}

export function useRoster(termId: string | undefined, q: RosterQuery) {
  return useQuery({
    queryKey: [KEY, 'roster', termId, q],
    enabled: !!termId,
    queryFn: () => api.get<{ items: Rep[]; total: number }>(`/congress/terms/${termId}/representatives`, { ...q }),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'session', id], enabled: !!id, queryFn: () => api.get<Session>(`/congress/sessions/${id}`) });
}

export function useAttendance(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'attendance', id],
    enabled: !!id && enabled,
    queryFn: () => api.get<{ items: Attendance[] }>(`/congress/sessions/${id}/attendance`).then((r) => r.items),
  });
}

/** A write that refreshes every congress query after it lands. */
function useCongressWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export const usePutRules = (termId: string) => useCongressWrite((rules: Rules) => api.put<Term>(`/congress/terms/${termId}/rules`, rules));
export const useSignIn = (sessionId: string) => useCongressWrite(() => api.post<Session>(`/congress/sessions/${sessionId}/sign-in`));
export const useOpenSession = (sessionId: string) => useCongressWrite(() => api.post<Session>(`/congress/sessions/${sessionId}/open`));
export const useCloseSession = (sessionId: string) => useCongressWrite(() => api.post<Session>(`/congress/sessions/${sessionId}/close`));
export const usePutAttendance = (sessionId: string) =>
  useCongressWrite((body: { representativeId: string; present: boolean; absenceReason?: string }) =>
    api.put<Session>(`/congress/sessions/${sessionId}/attendance`, body),
  );

export type ProposalRow = z.infer<typeof ProposalSummary>;
export interface ProposalQuery {
  page: number;
  pageSize: number;
  sort?: 'submittedAt' | 'number' | 'seconds';
  order?: 'asc' | 'desc';
  status?: ProposalStatus;
  q?: string;
}
export function useProposals(sessionId: string, q: ProposalQuery) {
  return useQuery({
    queryKey: [KEY, 'proposals', sessionId, q],
    queryFn: () => api.get<{ items: ProposalRow[]; total: number }>(`/congress/sessions/${sessionId}/proposals`, { sort: 'submittedAt', order: 'desc', ...q }),
    placeholderData: keepPreviousData,
  });
}
/** A handler's desk: proposals assigned to the caller's department. */
export function useAssigned(q: ProposalQuery) {
  return useQuery({
    queryKey: [KEY, 'assigned', q],
    queryFn: () => api.get<{ items: ProposalRow[]; total: number }>('/congress/proposals/assigned', { sort: 'submittedAt', order: 'desc', ...q }),
    placeholderData: keepPreviousData,
  });
}
export type ProposalDetail = z.infer<typeof Proposal>;
export function useProposal(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'proposal', id], enabled: !!id, queryFn: () => api.get<ProposalDetail>(`/congress/proposals/${id}`) });
}
const proposalAct =
  <B>(id: string, path: string) =>
  (body: B) =>
    api.post<ProposalDetail>(`/congress/proposals/${id}/${path}`, body);
export const useScreen = (id: string) => useCongressWrite(proposalAct<{ outcome: ScreenOutcome; reason: string; mergeIntoId?: string }>(id, 'screen'));
export const useAssign = (id: string) => useCongressWrite(proposalAct<{ departmentId: string; coDepartmentIds: string[]; days?: number }>(id, 'assign'));
export const useAnswer = (id: string) => useCongressWrite(proposalAct<{ answer: string }>(id, 'answer'));
export const useRate = (id: string) => useCongressWrite(proposalAct<{ rating: ProposalRating }>(id, 'rate'));
export const useGrade = (id: string) => useCongressWrite(proposalAct<{ grade: ProposalGrade; reason: string }>(id, 'grade'));
export const usePublish = (sessionId: string) => useCongressWrite(() => api.post<{ published: number }>(`/congress/sessions/${sessionId}/publish`));

export type VoteRow = z.infer<typeof VoteSummary>;
export type VoteDetail = z.infer<typeof Vote>;
export function useVotes(sessionId: string) {
  return useQuery({
    queryKey: [KEY, 'votes', sessionId],
    queryFn: () => api.get<{ items: VoteRow[] }>(`/congress/sessions/${sessionId}/votes`).then((r) => r.items),
  });
}
export function useVote(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'vote', id], enabled: !!id, queryFn: () => api.get<VoteDetail>(`/congress/votes/${id}`) });
}
export const useCreateVote = (sessionId: string) =>
  useCongressWrite((body: { title: string; kind: VoteKind; secret: boolean; description?: string; departmentId?: string }) =>
    api.post<VoteDetail>(`/congress/sessions/${sessionId}/votes`, body),
  );
export const useOpenVote = () => useCongressWrite((voteId: string) => api.post<VoteDetail>(`/congress/votes/${voteId}/open`));
export const useCloseVote = () => useCongressWrite((voteId: string) => api.post<VoteDetail>(`/congress/votes/${voteId}/close`));
export const useCast = () =>
  useCongressWrite((b: { voteId: string; choice: VoteChoice }) =>
    api.post<z.infer<typeof CastBallotResult>>(`/congress/votes/${b.voteId}/ballot`, { choice: b.choice }),
  );
export const useVerify = () =>
  useMutation({
    mutationFn: (b: { voteId: string; receipt: string; choice: VoteChoice }) =>
      api.post<{ counted: boolean }>(`/congress/votes/${b.voteId}/verify`, { receipt: b.receipt, choice: b.choice }),
  });
export const useRaise = (sessionId: string) =>
  useCongressWrite((body: { title: string; reasons: string; solution: string }) => api.post<ProposalRow>(`/congress/sessions/${sessionId}/proposals`, body));
export const useSecond = () => useCongressWrite((proposalId: string) => api.post<ProposalRow>(`/congress/proposals/${proposalId}/second`));

export type Cuts = z.infer<typeof ProposalCuts>;
export type ParticipationRows = z.infer<typeof Participation>['rows'];
export const useProposalCuts = (q: { from: string; to: string; by: ProposalCut }) =>
  useQuery({
    queryKey: [KEY, 'cuts', q],
    queryFn: () => api.get<Cuts>('/congress/proposals/cuts', { from: q.from, to: q.to, cut: q.by }),
    placeholderData: keepPreviousData,
  });
export type HeldRows = z.infer<typeof HeldSessions>['items'];
/** The sessions held in the period with their attendance: the rows the attendance figure sums. */
export const useHeldSessions = (q: { from: string; to: string; orgId?: string }, enabled = true) =>
  useQuery({
    queryKey: [KEY, 'held', q],
    enabled,
    queryFn: () => api.get<z.infer<typeof HeldSessions>>('/congress/sessions/held', { ...q }).then((r) => r.items),
  });
export const useParticipation = (q: { from: string; to: string; orgId?: string; active?: '1' }, enabled = true) =>
  useQuery({
    queryKey: [KEY, 'participation', q],
    enabled,
    queryFn: () => api.get<z.infer<typeof Participation>>('/congress/representatives/participation', { ...q }).then((r) => r.rows),
  });
/** The proposals behind one figure: a cut's row (or a representative's) and a set, as GET /congress/proposals lists them. */
export const useProposalDrill = (drill: Record<string, string> | null, page: number) =>
  useQuery({
    queryKey: [KEY, 'drill', drill, page],
    enabled: !!drill,
    queryFn: () => api.get<{ items: ProposalRow[]; total: number }>('/congress/proposals', { ...drill, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
export type VotesInPeriod = z.infer<typeof VoteInPeriod>[];
/** The votes closed at the sessions held in the period, each with its turnout: the rows the turnout figure sums. */
export const useVotesInPeriod = (q: { from: string; to: string; orgId?: string }, enabled: boolean) =>
  useQuery({
    queryKey: [KEY, 'votesInPeriod', q],
    enabled,
    queryFn: () => api.get<{ items: VotesInPeriod }>('/congress/votes', { ...q }).then((r) => r.items),
  });
