import { useState } from 'react';
import { Flex, List, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DISQUALIFIER_REASONS, HONOURS_PERMISSIONS as P, NOMINATION_STATUSES } from '@common/honours';
import { useAuth } from '../../app/auth/AuthContext';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf, type ListQueryPatch } from '../../shared/listTable';
import { useIsMobile } from '../../shared/useIsMobile';
import { useHonours, useNominations, type NominationQuery, type Nominations } from './api';
import { NominationStatusTag, ReasonTags } from './labels';
import { HonourForm } from './HonourForm';
import { NominateForm } from './NominateForm';
import { StatsCard } from './StatsCard';

type Row = Nominations['items'][number];
type SortKey = NonNullable<NominationQuery['sort']>;

/** The union's review list with its figures; a department's nomination form and its own nominations. */
export default function HonoursPage() {
  const { t } = useTranslation('honours');
  const { can } = useAuth();
  const phone = useIsMobile();
  const [params] = useSearchParams();
  const union = can(P.read);
  const [query, setQuery] = useState<NominationQuery>({
    page: 1,
    pageSize: 20,
    sort: 'createdAt',
    order: 'desc',
    status: params.get('status') ?? undefined,
    reason: params.get('reason') ?? undefined,
    mine: union ? undefined : '1',
  });
  const { data, isFetching } = useNominations(query);
  const { data: honours } = useHonours();
  const patch = (p: ListQueryPatch<SortKey> | Partial<NominationQuery>) => setQuery((q) => ({ ...q, page: 1, ...p }));
  const team = (r: Row) => <Link to={`/honours/nominations/${r.id}`}>{r.teamName}</Link>;
  return (
    <Page title={t('list.title')}>
      <Flex vertical gap={16}>
        {can(P.nominate) && !union && <NominateForm />}
        {can(P.manage) && <HonourForm />}
        {union && <StatsCard />}
        <Flex gap={8} wrap>
          <Select
            allowClear
            placeholder={t('list.allHonours')}
            aria-label={t('list.allHonours')}
            style={{ minWidth: 200 }}
            value={query.honourId}
            onChange={(honourId) => patch({ honourId })}
            options={(honours ?? []).map((h) => ({ value: h.id, label: h.name }))}
          />
          <Select
            allowClear
            placeholder={t('list.allStatuses')}
            aria-label={t('list.allStatuses')}
            style={{ width: 140 }}
            value={query.status}
            onChange={(status) => patch({ status })}
            options={NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          {union && (
            <Select
              allowClear
              placeholder={t('list.allReasons')}
              aria-label={t('list.allReasons')}
              style={{ minWidth: 200 }}
              value={query.reason}
              onChange={(reason) => patch({ reason })}
              options={DISQUALIFIER_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
            />
          )}
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
              onChange: (page) => setQuery((q) => ({ ...q, page })),
            }}
            renderItem={(r: Row) => (
              <List.Item extra={<NominationStatusTag status={r.status} />}>
                <List.Item.Meta title={team(r)} description={`${r.honourName} · ${r.unitName}`} />
              </List.Item>
            )}
          />
        ) : (
          <Table<Row>
            {...listTableProps<Row, SortKey>({ query, data, loading: isFetching, onChange: patch, showTotal: (n) => `${n}` })}
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
      </Flex>
    </Page>
  );
}
