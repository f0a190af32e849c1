import { Badge, Button, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NOTICE_PERMISSIONS as P } from '@common/notices';
import { Page } from '../../shared/Page';
import { formatDateTime } from '../../shared/time';
import { useAuth } from '../../app/auth/AuthContext';
import { useDigest, useNotices } from './api';

/** Workers' phone list (unread first to the eye, newest first) and, for publishers, the desk of their scope with read counts. */
export default function NoticesPage() {
  const { t } = useTranslation('notices');
  const { can } = useAuth();
  const publisher = can(P.publish);
  const [view, setView] = useState<'mine' | 'desk'>(publisher ? 'desk' : 'mine');
  const [page, setPage] = useState(1);
  const list = useNotices({ page, pageSize: 20, desk: view === 'desk' ? '1' : undefined });
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
          onChange={(v) => {
            setView(v as 'mine' | 'desk');
            setPage(1);
          }}
          options={[
            { value: 'desk', label: t('list.desk') },
            { value: 'mine', label: t('list.mine') },
          ]}
        />
      )}
      <List
        data-testid="notices-list"
        loading={list.isLoading}
        locale={{ emptyText: <Empty description={t('list.empty')} /> }}
        dataSource={list.data?.items ?? []}
        pagination={list.data && list.data.total > 20 ? { current: page, pageSize: 20, total: list.data.total, onChange: setPage, size: 'small' } : false}
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
      {digest.data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, wordBreak: 'break-all', fontSize: 12 }} data-testid="notices-digest">
          {t('list.digest', { n: digest.data.entries, hash: digest.data.headHash })}
        </Typography.Paragraph>
      )}
    </Page>
  );
}
