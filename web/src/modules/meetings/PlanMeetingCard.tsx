import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import { MEETING_KINDS } from '@common/meetings';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useFormErrorHandler } from '../../shared/errors';
import { usePlanning, useSeries } from './api';

interface PlanValues {
  seriesId: string;
  title: string;
  plannedDate: Dayjs;
  location?: string;
  agenda?: { title: string; appealCode?: string }[];
  attendeeAccountIds?: string[];
}

/**
 * The union office plans: a series (regular union meeting or joint meeting with the
 * administration) and a meeting of it with its agenda — an item may study a worker's appeal,
 * named by its number — and its attendees. The first item of a series' later meetings (the
 * carry-over report) is added by the server, not here.
 */
export function PlanMeetingCard() {
  const { t } = useTranslation('meetings');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const series = useSeries(true);
  const { createSeries, planMeeting } = usePlanning();
  const [seriesForm] = Form.useForm();
  const [form] = Form.useForm<PlanValues>();
  const onSeriesError = useFormErrorHandler(seriesForm);
  const onError = useFormErrorHandler(form);

  const addSeries = (v: { orgId: string; kind: string; name: string }) =>
    createSeries.mutateAsync(v).then(({ id }) => {
      seriesForm.resetFields();
      form.setFieldValue('seriesId', id);
      message.success(t('detail.saved'));
    }, onSeriesError);

  const plan = (v: PlanValues) =>
    planMeeting
      .mutateAsync({
        seriesId: v.seriesId,
        title: v.title,
        plannedDate: v.plannedDate.format('YYYY-MM-DD'),
        location: v.location || undefined,
        agenda: (v.agenda ?? []).map((a) => ({ title: a.title, appealCode: a.appealCode?.trim() || undefined })),
        attendeeAccountIds: v.attendeeAccountIds ?? [],
      })
      .then(({ id }) => navigate(`/meetings/${id}`), onError);

  return (
    <Card title={t('plan.title')} size="small" style={{ marginBottom: 16 }}>
      <Form form={seriesForm} layout="inline" onFinish={addSeries} style={{ marginBottom: 12 }} data-testid="series-form">
        <Form.Item name="orgId" rules={[{ required: true, message: t('plan.orgRequired') }]}>
          <OrgTreeSelect placeholder={t('plan.org')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind" rules={[{ required: true, message: t('plan.kindRequired') }]}>
          <Select placeholder={t('plan.kind')} style={{ width: 160 }} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, message: t('plan.nameRequired') }]}>
          <Input placeholder={t('plan.seriesName')} maxLength={60} style={{ width: 200 }} />
        </Form.Item>
        <Button htmlType="submit" loading={createSeries.isPending}>
          {t('plan.newSeries')}
        </Button>
      </Form>
      <Form form={form} layout="vertical" onFinish={plan} data-testid="plan-form">
        <Flex gap={12} wrap>
          <Form.Item name="seriesId" label={t('meetings.series')} rules={[{ required: true }]} style={{ minWidth: 240 }}>
            <Select loading={series.isLoading} options={(series.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.orgName}）` }))} />
          </Form.Item>
          <Form.Item name="title" label={t('meetings.name')} rules={[{ required: true }]} style={{ minWidth: 280 }}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="plannedDate" label={t('meetings.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="location" label={t('plan.location')}>
            <Input maxLength={60} />
          </Form.Item>
        </Flex>
        <Form.List name="agenda">
          {(fields, { add, remove }) => (
            <Form.Item label={t('meetings.agenda')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: t('plan.itemRequired') }]}>
                    <Input placeholder={t('plan.itemTitle')} maxLength={100} style={{ width: 320 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'appealCode']}>
                    <Input placeholder={t('plan.appealCode')} maxLength={40} style={{ width: 200 }} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('plan.removeItem')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                {t('plan.addItem')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="attendeeAccountIds" label={t('plan.attendees')} extra={t('plan.attendeesHelp')}>
          <Select mode="tags" tokenSeparators={[',', ' ', '，']} open={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={planMeeting.isPending}>
          {t('plan.submit')}
        </Button>
      </Form>
    </Card>
  );
}
