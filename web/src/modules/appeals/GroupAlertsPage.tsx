import { useState } from 'react';
import { Card, Empty, Flex, Pagination, Select, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../shared/Page';
import { formatDateTime } from '../../shared/time';
import { useIsMobile } from '../../shared/useIsMobile';
import { useGroupAlerts, type AlertQuery, type GroupAlertItem } from './api';
import { AlertStatusTag, useAppealLabel, useAppealOptions } from './labels';

export default function GroupAlertsPage() {
  const { t } = useTranslation('appeals');
  const isMobile = useIsMobile();
  const label = useAppealLabel();
  const statusOptions = useAppealOptions('alertStatus');
  // A home card's count links here with ?status=open: the list starts with that filter.
  const [params] = useSearchParams();
  const [query, setQuery] = useState<AlertQuery>({ page: 1, pageSize: 20, status: params.get('status') ?? undefined });
  const { data, isFetching } = useGroupAlerts(query);
  const items = data?.items ?? [];

  const columns: TableColumnsType<GroupAlertItem> = [
    {
      key: 'unit',
      title: t('alerts.unit'),
      render: (_: unknown, a) => (
        <Link to={`/appeals/group-alerts/${a.id}`} data-testid="alert-link">
          {a.unit.name}
        </Link>
      ),
    },
    { key: 'category', title: t('alerts.category'), dataIndex: 'category', render: (v: string) => label('category', v) },
    { key: 'keywords', title: t('alerts.keywords'), render: (_: unknown, a) => <Keywords words={a.keywords} /> },
    { key: 'workerCount', title: t('alerts.workers'), dataIndex: 'workerCount', sorter: true, render: (n: number) => t('alerts.workerCount', { count: n }) },
    { key: 'appealCount', title: t('alerts.appeals'), dataIndex: 'appealCount' },
    { key: 'status', title: t('alerts.status'), dataIndex: 'status', render: (v: string) => <AlertStatusTag status={v} /> },
    { key: 'raisedAt', title: t('alerts.raisedAt'), dataIndex: 'raisedAt', render: (v: string) => formatDateTime(v) },
  ];

  return (
    <Page title={t('alerts.title')}>
      <div data-testid="alerts-filter-status" style={{ marginBottom: 16, width: isMobile ? '100%' : 260 }}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('alerts.status')}
          aria-label={t('alerts.status')}
          options={statusOptions}
          value={query.status ? query.status.split(',') : []}
          onChange={(list: string[]) => setQuery((q) => ({ ...q, page: 1, status: list.length ? list.join(',') : undefined }))}
          style={{ width: '100%' }}
        />
      </div>
      {isMobile ? (
        <Spin spinning={isFetching}>
          <Flex vertical gap={8} data-testid="alerts-cards">
            {!items.length && !isFetching && <Empty description={t('alerts.empty')} />}
            {items.map((a) => (
              <Link key={a.id} to={`/appeals/group-alerts/${a.id}`} style={{ color: 'inherit' }} data-testid="alert-link">
                <Card size="small" hoverable data-testid="alert-card">
                  <Flex justify="space-between" gap={8} align="center">
                    <Typography.Text strong>
                      {a.unit.name} · {label('category', a.category)}
                    </Typography.Text>
                    <AlertStatusTag status={a.status} />
                  </Flex>
                  <Keywords words={a.keywords} />
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
                    {t('alerts.workerCount', { count: a.workerCount })} · {t('alerts.appealCount', { count: a.appealCount })} · {formatDateTime(a.raisedAt)}
                  </Typography.Text>
                </Card>
              </Link>
            ))}
            {(data?.total ?? 0) > query.pageSize && (
              <Pagination
                simple
                align="center"
                current={query.page}
                pageSize={query.pageSize}
                total={data?.total ?? 0}
                onChange={(page) => setQuery((q) => ({ ...q, page }))}
              />
            )}
          </Flex>
        </Spin>
      ) : (
        <div data-testid="alerts-table">
          <Table<GroupAlertItem>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={isFetching}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description={t('alerts.empty')} /> }}
            onChange={(p, _f, sorter, extra) => {
              if (extra.action === 'sort') {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                setQuery((q) => ({ ...q, page: 1, sort: s?.order ? 'workerCount' : undefined, order: s?.order === 'descend' ? 'desc' : 'asc' }));
              } else setQuery((q) => ({ ...q, page: p.current ?? 1, pageSize: p.pageSize ?? q.pageSize }));
            }}
            pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, showTotal: (total) => t('common:total', { total }) }}
          />
        </div>
      )}
    </Page>
  );
}

export function Keywords({ words }: { words: string[] }) {
  if (!words.length) return null;
  return (
    <Flex wrap gap={4} style={{ marginTop: 4 }}>
      {words.map((w) => (
        <Tag key={w} color="volcano" style={{ marginInlineEnd: 0 }}>
          {w}
        </Tag>
      ))}
    </Flex>
  );
}
