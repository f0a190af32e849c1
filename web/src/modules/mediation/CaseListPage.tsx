import { Button, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_LIGHTS, CASE_STATUSES, CLAIM_TYPES, MEDIATION_PERMISSIONS as P } from '@common/mediation';
import { useAuth } from '../../shared/auth/AuthContext';
import { CardList, RecordCard } from '../../shared/CardList';
import { CursorPager } from '../../shared/CursorPager';
import { DrillBanner } from '../../shared/DrillBanner';
import { FilterBar, FilterSelect } from '../../shared/FilterBar';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf } from '../../shared/listTable';
import { useIsMobile } from '../../shared/useIsMobile';
import { useUrlQuery } from '../../shared/useUrlFilters';
import { useCases, type CaseQuery, type CaseSummary, type SortKey } from './api';
import { dueOf, LightTag, StatusTag, useLabel } from './labels';

/** The list filters the address may carry: the controls' own, and those a figure's drill sets. */
const FILTER_KEYS = ['status', 'light', 'claimType', 'q', 'orgId', 'appliedFrom', 'appliedTo', 'closedFrom', 'closedTo', 'onTime', 'within15'] as const;
/** Those the desk has no control for (and a status list): shown as one banner with a clear. */
const DRILL_KEYS = ['orgId', 'appliedFrom', 'appliedTo', 'closedFrom', 'closedTo', 'onTime', 'within15'] as const;

const money = (y: number) => y.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** One case as a phone card: who against whom, where it stands, the light of its clock. */
function CaseCard({ c }: { c: CaseSummary }) {
  const label = useLabel();
  return (
    <RecordCard
      to={`/mediation/cases/${c.id}`}
      testId="mediation-case-card"
      title={c.applicantName}
      tags={
        <>
          <LightTag light={c.clocks.light} due={dueOf(c)} />
          <StatusTag status={c.status} />
        </>
      }
      lines={[`${c.code} · ${c.respondent}`, `${c.claimTypes.map(label.claim).join('、')} ${c.claimedAmount ? `· ${money(c.claimedAmount)} 元` : ''}`]}
    />
  );
}

/** The mediator desk (every case one may see, with lights, filters and sorting), or a worker's own cases. */
export default function CaseListPage() {
  const { t } = useTranslation('mediation');
  const { can } = useAuth();
  const label = useLabel();
  const mobile = useIsMobile();
  const desk = can(P.desk);
  const [query, patch, params] = useUrlQuery<CaseQuery>(FILTER_KEYS);
  const { data, isFetching } = useCases(query);
  // A figure's drill may ask for several statuses at once (agreed or referred): the banner says so, the picker stays empty.
  const statusList = query.status?.includes(',');
  const drilled = [...DRILL_KEYS.filter((k) => params.get(k)), ...(statusList ? (['status'] as const) : [])];
  const showTotal = (total: number) => t('list.total', { total: data?.totalCapped ? `${total}+` : total });
  const applyButton = desk ? (
    <Link to="/mediation/register">
      <Button type="primary" data-testid="mediation-register">
        {t('register.button')}
      </Button>
    </Link>
  ) : can(P.apply) ? (
    <Link to="/mediation/new">
      <Button type="primary" data-testid="mediation-apply">
        {t('list.apply')}
      </Button>
    </Link>
  ) : null;

  const filters = desk ? (
    <FilterBar>
      <FilterSelect
        label={t('list.allStatuses')}
        value={statusList ? undefined : query.status}
        onChange={(v) => patch({ status: v })}
        options={CASE_STATUSES.map((s) => ({ value: s, label: label.status(s) }))}
        testId="mediation-filter-status"
      />
      <FilterSelect
        label={t('list.allLights')}
        minWidth={120}
        value={query.light}
        onChange={(v) => patch({ light: v })}
        options={CASE_LIGHTS.filter((l) => l !== 'none').map((l) => ({ value: l, label: t(`light.${l}`) }))}
        testId="mediation-filter-light"
      />
      <FilterSelect
        label={t('list.allClaims')}
        value={query.claimType}
        onChange={(v) => patch({ claimType: v })}
        options={CLAIM_TYPES.map((c) => ({ value: c, label: label.claim(c) }))}
      />
      <Input.Search allowClear defaultValue={query.q} placeholder={t('list.search')} style={{ width: 240 }} onSearch={(q) => patch({ q: q || undefined })} />
      {drilled.length > 0 && (
        <DrillBanner
          style={{ width: '100%' }}
          testId="mediation-drill"
          message={t('list.drilled', {
            filters: drilled
              .map((k) => (k === 'status' ? query.status!.split(',').map(label.status).join('/') : t(`list.drillKeys.${k}`, { v: params.get(k) })))
              .join('、'),
          })}
          clearLabel={t('list.clearDrill')}
          onClear={() => patch(Object.fromEntries(drilled.map((k) => [k, undefined])))}
        />
      )}
    </FilterBar>
  ) : null;

  if (!desk || mobile) {
    return (
      <Page title={desk ? t('list.title') : t('list.mineTitle')} extra={applyButton}>
        {filters}
        <CardList
          query={query}
          data={data}
          loading={isFetching}
          empty={t('list.empty')}
          onPage={(page) => patch({ page })}
          onCursor={(p) => patch(p)}
          renderItem={(c) => <CaseCard c={c} />}
          pagerTestId="mediation-cursor-pager"
        />
      </Page>
    );
  }

  const sorted = (key: SortKey) => ({ key, sorter: true, sortOrder: sortOrderOf(query, key) });
  return (
    <Page title={t('list.title')} extra={applyButton}>
      {filters}
      <Table<CaseSummary>
        size="middle"
        data-testid="mediation-table"
        {...listTableProps<CaseSummary, SortKey>({
          query,
          data,
          loading: isFetching,
          onChange: (p) => patch({ ...p }),
          showTotal,
        })}
        columns={[
          { title: t('list.code'), dataIndex: 'code', render: (code: string, c) => <Link to={`/mediation/cases/${c.id}`}>{code}</Link> },
          { title: t('list.applicant'), dataIndex: 'applicantName' },
          { title: t('list.respondent'), dataIndex: 'respondent', ellipsis: true },
          { title: t('list.claims'), render: (_, c) => c.claimTypes.map(label.claim).join('、') },
          { title: t('list.claimed'), dataIndex: 'claimedAmount', align: 'right', render: (v: number) => (v ? money(v) : '—') },
          { title: t('list.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: t('list.light'), render: (_, c) => <LightTag light={c.clocks.light} due={dueOf(c)} /> },
          { title: t('list.acceptDue'), dataIndex: ['clocks', 'acceptDue'], ...sorted('acceptDue') },
          { title: t('list.mediationDue'), dataIndex: ['clocks', 'mediationDue'], render: (v: string | null) => v ?? '—', ...sorted('mediationDue') },
          { title: t('list.appliedAt'), dataIndex: 'appliedAt', render: (v: string) => v.slice(0, 10), ...sorted('appliedAt') },
        ]}
      />
      <CursorPager query={query} data={data} onChange={(p) => patch(p)} testId="mediation-cursor-pager" />
    </Page>
  );
}
