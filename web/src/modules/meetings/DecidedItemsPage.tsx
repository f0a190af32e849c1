import { useState } from 'react';
import { Button, Checkbox, Flex, List, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DECIDED_ITEM_STATUSES } from '@common/decidedItems';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf, type ListQueryPatch } from '../../shared/listTable';
import { useExport } from '../../shared/useExport';
import { useIsMobile } from '../../shared/useIsMobile';
import { exportDecidedItems, useDecidedItems, type DecidedQuery, type DecidedRow } from './api';
import { DecidedProgress, DecidedStatusTag } from './labels';

type SortKey = NonNullable<DecidedQuery['sort']>;
const SOURCES = ['meetings.decision', 'congress.proposal', 'congress.resolution'];

/** The board: every item the user oversees or carries, filtered, sorted, exported. On a phone, cards. */
export default function DecidedItemsPage() {
  const { t } = useTranslation('meetings');
  const phone = useIsMobile();
  const [query, setQuery] = useState<DecidedQuery>({ page: 1, pageSize: 20, sort: 'dueDate', order: 'asc' });
  const { data, isFetching } = useDecidedItems(query);
  const [exporting, runExport] = useExport();
  const patch = (p: ListQueryPatch<SortKey> | Partial<DecidedQuery>) => setQuery((q) => ({ ...q, page: 1, ...p }));
  const showTotal = (n: number) => `${n}`;

  const filters = (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Select
        allowClear
        placeholder={t('board.allStatuses')}
        aria-label={t('board.allStatuses')}
        style={{ width: 140 }}
        value={query.status}
        onChange={(status) => patch({ status })}
        options={DECIDED_ITEM_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        data-testid="decided-status"
      />
      <Select
        allowClear
        placeholder={t('board.allSources')}
        aria-label={t('board.allSources')}
        style={{ width: 160 }}
        value={query.sourceKind}
        onChange={(sourceKind) => patch({ sourceKind })}
        options={SOURCES.map((s) => ({ value: s, label: t(`board.sources.${s}`) }))}
      />
      <Checkbox checked={query.mine === '1'} onChange={(e) => patch({ mine: e.target.checked ? '1' : undefined })}>
        {t('board.mine')}
      </Checkbox>
    </Flex>
  );

  return (
    <Page
      title={t('board.title')}
      extra={
        <Button loading={exporting} onClick={() => runExport(() => exportDecidedItems(query))}>
          {t('board.export')}
        </Button>
      }
    >
      {filters}
      {phone ? (
        <List
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('board.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            simple: true,
            onChange: (page) => setQuery((q) => ({ ...q, page })),
          }}
          renderItem={(r: DecidedRow) => (
            <List.Item>
              <Flex vertical style={{ width: '100%' }} gap={4}>
                <Link to={`/decided-items/${r.id}`}>{r.title}</Link>
                <Typography.Text type="secondary">{r.source.label}</Typography.Text>
                <Flex justify="space-between" align="center" gap={8}>
                  <DecidedStatusTag status={r.status} />
                  <span>
                    {r.ownerName} · {r.dueDate}
                  </span>
                </Flex>
                <DecidedProgress status={r.status} progress={r.progress} small />
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<DecidedRow>
          {...listTableProps<DecidedRow, SortKey>({ query, data, loading: isFetching, onChange: patch, showTotal })}
          locale={{ emptyText: t('board.empty') }}
          columns={[
            {
              key: 'title',
              title: t('board.item'),
              sorter: true,
              sortOrder: sortOrderOf(query, 'title'),
              render: (_, r) => <Link to={`/decided-items/${r.id}`}>{r.title}</Link>,
            },
            { key: 'source', title: t('board.source'), render: (_, r) => r.source.label },
            { key: 'owner', title: t('board.owner'), render: (_, r) => r.ownerName },
            { key: 'dueDate', title: t('board.due'), sorter: true, sortOrder: sortOrderOf(query, 'dueDate'), render: (_, r) => r.dueDate },
            { key: 'status', title: '', render: (_, r) => <DecidedStatusTag status={r.status} /> },
            {
              key: 'progress',
              title: t('board.progress'),
              sorter: true,
              sortOrder: sortOrderOf(query, 'progress'),
              render: (_, r) => <DecidedProgress status={r.status} progress={r.progress} small />,
            },
          ]}
        />
      )}
    </Page>
  );
}
