import { useState } from 'react';
import { Alert, Button, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_SETS, type ProposalSet } from '@common/congress';
import { useHeldSessions, useParticipation, useProposalDrill, useVotesInPeriod, type VotesInPeriod } from './api';
import { FigureCard, HeldCard, ParticipationCard, ProposalsDrillCard, pct } from './FigureCard';

/** The address's filters a work report's congress drill sets (`list=sessions|votes`, or a proposal `set`). */
const DRILL_KEYS = ['orgId', 'from', 'to', 'list', 'set', 'active'];
const LISTS = ['sessions', 'votes', 'participation'] as const;

/**
 * Where a work report's congress figure lands on /congress: a banner naming the figure's filters, with a clear, over
 * the rows it counts — the sessions held (attendance), the votes closed (turnout) or the proposals of a set (the rates).
 */
export function ReportDrill() {
  const { t } = useTranslation('congress');
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const list = params.get('list');
  const set = params.get('set') as ProposalSet | null;
  const q = { from: from ?? '', to: to ?? '', ...(params.get('orgId') ? { orgId: params.get('orgId')! } : {}) };
  const active = params.get('active') === '1' ? ('1' as const) : undefined;
  const kind = !from || !to ? null : (LISTS.find((l) => l === list) ?? (set && PROPOSAL_SETS.includes(set) ? ('proposals' as const) : null));
  const [page, setPage] = useState(1);
  const held = useHeldSessions(q, kind === 'sessions');
  const votes = useVotesInPeriod(q, kind === 'votes');
  const people = useParticipation({ ...q, ...(active ? { active } : {}) }, kind === 'participation');
  const proposals = useProposalDrill(kind === 'proposals' ? { ...q, ...(set ? { set } : {}) } : null, page);
  if (!kind) return null;

  const filters = [t('drill.period', { from, to }), q.orgId && t('drill.org'), set && t(`figures.sets.${set}`), active && t('drill.active')]
    .filter(Boolean)
    .join('，');
  const clear = () => setParams(Object.fromEntries([...params].filter(([k]) => !DRILL_KEYS.includes(k))), { replace: true });
  return (
    <>
      <Alert
        type="info"
        showIcon
        message={t('drill.banner', { filters })}
        action={
          <Button size="small" onClick={clear} data-testid="congress-clear-drill">
            {t('drill.clear')}
          </Button>
        }
        data-testid="congress-drill"
      />
      {kind === 'sessions' && <HeldCard title={t('drill.sessions')} testId="congress-drill-list" rows={held.data ?? []} loading={held.isFetching} />}
      {kind === 'votes' && (
        <FigureCard<VotesInPeriod[number]>
          title={t('drill.votes')}
          testId="congress-drill-list"
          rowKey="id"
          loading={votes.isFetching}
          rows={votes.data ?? []}
          columns={[
            { key: 'title', title: t('drill.vote'), render: (_, v) => <Link to={`/congress/sessions/${v.sessionId}`}>{`${v.sessionName} · ${v.title}`}</Link> },
            { key: 'voted', title: t('drill.votedOf'), render: (_, v) => (v.result ? `${v.result.voted}/${v.result.representatives}` : '—') },
            { key: 'turnout', title: t('drill.turnout'), render: (_, v) => (v.result ? pct(v.result.voted, v.result.representatives) : '—') },
            {
              key: 'result',
              title: t('drill.result'),
              render: (_, v) =>
                v.result && <Tag color={v.result.passed ? 'success' : 'warning'}>{v.result.passed ? t('drill.passed') : t('drill.failed')}</Tag>,
            },
          ]}
        />
      )}
      {kind === 'participation' && (
        <ParticipationCard title={t('drill.participation')} testId="congress-drill-list" rows={people.data ?? []} loading={people.isFetching} />
      )}
      {kind === 'proposals' && (
        <ProposalsDrillCard
          title={t('drill.proposals', { set: set ? t(`figures.sets.${set}`) : t('drill.allProposals') })}
          testId="congress-drill-list"
          rows={proposals.data?.items ?? []}
          total={proposals.data?.total ?? 0}
          loading={proposals.isFetching}
          page={page}
          onPage={setPage}
        />
      )}
    </>
  );
}
