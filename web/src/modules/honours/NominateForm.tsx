import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
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
        <Form.Item noStyle shouldUpdate={(a, b) => a.honourId !== b.honourId}>
          {() => {
            // What the team will be judged by, so its record can speak to each criterion.
            const h = (honours ?? []).find((x) => x.id === form.getFieldValue('honourId'));
            if (!h) return null;
            const items = h.criteriaItems.map((c) =>
              c.kind === 'score' ? `${c.label}（${t('criteria.max', { max: c.max })}）` : `${c.label}（${t('criteria.check')}）`,
            );
            return (
              <Typography.Paragraph type="secondary" data-testid="nominate-criteria">
                {t('criteria.title')}：{h.criteria}
                {items.length > 0 && (
                  <>
                    <br />
                    {items.join('；')}
                    {h.passScore !== null && `；${t('criteria.pass', { pass: h.passScore })}`}
                  </>
                )}
              </Typography.Paragraph>
            );
          }}
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
