import { Button, Checkbox, Flex, List, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DECIDED_ITEM_STATUSES } from '@common/decidedItems';
import { DrillBanner } from '../../shared/DrillBanner';
import { FilterBar, FilterSelect } from '../../shared/FilterBar';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf, type ListQueryPatch } from '../../shared/listTable';
import { useExport } from '../../shared/useExport';
import { useIsMobile } from '../../shared/useIsMobile';
import { exportDecidedItems, useDecidedCuts, useDecidedItems, type DecidedQuery, type DecidedRow } from './api';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { DRILL_KEYS, DUE_BUCKETS, queryFromParams } from './boardQuery';
import { DecidedCutsCard } from './DecidedCutsCard';
import { DecidedProgress, DecidedStatusTag } from './labels';

type SortKey = NonNullable<DecidedQuery['sort']>;
const SOURCES = ['meetings.decision', 'congress.proposal', 'congress.resolution'];

/**
 * The board: every item the user oversees or carries, filtered by status, source, owner and due date, sorted,
 * exported; the filters are kept in the address (a figure's drill opens it so). Above it, the figures per owner
 * and source. On a phone, cards.
 */
export default function DecidedItemsPage() {
  const { t } = useTranslation('meetings');
  const phone = useIsMobile();
  const { params, setParams, query: fromUrl, patch: patchUrl } = useUrlFilters(queryFromParams);
  const { due, ...query } = fromUrl;
  const { data, isFetching } = useDecidedItems(query);
  // The owners to pick from: everyone owning an item the caller's board holds, over any due date.
  const owners = useDecidedCuts({ from: '2000-01-01', to: '2099-12-31', cut: 'owner' }).data?.rows ?? [];
  const [exporting, runExport] = useExport();
  const patch = (p: ListQueryPatch<SortKey> | Record<string, string | number | undefined>) => patchUrl({ ...p });
  const drilled = DRILL_KEYS.filter((k) => params.get(k));
  const showTotal = (n: number) => (data?.totalCapped ? '2000+' : `${n}`);

  const filters = (
    <FilterBar>
      <FilterSelect
        label={t('board.allStatuses')}
        width={140}
        value={due === 'overdue' ? undefined : query.status}
        onChange={(status) => patch({ status, due: due === 'overdue' ? undefined : due })}
        options={DECIDED_ITEM_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        testId="decided-status"
      />
      <FilterSelect
        label={t('board.allSources')}
        width={160}
        value={query.sourceKind}
        onChange={(sourceKind) => patch({ sourceKind })}
        options={SOURCES.map((s) => ({ value: s, label: t(`board.sources.${s}`) }))}
      />
      <FilterSelect
        label={t('board.allOwners')}
        width={160}
        search
        value={query.ownerAccountId}
        onChange={(ownerAccountId) => patch({ ownerAccountId })}
        options={owners.map((o) => ({ value: o.key, label: o.label }))}
        testId="decided-owner"
      />
      <FilterSelect
        label={t('board.allDue')}
        width={140}
        value={due}
        onChange={(d) => patch({ due: d, dueFrom: undefined, dueTo: undefined })}
        options={DUE_BUCKETS.map((b) => ({ value: b, label: t(`board.dueBuckets.${b}`) }))}
        testId="decided-due"
      />
      <Checkbox checked={query.mine === '1'} onChange={(e) => patch({ mine: e.target.checked ? '1' : undefined })}>
        {t('board.mine')}
      </Checkbox>
    </FilterBar>
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
      {!phone && <DecidedCutsCard onDrill={(f) => setParams(new URLSearchParams(f))} />}
      {filters}
      {drilled.length > 0 && (
        <DrillBanner
          testId="decided-drill"
          message={t('board.drilled', { filters: drilled.map((k) => t(`board.drillKeys.${k}`, { v: params.get(k) })).join('、') })}
          clearLabel={t('board.clearDrill')}
          onClear={() => patch(Object.fromEntries(drilled.map((k) => [k, undefined])))}
        />
      )}
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
            onChange: (page) => patch({ page }),
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
