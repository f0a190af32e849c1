import { Badge, Button, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NOTICE_PERMISSIONS as P } from '@common/notices';
import { Page } from '../../shared/Page';
import { formatDateTime } from '../../shared/time';
import { useAuth } from '../../shared/auth/AuthContext';
import { CursorPager } from '../../shared/CursorPager';
import { useUrlQuery } from '../../shared/useUrlFilters';
import { useDigest, useNotices } from './api';

/** The list's filters in the address: a figure's drill (`/notices?desk=1&from=…&to=…`) opens exactly the notices it counted. */
const FILTER_KEYS = ['desk', 'orgId', 'kind', 'status', 'from', 'to', 'dueFrom', 'dueTo', 'onSchedule', 'unread'] as const;
type ListQuery = { page: number; pageSize: number; after?: string } & Partial<Record<(typeof FILTER_KEYS)[number], string>>;
/** The filters shown as removable tags (the view and the cursor are not filters). */
const SHOWN = ['kind', 'status', 'from', 'to', 'dueFrom', 'dueTo', 'onSchedule', 'orgId', 'unread'] as const;

/** Workers' phone list (unread first to the eye, newest first) and, for publishers, the desk of their scope with read counts. */
export default function NoticesPage() {
  const { t } = useTranslation('notices');
  const { can } = useAuth();
  const publisher = can(P.publish);
  const [url, patch] = useUrlQuery<ListQuery>(FILTER_KEYS);
  // Publishers open on their desk unless the address says otherwise.
  const view: 'mine' | 'desk' = publisher && url.desk !== '0' ? 'desk' : 'mine';
  const query = { ...url, desk: view === 'desk' ? '1' : undefined };
  const list = useNotices(query);
  const filters = SHOWN.filter((k) => url[k]);
  const digest = useDigest();
  return (
    <Page
      title={t('list.title')}
      extra={
        publisher ? (
          <Link to="/notices/new">
            <Button type="primary" data-testid="notices-publish">
              {t('list.publish')}
            </Button>
          </Link>
        ) : null
      }
    >
      {publisher && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={view}
          onChange={(v) => patch({ desk: v === 'desk' ? '1' : '0' })}
          options={[
            { value: 'desk', label: t('list.desk') },
            { value: 'mine', label: t('list.mine') },
          ]}
        />
      )}
      {filters.length > 0 && (
        <Space wrap size={4} style={{ marginBottom: 12 }} data-testid="notices-filters">
          {filters.map((k) => (
            <Tag key={k} closable onClose={() => patch({ [k]: undefined })}>
              {k === 'onSchedule'
                ? t(url.onSchedule === '0' || url.onSchedule === 'false' ? 'filter.late' : 'filter.onTime')
                : t(`filter.${k}`, { value: k === 'kind' || k === 'status' ? t(`${k}.${url[k]}`) : url[k] })}
            </Tag>
          ))}
        </Space>
      )}
      {list.data && (
        <Typography.Text type="secondary" data-testid="notices-total">
          {t('list.total', { total: list.data.totalCapped ? `${list.data.total}+` : list.data.total })}
        </Typography.Text>
      )}
      <List
        data-testid="notices-list"
        loading={list.isLoading}
        locale={{ emptyText: <Empty description={t('list.empty')} /> }}
        dataSource={list.data?.items ?? []}
        pagination={
          !url.after && list.data && list.data.total > url.pageSize
            ? { current: url.page, pageSize: url.pageSize, total: list.data.total, onChange: (page) => patch({ page }), size: 'small', showSizeChanger: false }
            : false
        }
        renderItem={(n) => (
          <List.Item data-testid="notice-row">
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {view === 'mine' && !n.readAt && <Badge status="processing" text={t('list.unread')} />}
                  <Link to={`/notices/${n.id}`}>{n.title}</Link>
                </Space>
              }
              description={
                <Space wrap size={4}>
                  <Tag>{t(`kind.${n.kind}`)}</Tag>
                  {n.status === 'withdrawn' && <Tag color="red">{t('status.withdrawn')}</Tag>}
                  <Typography.Text type="secondary">{`${n.orgName} · ${formatDateTime(n.publishedAt)}`}</Typography.Text>
                  {n.recipients !== null && (
                    <Typography.Text type="secondary">{t('list.readRate', { read: n.reads, recipients: n.recipients })}</Typography.Text>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {/* Past the 2 000 counted notices the list goes on by the server's cursor, newest first. */}
      <CursorPager query={url} data={list.data} onChange={(p) => patch(p)} testId="notices-cursor-pager" />
      {digest.data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, wordBreak: 'break-all', fontSize: 12 }} data-testid="notices-digest">
          {t('list.digest', { n: digest.data.entries, hash: digest.data.headHash })}
        </Typography.Paragraph>
      )}
    </Page>
  );
}
