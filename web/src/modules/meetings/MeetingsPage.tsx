import { useState } from 'react';
import { List, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETING_KINDS } from '@common/meetings';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf, type ListQueryPatch } from '../../shared/listTable';
import { useIsMobile } from '../../shared/useIsMobile';
import { useAuth } from '../../shared/auth/AuthContext';
import { MEETINGS_PERMISSIONS } from '@common/meetings';
import { useMeetings, type MeetingQuery, type Meetings } from './api';
import { PlanMeetingCard } from './PlanMeetingCard';

type Row = Meetings['items'][number];
type SortKey = NonNullable<MeetingQuery['sort']>;

/** Union meetings and joint meetings, newest first; attendees see the meetings they attend. */
export default function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const phone = useIsMobile();
  const { can } = useAuth();
  const [query, setQuery] = useState<MeetingQuery>({ page: 1, pageSize: 20, sort: 'plannedDate', order: 'desc' });
  const { data, isFetching } = useMeetings(query);
  const patch = (p: ListQueryPatch<SortKey> | Partial<MeetingQuery>) => setQuery((q) => ({ ...q, page: 1, ...p }));
  const status = (r: Row) => (
    <Tag color={r.status === 'published' ? 'green' : r.status === 'cancelled' ? 'default' : 'blue'}>{t(`meetingStatus.${r.status}`)}</Tag>
  );
  return (
    <Page title={t('meetings.title')}>
      {can(MEETINGS_PERMISSIONS.manage) && <PlanMeetingCard />}
      <Select
        allowClear
        placeholder={t('meetings.allKinds')}
        aria-label={t('meetings.allKinds')}
        style={{ width: 160, marginBottom: 12 }}
        value={query.kind}
        onChange={(kind) => patch({ kind })}
        options={MEETING_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      {phone ? (
        <List
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('meetings.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            simple: true,
            onChange: (page) => setQuery((q) => ({ ...q, page })),
          }}
          renderItem={(r: Row) => (
            <List.Item extra={status(r)}>
              <List.Item.Meta title={<Link to={`/meetings/${r.id}`}>{r.title}</Link>} description={`${r.plannedDate} · ${r.seriesName}`} />
            </List.Item>
          )}
        />
      ) : (
        <Table<Row>
          {...listTableProps<Row, SortKey>({ query, data, loading: isFetching, onChange: patch, showTotal: (n) => `${n}` })}
          locale={{ emptyText: t('meetings.empty') }}
          columns={[
            {
              key: 'plannedDate',
              title: t('meetings.date'),
              sorter: true,
              sortOrder: sortOrderOf(query, 'plannedDate'),
              render: (_, r) => r.heldDate ?? r.plannedDate,
            },
            {
              key: 'title',
              title: t('meetings.name'),
              sorter: true,
              sortOrder: sortOrderOf(query, 'title'),
              render: (_, r) => <Link to={`/meetings/${r.id}`}>{r.title}</Link>,
            },
            { key: 'series', title: t('meetings.series'), render: (_, r) => r.seriesName },
            { key: 'status', title: '', render: (_, r) => status(r) },
          ]}
        />
      )}
    </Page>
  );
}
