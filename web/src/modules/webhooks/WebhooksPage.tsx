import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/Page';
import { useShowError } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';
import { useDeleteWebhook, useRobotEventLabel, useTestWebhook, useWebhooks, type Webhook } from './api';
import { WebhookModal } from './WebhookModal';

export default function WebhooksPage() {
  const { t, i18n } = useTranslation('webhooks');
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, isLoading } = useWebhooks();
  const remove = useDeleteWebhook();
  const test = useTestWebhook();
  const [editing, setEditing] = useState<Webhook | null | undefined>(undefined);
  const en = i18n.language.startsWith('en');
  const eventLabel = useRobotEventLabel(en);

  const runTest = async (id: string) => {
    try {
      const r = await test.mutateAsync(id);
      if (r.ok) void message.success(t('testOk'));
      else void message.error(t('testFailed', { error: r.error }));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <Page
      title={t('title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Table<Webhook>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('col.org'), dataIndex: 'orgName', width: 140 },
          { title: t('col.flavor'), dataIndex: 'flavor', width: 90, render: (f: Webhook['flavor']) => t(`flavor.${f}`) },
          { title: t('col.url'), dataIndex: 'url', ellipsis: { showTitle: true } },
          {
            title: t('col.events'),
            dataIndex: 'events',
            render: (events: string[]) => events.map((e) => <Tag key={e}>{eventLabel(e)}</Tag>),
          },
          {
            title: t('col.security'),
            key: 'security',
            width: 150,
            render: (_: unknown, h: Webhook) =>
              h.hasSecret || h.keyword ? (
                <Space direction="vertical" size={0}>
                  {h.hasSecret && <span>{t('signed')}</span>}
                  {h.keyword && <span>{t('keyword', { keyword: h.keyword })}</span>}
                </Space>
              ) : (
                t('none')
              ),
          },
          {
            title: t('col.status'),
            key: 'status',
            width: 170,
            render: (_: unknown, h: Webhook) => (
              <Flex vertical gap={2}>
                <span>
                  <Tag color={h.enabled ? 'green' : 'default'}>{t(h.enabled ? 'status.enabled' : 'status.disabled')}</Tag>
                  {h.pending > 0 && <Tag>{t('status.pending', { count: h.pending })}</Tag>}
                  {h.failed > 0 && <Tag color="red">{t('status.failed', { count: h.failed })}</Tag>}
                </span>
                {h.lastError && (
                  <Tooltip title={h.lastError}>
                    <Typography.Text type="danger" ellipsis style={{ maxWidth: 160 }}>
                      {t('status.lastError', { error: h.lastError })}
                    </Typography.Text>
                  </Tooltip>
                )}
                {h.lastSentAt && <Typography.Text type="secondary">{t('status.lastSent', { at: formatDateTime(h.lastSentAt) })}</Typography.Text>}
              </Flex>
            ),
          },
          {
            title: t('col.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, h: Webhook) => (
              <Space wrap>
                <Button size="small" onClick={() => runTest(h.id)} loading={test.isPending && test.variables === h.id}>
                  {t('test')}
                </Button>
                <Button size="small" onClick={() => setEditing(h)}>
                  {t('edit')}
                </Button>
                <Popconfirm
                  title={t('removeConfirm')}
                  onConfirm={async () => {
                    try {
                      await remove.mutateAsync(h.id);
                      void message.success(t('removed'));
                    } catch (err) {
                      showError(err);
                    }
                  }}
                >
                  <Button size="small" danger>
                    {t('remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <WebhookModal open={editing !== undefined} editing={editing ?? null} onClose={() => setEditing(undefined)} />
    </Page>
  );
}
