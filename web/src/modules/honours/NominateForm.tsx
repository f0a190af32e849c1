import { App, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useFormErrorHandler } from '../../shared/errors';
import { useHonours, useNominate } from './api';

/** A unit puts one of its teams forward for an honour, with the team's record. */
export function NominateForm() {
  const { t } = useTranslation('honours');
  const { message } = App.useApp();
  const { data: honours } = useHonours();
  const nominate = useNominate();
  const [form] = Form.useForm<{ honourId: string; teamOrgId: string; record: string }>();
  const onError = useFormErrorHandler(form);
  return (
    <Card title={t('form.title')}>
      <Form form={form} layout="vertical" onFinish={(v) => nominate.mutateAsync(v).then(() => (form.resetFields(), message.success(t('form.done'))), onError)}>
        <Form.Item name="honourId" label={t('form.honour')} rules={[{ required: true }]}>
          <Select data-testid="nominate-honour" options={(honours ?? []).map((h) => ({ value: h.id, label: `${h.name}（${h.orgName}）` }))} />
        </Form.Item>
        <Form.Item name="teamOrgId" label={t('form.team')} extra={t('form.teamHint')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="record" label={t('form.record')} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea rows={4} data-testid="nominate-record" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={nominate.isPending} data-testid="nominate-submit">
          {t('form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
