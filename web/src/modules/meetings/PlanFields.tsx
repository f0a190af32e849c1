import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { Dayjs } from 'dayjs';
import { ProposalPicker, proposalLabel } from './ProposalPicker';

export interface PlanValues {
  title: string;
  plannedDate: Dayjs;
  location?: string;
  agenda?: { title: string; appealCode?: string; presenterAccountId?: string; plannedMinutes?: number | null; proposalId?: string }[];
  attendeeAccountIds?: string[];
}

/** The plan's body as the API takes it, for planning a meeting and for changing a planned one. */
export const planBody = (v: PlanValues) => ({
  title: v.title,
  plannedDate: v.plannedDate.format('YYYY-MM-DD'),
  location: v.location || undefined,
  agenda: (v.agenda ?? []).map((a) => ({
    title: a.title,
    appealCode: a.appealCode?.trim() || undefined,
    presenterAccountId: a.presenterAccountId || undefined,
    plannedMinutes: a.plannedMinutes || undefined,
    proposalId: a.proposalId || undefined,
  })),
  attendeeAccountIds: v.attendeeAccountIds ?? [],
});

/**
 * Title, date, place, agenda and attendees of a meeting — the same fields when a meeting is
 * planned and when its plan changes before it is held. The carry-over item is the server's.
 * An item may take up an adopted congress proposal of the series' line (`seriesId`); an item
 * still untitled is named after the proposal picked.
 */
export function PlanFields({ lead, seriesId }: { lead?: ReactNode; seriesId?: string }) {
  const { t } = useTranslation('meetings');
  const form = Form.useFormInstance();
  return (
    <>
      <Flex gap={12} wrap>
        {lead}
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
              <Space key={f.key} align="baseline" style={{ display: 'flex' }} wrap>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: t('plan.itemRequired') }]}>
                  <Input placeholder={t('plan.itemTitle')} aria-label={t('plan.itemTitle')} maxLength={100} style={{ width: 320 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'appealCode']}>
                  <Input placeholder={t('plan.appealCode')} aria-label={t('plan.appealCode')} maxLength={40} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'plannedMinutes']}>
                  <InputNumber min={1} max={480} precision={0} placeholder={t('plan.minutes')} aria-label={t('plan.minutes')} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'presenterAccountId']} hidden>
                  <Input />
                </Form.Item>
                {/* A congress proposal taken up stays with its item when the plan is changed. */}
                <Form.Item name={[f.name, 'proposalId']}>
                  <ProposalPicker
                    seriesId={seriesId}
                    onPicked={(p) => {
                      if (!form.getFieldValue(['agenda', f.name, 'title'])) form.setFieldValue(['agenda', f.name, 'title'], proposalLabel(p).slice(0, 100));
                    }}
                  />
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
    </>
  );
}
