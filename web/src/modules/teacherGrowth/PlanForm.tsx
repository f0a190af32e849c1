import { Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { GOAL_AREAS } from '@common/teacherGrowth';
import { useFormErrorHandler } from '../../shared/errors';
import { useGrowthWrite, type PlanDetail } from './api';
import { useLabel } from './labels';

interface Values {
  title: string;
  vision: string;
  startYear: number;
  goals: { year: number; area: string; title: string; measure?: string }[];
}

/** A three-year plan as the teacher writes it on a phone: the goal, then sub-goals year by year. */
export function PlanForm({ plan, onSaved }: { plan?: PlanDetail; onSaved: (p: PlanDetail) => void }) {
  const { t } = useTranslation('teacherGrowth');
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const write = useGrowthWrite<PlanDetail>();
  const year = new Date().getFullYear();
  const initial: Values = plan
    ? {
        title: plan.title,
        vision: plan.vision,
        startYear: plan.startYear,
        goals: plan.goals.map((g) => ({ year: g.year, area: g.area, title: g.title, measure: g.measure ?? undefined })),
      }
    : { title: '', vision: '', startYear: year, goals: [1, 2, 3].map((y) => ({ year: y, area: 'teaching', title: '' })) };
  const save = (v: Values) =>
    write.mutate(
      {
        method: plan ? 'PUT' : 'POST',
        path: plan ? `/plans/${plan.id}` : '/plans',
        body: { ...v, goals: v.goals.map((g) => ({ ...g, measure: g.measure?.trim() || undefined })) },
      },
      { onSuccess: (p) => onSaved(p as PlanDetail), onError },
    );
  return (
    <Card title={t('form.title')}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} data-testid="growth-plan-form">
        <Form.Item name="title" label={t('form.planTitle')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="vision" label={t('form.vision')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="startYear" label={t('form.startYear')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.List name="goals">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Card key={f.key} size="small" extra={<Button type="text" aria-label="remove" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />}>
                  <Flex gap={8} wrap>
                    <Form.Item name={[f.name, 'year']} label={t('form.year')} style={{ minWidth: 96 }}>
                      <Select aria-label={t('form.year')} options={[1, 2, 3].map((n) => ({ value: n, label: t('form.yearN', { n }) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'area']} label={t('form.area')} style={{ minWidth: 128 }}>
                      <Select aria-label={t('form.area')} options={GOAL_AREAS.map((a) => ({ value: a, label: label.area(a) }))} />
                    </Form.Item>
                  </Flex>
                  <Form.Item name={[f.name, 'title']} label={t('form.goal')} rules={[{ required: true }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'measure']} label={t('form.measure')}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ year: 1, area: 'teaching', title: '' })}>
                {t('form.addGoal')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={write.isPending} block style={{ marginTop: 16 }}>
          {t('form.save')}
        </Button>
      </Form>
    </Card>
  );
}
