import { Flex, List, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DISQUALIFIER_REASONS, HONOURS_PERMISSIONS as P, NOMINATION_STATUSES } from '@common/honours';
import { useAuth } from '../../shared/auth/AuthContext';
import { CursorPager } from '../../shared/CursorPager';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf } from '../../shared/listTable';
import { ExportButtons } from '../../shared/ExportButtons';
import { FilterSelect } from '../../shared/FilterBar';
import { useIsMobile } from '../../shared/useIsMobile';
import { useUrlQuery } from '../../shared/useUrlFilters';
import { useHonours, useNominations, type NominationQuery, type Nominations } from './api';
import { NominationStatusTag, ReasonTags } from './labels';
import { CriteriaEditForm } from './CriteriaEditForm';
import { HonourForm } from './HonourForm';
import { NominateForm } from './NominateForm';
import { StatsCard } from './StatsCard';

type Row = Nominations['items'][number];
type SortKey = NonNullable<NominationQuery['sort']>;
/** The list filters the address may carry (a figure's drill names some of them). */
const FILTER_KEYS = ['honourId', 'status', 'reason', 'year', 'unitId', 'from', 'to', 'awarded', 'mine'] as const;

/** The union's review list with its figures; a department's nomination form and its own nominations. */
export default function HonoursPage() {
  const { t } = useTranslation('honours');
  const { can } = useAuth();
  const phone = useIsMobile();
  const union = can(P.read);
  const [url, patch] = useUrlQuery<NominationQuery>(FILTER_KEYS);
  // A department's list is what it nominated.
  const query: NominationQuery = { ...url, mine: union ? url.mine : '1' };
  const { data, isFetching } = useNominations(query);
  const { data: honours } = useHonours();
  const picked = honours?.find((h) => h.id === query.honourId);
  const showTotal = (n: number) => t('list.total', { total: data?.totalCapped ? `${n}+` : n });
  const team = (r: Row) => <Link to={`/honours/nominations/${r.id}`}>{r.teamName}</Link>;
  return (
    <Page title={t('list.title')}>
      <Flex vertical gap={16}>
        {can(P.nominate) && !union && <NominateForm />}
        {can(P.manage) && <HonourForm />}
        {union && <StatsCard />}
        <Flex gap={8} wrap>
          {can(P.manage) && picked && <CriteriaEditForm honour={picked} />}
          <FilterSelect
            label={t('list.allHonours')}
            minWidth={200}
            value={query.honourId}
            onChange={(honourId) => patch({ honourId })}
            options={(honours ?? []).map((h) => ({ value: h.id, label: h.name }))}
          />
          <FilterSelect
            label={t('list.allStatuses')}
            width={140}
            value={query.status}
            onChange={(status) => patch({ status })}
            options={NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          {union && (
            <FilterSelect
              label={t('list.allReasons')}
              minWidth={200}
              value={query.reason}
              onChange={(reason) => patch({ reason })}
              options={DISQUALIFIER_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
            />
          )}
          <ExportButtons
            path="/honour-nominations/export"
            query={query}
            fileName="荣誉推荐"
            formats={['xlsx', 'csv']}
            label={t('list.export')}
            testId="honours-export"
          />
        </Flex>
        {phone ? (
          <List
            loading={isFetching}
            dataSource={data?.items ?? []}
            locale={{ emptyText: t('list.empty') }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: data?.total ?? 0,
              simple: true,
              onChange: (page) => patch({ page }),
            }}
            renderItem={(r: Row) => (
              <List.Item extra={<NominationStatusTag status={r.status} />}>
                <List.Item.Meta title={team(r)} description={`${r.honourName} · ${r.unitName}`} />
              </List.Item>
            )}
          />
        ) : (
          <Table<Row>
            {...listTableProps<Row, SortKey>({ query, data, loading: isFetching, onChange: (p) => patch({ ...p }), showTotal })}
            locale={{ emptyText: t('list.empty') }}
            columns={[
              { key: 'teamName', title: t('list.team'), sorter: true, sortOrder: sortOrderOf(query, 'teamName'), render: (_, r) => team(r) },
              { key: 'unit', title: t('list.unit'), render: (_, r) => r.unitName },
              { key: 'honour', title: t('list.honour'), render: (_, r) => r.honourName },
              { key: 'status', title: t('list.status'), render: (_, r) => <NominationStatusTag status={r.status} /> },
              { key: 'reasons', title: t('list.reasons'), render: (_, r) => <ReasonTags reasons={r.reasons} /> },
              { key: 'score', title: t('list.score'), sorter: true, sortOrder: sortOrderOf(query, 'score'), render: (_, r) => r.score ?? '—' },
              { key: 'createdAt', title: t('list.date'), sorter: true, sortOrder: sortOrderOf(query, 'createdAt'), render: (_, r) => r.createdAt.slice(0, 10) },
            ]}
          />
        )}
        <CursorPager query={query} data={data} onChange={(p) => patch(p)} testId="honours-cursor-pager" />
      </Flex>
    </Page>
  );
}
