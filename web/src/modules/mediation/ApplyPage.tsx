import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '@common/schemas/files';
import { FileField } from '../../shared/FileField';
import { useNavigate } from 'react-router';
import { CLAIM_TYPES } from '@common/mediation';
import { Page } from '../../shared/Page';
import { useFormErrorHandler } from '../../shared/errors';
import { useApply } from './api';
import { useLabel } from './labels';

interface Values {
  respondent: string;
  disputeDate: string;
  summary: string;
  claims: { type: string; description: string; amount?: number | null }[];
  files?: FileRef[];
}

/** A worker applies for mediation of their own dispute, from a phone. */
export default function ApplyPage() {
  const { t } = useTranslation('mediation');
  const { message } = App.useApp();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const apply = useApply();
  const navigate = useNavigate();
  const [uploading, setUploading] = useState(false);
  const submit = ({ files, ...v }: Values) =>
    apply.mutate(
      { ...v, ...(files?.length ? { fileIds: files.map((f) => f.id) } : {}), claims: v.claims.map((c) => ({ type: c.type, description: c.description, ...(c.amount ? { amount: c.amount } : {}) })) },
      {
        onSuccess: (c) => {
          void message.success(t('apply.sent', { code: c.code }));
          void navigate(`/mediation/cases/${c.id}`);
        },
        onError,
      },
    );
  return (
    <Page title={t('apply.title')}>
      <Card style={{ maxWidth: 640 }}>
        <Alert type="info" showIcon message={t('apply.hint')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ claims: [{ type: 'wagesOwed', description: '' }] }}>
          <Form.Item name="respondent" label={t('apply.respondent')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="mediation-respondent" />
          </Form.Item>
          <Form.Item name="disputeDate" label={t('apply.disputeDate')} rules={[{ required: true }]}>
            <Input type="date" data-testid="mediation-dispute-date" />
          </Form.Item>
          <Form.Item name="summary" label={t('apply.summary')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={4} data-testid="mediation-summary" />
          </Form.Item>
          <Form.List name="claims">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} style={{ marginBottom: 16 }}>
                {fields.map((f, i) => (
                  <Card key={f.key} size="small" title={`${t('apply.claims')} ${i + 1}`} extra={fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}>
                    <Form.Item name={[f.name, 'type']} label={t('apply.claimType')} rules={[{ required: true }]}>
                      <Select options={CLAIM_TYPES.map((c) => ({ value: c, label: label.claim(c) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} label={t('apply.claimDescription')} rules={[{ required: true, max: 500 }]}>
                      <Input data-testid={`mediation-claim-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} label={t('apply.amount')}>
                      <InputNumber min={0} max={10_000_000} precision={2} style={{ width: '100%' }} data-testid={`mediation-amount-${i}`} />
                    </Form.Item>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ type: 'other', description: '' })} disabled={fields.length >= 20}>
                  {t('apply.addClaim')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Form.Item name="files" label={t('evidence.add')}>
            <FileField onBusyChange={setUploading} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={apply.isPending} disabled={uploading} data-testid="mediation-submit">
            {t('apply.submit')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
