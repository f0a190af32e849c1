import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CAUSES } from '@common/hardship';
import { Page } from '../../shared/Page';
import { useSubmitForm } from '../../shared/useSubmitForm';
import { useApply } from './api';
import { useLabel } from './labels';

interface Values {
  locality: string;
  workerMonthlyIncome: number;
  members: { name: string; relation: string; condition?: string; monthlyIncome?: number | null }[];
  causes: string[];
  situation: string;
}

const fen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);

/** A worker applies for hardship assistance for their household, from a phone. */
export default function ApplyPage() {
  const { t } = useTranslation('hardship');
  const label = useLabel();
  const { form, onFinish, pending } = useSubmitForm(useApply(), {
    toBody: (v: Values) => ({
      locality: v.locality,
      workerMonthlyIncomeFen: fen(v.workerMonthlyIncome),
      members: (v.members ?? []).map((m) => ({
        name: m.name,
        relation: m.relation,
        ...(m.condition ? { condition: m.condition } : {}),
        monthlyIncomeFen: fen(m.monthlyIncome),
      })),
      causes: v.causes,
      situation: v.situation,
    }),
    sent: (p) => t('apply.sent', { code: p.code }),
    to: (p) => `/hardship/households/${p.id}`,
  });
  return (
    <Page title={t('apply.title')}>
      <Card style={{ maxWidth: 640 }}>
        <Alert type="info" showIcon message={t('apply.hint')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ locality: '本市', members: [], causes: [] }}>
          <Form.Item name="locality" label={t('apply.locality')} rules={[{ required: true, max: 50 }]}>
            <Input data-testid="hardship-locality" />
          </Form.Item>
          <Form.Item name="workerMonthlyIncome" label={t('apply.workerIncome')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="hardship-income" />
          </Form.Item>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} style={{ marginBottom: 16 }}>
                {fields.map((f, i) => (
                  <Card key={f.key} size="small" title={`${t('apply.members')} ${i + 1}`} extra={<MinusCircleOutlined onClick={() => remove(f.name)} />}>
                    <Form.Item name={[f.name, 'name']} label={t('apply.memberName')} rules={[{ required: true, max: 40 }]}>
                      <Input data-testid={`hardship-member-name-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'relation']} label={t('apply.relation')} rules={[{ required: true, max: 20 }]}>
                      <Input data-testid={`hardship-member-relation-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'condition']} label={t('apply.condition')} rules={[{ max: 200 }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'monthlyIncome']} label={t('apply.memberIncome')}>
                      <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                    </Form.Item>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', relation: '' })}
                  disabled={fields.length >= 20}
                  data-testid="hardship-add-member"
                >
                  {t('apply.addMember')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Form.Item name="causes" label={t('apply.causes')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              aria-label={t('apply.causes')}
              options={CAUSES.map((c) => ({ value: c, label: label.cause(c) }))}
              data-testid="hardship-causes"
            />
          </Form.Item>
          <Form.Item name="situation" label={t('apply.situation')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={4} data-testid="hardship-situation" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={pending} data-testid="hardship-submit">
            {t('apply.submit')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
