import { App, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MEETING_KINDS } from '@common/meetings';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useFormErrorHandler } from '../../shared/errors';
import { usePlanning, useSeries } from './api';
import { PlanFields, planBody, type PlanValues } from './PlanFields';

type PlanMeetingValues = PlanValues & { seriesId: string };

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
  const [form] = Form.useForm<PlanMeetingValues>();
  const onSeriesError = useFormErrorHandler(seriesForm);
  const onError = useFormErrorHandler(form);
  const seriesId = Form.useWatch('seriesId', form);

  const addSeries = (v: { orgId: string; kind: string; name: string }) =>
    createSeries.mutateAsync(v).then(({ id }) => {
      seriesForm.resetFields();
      form.setFieldValue('seriesId', id);
      message.success(t('detail.saved'));
    }, onSeriesError);

  const plan = (v: PlanMeetingValues) =>
    planMeeting.mutateAsync({ seriesId: v.seriesId, ...planBody(v) }).then(({ id }) => navigate(`/meetings/${id}`), onError);

  return (
    <Card title={t('plan.title')} size="small" style={{ marginBottom: 16 }}>
      <Form form={seriesForm} layout="inline" onFinish={addSeries} style={{ marginBottom: 12 }} data-testid="series-form">
        <Form.Item name="orgId" rules={[{ required: true, message: t('plan.orgRequired') }]}>
          <OrgTreeSelect placeholder={t('plan.org')} aria-label={t('plan.org')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind" rules={[{ required: true, message: t('plan.kindRequired') }]}>
          <Select
            placeholder={t('plan.kind')}
            aria-label={t('plan.kind')}
            style={{ width: 160 }}
            options={MEETING_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, message: t('plan.nameRequired') }]}>
          <Input placeholder={t('plan.seriesName')} maxLength={60} style={{ width: 200 }} />
        </Form.Item>
        <Button htmlType="submit" loading={createSeries.isPending}>
          {t('plan.newSeries')}
        </Button>
      </Form>
      <Form form={form} layout="vertical" onFinish={plan} data-testid="plan-form">
        <PlanFields
          seriesId={seriesId}
          lead={
            <Form.Item name="seriesId" label={t('meetings.series')} rules={[{ required: true }]} style={{ minWidth: 240 }}>
              <Select loading={series.isLoading} options={(series.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.orgName}）` }))} />
            </Form.Item>
          }
        />
        <Button type="primary" htmlType="submit" loading={planMeeting.isPending}>
          {t('plan.submit')}
        </Button>
      </Form>
    </Card>
  );
}
