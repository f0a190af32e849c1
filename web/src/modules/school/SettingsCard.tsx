import { useEffect } from 'react';
import { App, Button, Card, Flex, Form, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { useSettings, useUpdateSettings, type Settings } from '../../shared/school/api';

const KEYS = ['quietStart', 'quietEnd', 'teacherReminderAt', 'guardianReminderAt', 'moralReminderAt', 'lessonReminderAt'] as const;
type Values = Record<(typeof KEYS)[number], Dayjs | null>;

const toTime = (hhmm: string) => dayjs(`2000-01-01T${hhmm}:00`);

export function SettingsCard({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation('school');
  const { message } = App.useApp();
  const { data } = useSettings(schoolId);
  const save = useUpdateSettings(schoolId);
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);

  useEffect(() => {
    if (data) form.setFieldsValue(Object.fromEntries(KEYS.map((k) => [k, toTime(data[k])])) as Values);
  }, [data, form]);

  const onFinish = async (v: Values) => {
    const patch: Partial<Settings> = {};
    for (const k of KEYS) if (v[k]) patch[k] = v[k]!.format('HH:mm');
    try {
      await save.mutateAsync(patch);
      void message.success(t('common:saved'));
    } catch (err) {
      onError(err);
    }
  };

  const time = <TimePicker format="HH:mm" minuteStep={5} allowClear={false} style={{ width: 110 }} />;
  return (
    <Card title={t('settings.title')} data-testid="settings-card">
      <Typography.Paragraph type="secondary">{t('settings.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('settings.quiet')} style={{ marginBottom: 0 }}>
          <Flex gap={8} wrap>
            <Form.Item name="quietStart" label={t('settings.quietStart')}>
              {time}
            </Form.Item>
            <Form.Item name="quietEnd" label={t('settings.quietEnd')}>
              {time}
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name="teacherReminderAt" label={t('settings.teacherReminderAt')}>
          {time}
        </Form.Item>
        <Form.Item name="guardianReminderAt" label={t('settings.guardianReminderAt')}>
          {time}
        </Form.Item>
        <Form.Item name="moralReminderAt" label={t('settings.moralReminderAt')}>
          {time}
        </Form.Item>
        <Form.Item name="lessonReminderAt" label={t('settings.lessonReminderAt')}>
          {time}
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}
