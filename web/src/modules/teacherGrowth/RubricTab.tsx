import { useEffect } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, List, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';
import { useGrowthWrite, useRubric, type RubricInfo } from './api';
import { versionLabel } from './labels';

interface Values {
  title: string;
  scaleMax: number;
  passMark: number;
  items: { key?: string; name: string; weight: number }[];
}

/**
 * The academic office's observation rubric (听课评课量表): items, weights (adding up to 100),
 * the scale and the pass mark. The server keeps a version observations were scored on as it was
 * and saves the next version instead; this page shows which is in force and the earlier ones.
 */
export function RubricTab({ schoolId }: { schoolId: string | undefined }) {
  const { t } = useTranslation('teacherGrowth');
  const { message } = App.useApp();
  const rubric = useRubric(schoolId);
  const write = useGrowthWrite<RubricInfo>();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const current = rubric.data?.current;
  const items = Form.useWatch('items', form) as Values['items'] | undefined;
  const weights = (items ?? []).reduce((s, i) => s + (i?.weight ?? 0), 0);
  useEffect(() => {
    if (current) form.setFieldsValue({ title: current.title, scaleMax: current.scaleMax, passMark: current.passMark, items: current.items });
  }, [current, form]);
  const save = (v: Values) =>
    write.mutate(
      {
        method: 'PUT',
        path: `/schools/${schoolId}/rubric`,
        body: { ...v, items: v.items.map((i) => ({ ...(i.key ? { key: i.key } : {}), name: i.name, weight: i.weight })) },
      },
      { onSuccess: () => message.success(t('action.done')), onError },
    );
  return (
    <Flex vertical gap={12}>
      <Card
        loading={rubric.isLoading}
        title={current ? `${current.title} · ${versionLabel(t, current.version)}` : t('rubric.title')}
        extra={
          <Button type="primary" loading={write.isPending} onClick={() => form.submit()} data-testid="growth-rubric-save">
            {t('rubric.save')}
          </Button>
        }
      >
        {current && current.used > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('rubric.inUse', { n: current.used })} />}
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="title" label={t('rubric.name')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="scaleMax" label={t('rubric.scaleMax')} rules={[{ required: true }]}>
              <InputNumber min={2} max={10} precision={0} />
            </Form.Item>
            <Form.Item name="passMark" label={t('rubric.passMark')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
          </Flex>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                <Typography.Text strong>{t('rubric.items', { sum: weights })}</Typography.Text>
                {fields.map((f, n) => (
                  <Flex key={f.key} gap={8} align="baseline" wrap>
                    <Form.Item name={[f.name, 'key']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'name']}
                      rules={[{ required: true, message: t('rubric.itemName') }]}
                      style={{ flex: '1 1 12rem', marginBottom: 8 }}
                    >
                      <Input maxLength={60} placeholder={t('rubric.itemName')} aria-label={t('rubric.itemNameN', { n: n + 1 })} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: t('rubric.weight') }]} style={{ marginBottom: 8 }}>
                      <InputNumber min={1} max={100} precision={0} addonAfter="%" aria-label={t('rubric.weightN', { n: n + 1 })} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('rubric.remove')}
                      onClick={() => remove(f.name)}
                      disabled={fields.length <= 1}
                    />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', weight: 10 })} disabled={fields.length >= 12}>
                  {t('rubric.add')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form>
      </Card>
      {(rubric.data?.versions.length ?? 0) > 0 && (
        <Card size="small" title={t('rubric.versions')}>
          <List
            size="small"
            dataSource={rubric.data!.versions}
            renderItem={(v) => (
              <List.Item extra={t('rubric.used', { n: v.used })}>
                <List.Item.Meta
                  title={`${versionLabel(t, v.version)} · ${v.title}`}
                  description={`${v.createdAt ? formatDateTime(v.createdAt) : ''} · ${v.items.map((i) => `${i.name} ${i.weight}%`).join('、')}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
