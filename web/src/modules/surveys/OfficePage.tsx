import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shared/Page';
import { useSurveys, type SurveySummary } from './api';

/** The office's surveys: drafts, open and closed, with how many of the frozen recipients answered. */
export default function OfficePage() {
  const { t } = useTranslation('surveys');
  const [q, setQ] = useState({ page: 1, pageSize: 20 });
  const { data, isFetching } = useSurveys(q);
  return (
    <Page
      title={t('list.title')}
      extra={
        <>
          <Link to="/surveys/concerns">
            <Button data-testid="surveys-concerns">{t('list.concerns')}</Button>
          </Link>
          <Link to="/surveys/screening">
            <Button>{t('list.screening')}</Button>
          </Link>
          <Link to="/surveys/new">
            <Button type="primary" data-testid="surveys-new">
              {t('list.create')}
            </Button>
          </Link>
        </>
      }
    >
      <Table<SurveySummary>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: t('list.empty') }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => t('list.total', { total }),
          onChange: (page, pageSize) => setQ({ page, pageSize }),
        }}
        columns={[
          { title: t('list.titleCol'), dataIndex: 'title', render: (v: string, s) => <Link to={`/surveys/${s.id}`}>{v}</Link> },
          { title: t('list.org'), dataIndex: 'orgName' },
          {
            title: t('list.status'),
            dataIndex: 'status',
            render: (v: string, s) => (
              <>
                <Tag color={v === 'open' ? 'blue' : v === 'closed' ? 'default' : 'gold'}>{t(`status.${v}`)}</Tag>
                {s.anonymous ? <Tag>{t('list.anonymous')}</Tag> : null}
              </>
            ),
          },
          { title: t('list.answered'), render: (_, s) => (s.status === 'draft' ? '—' : `${s.answered} / ${s.recipients}`) },
          { title: t('list.closesOn'), dataIndex: 'closesOn' },
        ]}
      />
    </Page>
  );
}
