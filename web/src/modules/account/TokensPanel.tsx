import { useState } from 'react';
import { App, Button, Form, Input, Popconfirm, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';
import { useCreateToken, useRevokeToken, useTokens, type ApiToken, type CreatedToken } from './api';
import { NewTokenModal } from './NewTokenModal';

export function TokensPanel() {
  const { t } = useTranslation('account');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const onCreateError = useFormErrorHandler(form);
  const showError = useShowError();
  const { data, isLoading } = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const onCreate = async ({ name }: { name: string }) => {
    try {
      setCreated(await create.mutateAsync(name.trim()));
      form.resetFields();
    } catch (err) {
      onCreateError(err);
    }
  };

  const onRevoke = async (id: string) => {
    try {
      await revoke.mutateAsync(id);
      void message.success(t('tokens.revoked'));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('tokens.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={onCreate} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item
          name="name"
          rules={[{ required: true, whitespace: true, message: t('common:form.required', { field: t('tokens.name') }) }]}
          style={{ flex: '1 1 200px', marginInlineEnd: 8 }}
        >
          <Input placeholder={t('tokens.namePlaceholder')} maxLength={100} data-testid="token-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending} data-testid="token-create">
          {t('tokens.create')}
        </Button>
      </Form>
      <div data-testid="token-table">
        <Table<ApiToken>
          size="small"
          rowKey="id"
          loading={isLoading}
          dataSource={data}
          pagination={false}
          scroll={{ x: 520 }}
          columns={[
            { key: 'name', dataIndex: 'name', title: t('tokens.name'), ellipsis: true },
            { key: 'createdAt', dataIndex: 'createdAt', title: t('tokens.createdAt'), width: 150, render: formatDateTime },
            {
              key: 'lastUsedAt',
              dataIndex: 'lastUsedAt',
              title: t('tokens.lastUsedAt'),
              width: 150,
              render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.never')),
            },
            {
              key: 'actions',
              width: 80,
              render: (_, tok) => (
                <Popconfirm title={t('tokens.revokeConfirm')} onConfirm={() => onRevoke(tok.id)} okButtonProps={{ danger: true }}>
                  <Button type="link" danger size="small" data-testid="token-revoke">
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </div>
      <NewTokenModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}
