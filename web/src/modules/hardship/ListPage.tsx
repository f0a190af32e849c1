import { useState } from 'react';
import { Button, Flex, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CAUSES, HARDSHIP_PERMISSIONS as P, PROFILE_STATUSES, TIERS } from '@common/hardship';
import { useAuth } from '../../shared/auth/AuthContext';
import { CardList, RecordCard } from '../../shared/CardList';
import { CursorPager } from '../../shared/CursorPager';
import { ExportButtons } from '../../shared/ExportButtons';
import { FilterBar, FilterSelect } from '../../shared/FilterBar';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf } from '../../shared/listTable';
import { useIsMobile } from '../../shared/useIsMobile';
import { H, useHouseholds, type HouseholdQuery, type ProfileSummary, type SortKey } from './api';
import { StatusTag, TierTag, useLabel, yuan } from './labels';

/** One file as a phone card. */
function HouseholdCard({ h }: { h: ProfileSummary }) {
  const label = useLabel();
  return (
    <RecordCard
      to={`/hardship/households/${h.id}`}
      testId="hardship-card"
      title={h.workerName}
      tags={
        <>
          <TierTag tier={h.tier} />
          <StatusTag status={h.status} />
        </>
      }
      lines={[`${h.code} · ${h.causes.map(label.cause).join('、')}`]}
    />
  );
}

/** The officers' list of files (filters, sorting, export), or on a phone and for a worker, cards. */
export default function ListPage() {
  const { t } = useTranslation('hardship');
  const { can } = useAuth();
  const label = useLabel();
  const mobile = useIsMobile();
  const officer = can(P.officer);
  const [query, setQuery] = useState<HouseholdQuery>({ page: 1, pageSize: 20 });
  const { data, isFetching } = useHouseholds(query);
  const patch = (p: Partial<HouseholdQuery>) => setQuery((q) => ({ ...q, page: 1, after: undefined, ...p }));
  const extra = (
    <Flex gap={8}>
      {can(P.apply) && (
        <Link to="/hardship/apply">
          <Button type="primary" data-testid="hardship-apply">
            {t('list.apply')}
          </Button>
        </Link>
      )}
      {officer && <ExportButtons path={`${H}/export`} query={query} fileName="困难职工档案" formats={['xlsx', 'csv']} label={t('list.export')} />}
    </Flex>
  );
  const filters = officer ? (
    <FilterBar>
      <FilterSelect
        label={t('list.allStatuses')}
        value={query.status}
        onChange={(v) => patch({ status: v })}
        options={PROFILE_STATUSES.map((s) => ({ value: s, label: label.status(s) }))}
        testId="hardship-filter-status"
      />
      <FilterSelect
        label={t('list.allTiers')}
        value={query.tier}
        onChange={(v) => patch({ tier: v })}
        options={TIERS.map((x) => ({ value: x, label: label.tier(x) }))}
      />
      <FilterSelect
        label={t('list.allCauses')}
        value={query.cause}
        onChange={(v) => patch({ cause: v })}
        options={CAUSES.map((x) => ({ value: x, label: label.cause(x) }))}
      />
      <Input.Search allowClear placeholder={t('list.search')} style={{ width: 220 }} onSearch={(q) => patch({ q: q || undefined })} />
    </FilterBar>
  ) : null;

  if (!officer || mobile) {
    return (
      <Page title={officer ? t('list.title') : t('list.mineTitle')} extra={extra}>
        {filters}
        <CardList
          query={query}
          data={data}
          loading={isFetching}
          empty={officer ? t('list.empty') : t('list.mineEmpty')}
          onPage={(page) => setQuery((q) => ({ ...q, page }))}
          onCursor={(p) => setQuery((q) => ({ ...q, ...p }))}
          renderItem={(h) => <HouseholdCard h={h} />}
          pagerTestId="hardship-cursor-pager"
        />
      </Page>
    );
  }

  const sorted = (key: SortKey) => ({ key, sorter: true, sortOrder: sortOrderOf(query, key) });
  return (
    <Page title={t('list.title')} extra={extra}>
      {filters}
      <Table<ProfileSummary>
        size="middle"
        data-testid="hardship-table"
        {...listTableProps<ProfileSummary, SortKey>({
          query,
          data,
          loading: isFetching,
          onChange: (p) => setQuery((q) => ({ ...q, after: undefined, ...p })),
          showTotal: (total) => t('list.total', { total: data?.totalCapped ? `${total}+` : total }),
        })}
        columns={[
          { title: t('list.code'), dataIndex: 'code', render: (code: string, h) => <Link to={`/hardship/households/${h.id}`}>{code}</Link>, ...sorted('code') },
          { title: t('list.worker'), dataIndex: 'workerName' },
          { title: t('list.org'), dataIndex: 'orgName', ellipsis: true },
          { title: t('list.tier'), dataIndex: 'tier', render: (v: string | null) => <TierTag tier={v} /> },
          { title: t('list.causes'), render: (_, h) => h.causes.map(label.cause).join('、') },
          { title: t('list.perHead'), dataIndex: 'incomePerHeadFen', align: 'right', render: (v: number) => yuan(v), ...sorted('incomePerHead') },
          { title: t('list.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: t('list.reviewDue'), dataIndex: 'reviewDue', render: (v: string | null) => v ?? '—', ...sorted('reviewDue') },
          { title: t('list.assistance'), dataIndex: 'assistanceFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('list.appliedAt'), dataIndex: 'appliedDate', ...sorted('appliedAt') },
        ]}
      />
      <CursorPager query={query} data={data} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} testId="hardship-cursor-pager" />
    </Page>
  );
}
