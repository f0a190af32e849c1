import { useState } from 'react';
import { Button, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SUGGESTION_PERMISSIONS as P, SUGGESTION_STATUSES } from '@common/suggestions';
import { useAuth } from '../../shared/auth/AuthContext';
import { CardList, RecordCard } from '../../shared/CardList';
import { CursorPager } from '../../shared/CursorPager';
import { ExportButtons } from '../../shared/ExportButtons';
import { FilterBar, FilterSelect } from '../../shared/FilterBar';
import CampaignForm from './CampaignForm';
import { Page } from '../../shared/Page';
import { Tabs } from '../../shared/Tabs';
import { useIsMobile } from '../../shared/useIsMobile';
import { useCampaigns, useSuggestions, type SuggestionQuery, type SuggestionSummary } from './api';
import { money, StatusTag, useLabel } from './labels';

type Tab = 'mine' | 'assigned' | 'all';

function SuggestionCard({ s }: { s: SuggestionSummary }) {
  return (
    <RecordCard
      to={`/suggestions/${s.id}`}
      testId="suggestion-card"
      title={s.title}
      tags={<StatusTag status={s.status} />}
      lines={[`${s.code} · ${s.leadName}${s.teamName ? `（${s.teamName}）` : ''} · ${s.submittedAt.slice(0, 10)}`]}
      ellipsis
    />
  );
}

/**
 * One page for three callers: a worker's own suggestions (phone cards), an evaluator's queue,
 * and the union desk's list with filters. Drill-downs from the statistics open it with their filters.
 */
export default function ListPage() {
  const { t } = useTranslation('suggestions');
  const { can } = useAuth();
  const label = useLabel();
  const mobile = useIsMobile();
  const [params] = useSearchParams();
  const desk = can(P.oversee);
  const tabs: Tab[] = [...(can(P.submit) ? (['mine'] as const) : []), ...(can(P.evaluate) ? (['assigned'] as const) : []), ...(desk ? (['all'] as const) : [])];
  const drill = Object.fromEntries(params.entries());
  const [tab, setTab] = useState<Tab>(Object.keys(drill).length && desk ? 'all' : (tabs[0] ?? 'mine'));
  const [query, setQuery] = useState<SuggestionQuery>({ page: 1, pageSize: 20, ...drill });
  const effective: SuggestionQuery = { ...query, ...(tab === 'mine' ? { mine: '1' } : tab === 'assigned' ? { assigned: '1' } : {}) };
  const { data, isFetching } = useSuggestions(effective);
  const campaigns = useCampaigns();
  const [starting, setStarting] = useState(false);
  // A filter or a tab starts over from the newest; a numbered page leaves the cursor walk.
  const patch = (p: Partial<SuggestionQuery>) => setQuery((q) => ({ ...q, page: 1, after: undefined, ...p }));
  const changeTab = (k: Tab) => {
    setTab(k);
    setQuery((q) => ({ ...q, page: 1, after: undefined }));
  };
  const showTotal = (total: number) => t('list.total', { total: data?.totalCapped ? `${total}+` : total });
  const pager = <CursorPager query={query} data={data} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} testId="suggestion-cursor-pager" />;
  const submitButton = can(P.submit) ? (
    <Link to="/suggestions/new">
      <Button type="primary" data-testid="suggestion-new">
        {t('list.submit')}
      </Button>
    </Link>
  ) : desk ? (
    <Link to="/suggestions/statistics">
      <Button>{t('list.statistics')}</Button>
    </Link>
  ) : null;

  const filters =
    tab === 'all' ? (
      <FilterBar>
        <FilterSelect
          label={t('list.allCampaigns')}
          minWidth={200}
          value={query.campaignId}
          onChange={(v) => patch({ campaignId: v })}
          options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
        />
        <FilterSelect
          label={t('list.allStatuses')}
          value={query.status}
          onChange={(v) => patch({ status: v })}
          options={SUGGESTION_STATUSES.map((s) => ({ value: s, label: label.status(s) }))}
          testId="suggestion-filter-status"
        />
        <Input.Search allowClear placeholder={t('list.search')} style={{ width: 220 }} onSearch={(q) => patch({ q: q || undefined })} />
        <ExportButtons path="/suggestions/export" query={effective} fileName="合理化建议" label={t('list.export')} testId="suggestion-export" />
        <Button data-testid="campaign-new" onClick={() => setStarting(true)}>
          {t('campaign.new')}
        </Button>
        <CampaignForm open={starting} onClose={() => setStarting(false)} />
      </FilterBar>
    ) : null;

  const body =
    tab !== 'all' || mobile ? (
      <CardList
        query={query}
        data={data}
        loading={isFetching}
        empty={t('list.empty')}
        onPage={(page) => setQuery((q) => ({ ...q, page, after: undefined }))}
        onCursor={(p) => setQuery((q) => ({ ...q, ...p }))}
        renderItem={(s) => <SuggestionCard s={s} />}
        pagerTestId="suggestion-cursor-pager"
      />
    ) : (
      <>
        <Table<SuggestionSummary>
          size="middle"
          rowKey="id"
          data-testid="suggestion-table"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={
            query.after
              ? false
              : {
                  current: query.page,
                  pageSize: query.pageSize,
                  total: data?.total ?? 0,
                  showTotal,
                  onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize, after: undefined })),
                }
          }
          columns={[
            { title: t('list.code'), dataIndex: 'code', render: (code: string, s) => <Link to={`/suggestions/${s.id}`}>{code}</Link> },
            { title: t('list.titleCol'), dataIndex: 'title', ellipsis: true },
            { title: t('list.lead'), render: (_, s) => `${s.leadName}${s.teamName ? `（${s.teamName}）` : ''}` },
            { title: t('list.unit'), dataIndex: 'orgName' },
            { title: t('list.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
            { title: t('list.benefit'), dataIndex: 'benefit', align: 'right', render: (v: number | null) => money(v) },
            { title: t('list.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => v.slice(0, 10) },
          ]}
        />
        {pager}
      </>
    );

  return (
    <Page title={tab === 'mine' ? t('list.mineTitle') : tab === 'assigned' ? t('list.assignedTitle') : t('list.title')} extra={submitButton}>
      {tabs.length > 1 && (
        <Tabs
          activeKey={tab}
          onChange={(k) => changeTab(k as Tab)}
          items={tabs.map((k) => ({ key: k, label: t(`list.tab${k[0].toUpperCase()}${k.slice(1)}`) }))}
        />
      )}
      {filters}
      {body}
    </Page>
  );
}
