import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { validFields } from '../../shared/validFields';
import { useConfirmNotice, usePreviewNotice, type NoticeDay, type NoticePreview } from './api';

/** Consecutive days of one name read as a range: 10-01 至 10-08 国庆节. */
function ranges(days: NoticeDay[]): string[] {
  const out: { from: string; to: string; name: string }[] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    const next = last && new Date(Date.parse(last.to + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);
    if (last && next === d.date && last.name === d.name) last.to = d.date;
    else out.push({ from: d.date, to: d.date, name: d.name });
  }
  return out.map((r) => `${r.name} ${r.from}${r.to === r.from ? '' : ` ~ ${r.to}`}`);
}

/** The admin pastes the State Council notice, checks what was read, then makes it the year's schedule. */
export function NoticeImport() {
  const { t } = useTranslation('calendar');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const onError = useFormErrorHandler(form);
  const preview = usePreviewNotice();
  const confirm = useConfirmNotice();
  const [parsed, setParsed] = useState<NoticePreview | null>(null);

  const onPreview = async () => {
    const values = await validFields(form);
    if (!values) return;
    const { text } = values;
    try {
      setParsed(await preview.mutateAsync(text));
    } catch (err) {
      setParsed(null);
      onError(err);
    }
  };

  const onConfirm = async () => {
    const values = await validFields(form);
    if (!values) return;
    const { text } = values;
    try {
      await confirm.mutateAsync(text);
      void message.success(t('notice.saved', { year: parsed?.year }));
      setParsed(null);
      form.resetFields();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Card size="small" title={t('notice.title')} style={{ marginTop: 16 }} data-testid="calendar-notice">
      <Typography.Paragraph type="secondary">{t('notice.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={() => setParsed(null)}>
        <Form.Item name="text" label={t('notice.text')} rules={[{ required: true, message: t('notice.required') }]}>
          <Input.TextArea rows={8} placeholder={t('notice.placeholder')} />
        </Form.Item>
      </Form>
      <Flex gap={8}>
        <Button onClick={onPreview} loading={preview.isPending}>
          {t('notice.preview')}
        </Button>
        <Button type="primary" disabled={!parsed} onClick={onConfirm} loading={confirm.isPending}>
          {parsed ? t('notice.confirm', { year: parsed.year }) : t('notice.confirmBlank')}
        </Button>
      </Flex>
      {parsed && (
        <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }} data-testid="calendar-notice-preview">
          <Descriptions.Item label={t('notice.year')}>
            {parsed.year} · {t(`source.${parsed.currentSource}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('notice.holidays', { count: parsed.holidays.length })}>
            {ranges(parsed.holidays).map((r) => (
              <div key={r}>{r}</div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('notice.workdays', { count: parsed.workdays.length })}>
            {parsed.workdays.length ? ranges(parsed.workdays).map((r) => <div key={r}>{r}</div>) : t('notice.none')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
