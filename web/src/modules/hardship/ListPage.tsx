import { useState } from 'react';
import { Button, Card, Empty, Flex, Input, List, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CAUSES, HARDSHIP_PERMISSIONS as P, PROFILE_STATUSES, TIERS } from '@common/hardship';
import { useAuth } from '../../shared/auth/AuthContext';
import { download, type Query } from '../../api/client';
import { CursorPager } from '../../shared/CursorPager';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf } from '../../shared/listTable';
import { useIsMobile } from '../../shared/useIsMobile';
import { H, useHouseholds, type HouseholdQuery, type ProfileSummary, type SortKey } from './api';
import { StatusTag, TierTag, useLabel, yuan } from './labels';

/** One file as a phone card. */
function HouseholdCard({ h }: { h: ProfileSummary }) {
  const label = useLabel();
  return (
    <Link to={`/hardship/households/${h.id}`} data-testid="hardship-card" style={{ display: 'block', width: '100%' }}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" gap={8} wrap>
          <Typography.Text strong>{h.workerName}</Typography.Text>
          <Flex gap={4}>
            <TierTag tier={h.tier} />
            <StatusTag status={h.status} />
          </Flex>
        </Flex>
        <Typography.Text type="secondary">
          {h.code} · {h.causes.map(label.cause).join('、')}
        </Typography.Text>
      </Flex>
    </Link>
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
      {officer &&
        (['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            onClick={() =>
              void download(
                `${H}/export.${format}`,
                { ...query, page: undefined, pageSize: undefined, after: undefined } as unknown as Query,
                `困难职工档案.${format}`,
              )
            }
          >
            {format === 'csv' ? t('common:actions.exportCsv') : t('list.export')}
          </Button>
        ))}
    </Flex>
  );
  const filters = officer ? (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Select
        allowClear
        placeholder={t('list.allStatuses')}
        aria-label={t('list.allStatuses')}
        style={{ minWidth: 140 }}
        value={query.status}
        onChange={(v) => patch({ status: v })}
        options={PROFILE_STATUSES.map((s) => ({ value: s, label: label.status(s) }))}
        data-testid="hardship-filter-status"
      />
      <Select
        allowClear
        placeholder={t('list.allTiers')}
        aria-label={t('list.allTiers')}
        style={{ minWidth: 140 }}
        value={query.tier}
        onChange={(v) => patch({ tier: v })}
        options={TIERS.map((x) => ({ value: x, label: label.tier(x) }))}
      />
      <Select
        allowClear
        placeholder={t('list.allCauses')}
        aria-label={t('list.allCauses')}
        style={{ minWidth: 140 }}
        value={query.cause}
        onChange={(v) => patch({ cause: v })}
        options={CAUSES.map((x) => ({ value: x, label: label.cause(x) }))}
      />
      <Input.Search allowClear placeholder={t('list.search')} style={{ width: 220 }} onSearch={(q) => patch({ q: q || undefined })} />
    </Flex>
  ) : null;

  if (!officer || mobile) {
    return (
      <Page title={officer ? t('list.title') : t('list.mineTitle')} extra={extra}>
        {filters}
        <Card>
          <List
            loading={isFetching}
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={officer ? t('list.empty') : t('list.mineEmpty')} /> }}
            pagination={
              !query.after && data && data.total > query.pageSize
                ? { current: query.page, pageSize: query.pageSize, total: data.total, simple: true, onChange: (page) => setQuery((q) => ({ ...q, page })) }
                : false
            }
            renderItem={(h) => (
              <List.Item>
                <HouseholdCard h={h} />
              </List.Item>
            )}
          />
          <CursorPager query={query} data={data} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} testId="hardship-cursor-pager" />
        </Card>
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
