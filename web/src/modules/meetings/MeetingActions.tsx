import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useFormErrorHandler } from '../../shared/errors';
import { useMeetingAction, type Meeting } from './api';
import { PlanFields, planBody, type PlanValues } from './PlanFields';
import { todayInShanghai as today } from '../../shared/time';

export type MeetingAction = 'edit' | 'held' | 'cancel' | 'minutes' | 'approve' | 'publish' | 'absent';

/** What the managers may do next with a meeting, by its status; the server decides again and answers 409 when it moved on. */
export function nextActions(m: Meeting): MeetingAction[] {
  const out: MeetingAction[] = [];
  if (m.can.manage && m.status === 'planned') out.push('edit', 'held', 'cancel');
  if (m.can.manage && m.status === 'held') out.push('minutes');
  if (m.can.approve) out.push('approve');
  if (m.can.manage && m.status === 'approved') out.push('publish');
  return out;
}

/** The form each action opens, filled from the meeting as it stands. */
function initialValues(m: Meeting, action: MeetingAction): Record<string, unknown> {
  if (action === 'edit')
    return {
      title: m.title,
      plannedDate: dayjs(m.plannedDate),
      location: m.location ?? undefined,
      agenda: m.agenda
        .filter((a) => !a.carryOver)
        .map((a) => ({
          title: a.title,
          appealCode: a.appeal?.code,
          presenterAccountId: a.presenterAccountId ?? undefined,
          plannedMinutes: a.plannedMinutes,
          proposalId: a.proposal?.id,
        })),
      attendeeAccountIds: m.attendees.map((a) => a.accountId),
    };
  if (action === 'held') return { heldDate: m.plannedDate < today() ? m.plannedDate : today() };
  if (action === 'minutes') return { minutes: m.minutes ?? '', items: m.agenda.map((a) => a.minutes ?? '') };
  if (action === 'publish') return { orgId: m.orgId };
  return {};
}

/**
 * The meeting's lifecycle from the desk: change the plan, mark held or cancel, draft the minutes
 * (the whole and each item's conclusion), approve (chair), publish to an org; and an attendee's
 * absence with its reason (`absentFor`, opened from the attendee list).
 */
export function MeetingActions({ m, absentFor, onAbsentClose }: { m: Meeting; absentFor?: string | null; onAbsentClose?: () => void }) {
  const { t } = useTranslation('meetings');
  const { message } = App.useApp();
  const [open, setOpen] = useState<MeetingAction | null>(null);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const act = useMeetingAction(m.id);
  const current = absentFor ? 'absent' : open;
  const close = () => (absentFor ? onAbsentClose?.() : setOpen(null));

  const send = (values: Record<string, unknown>) => {
    const a = current!;
    const call =
      a === 'edit'
        ? { action: '', method: 'put' as const, body: planBody(values as unknown as PlanValues) }
        : a === 'minutes'
          ? {
              action: 'minutes',
              method: 'put' as const,
              body: {
                minutes: values.minutes,
                items: m.agenda.map((item, i) => ({ agendaItemId: item.id, minutes: String((values.items as string[])[i] ?? '') })),
              },
            }
          : a === 'absent'
            ? { action: 'attendance', body: { accountId: absentFor, present: false, absenceReason: values.absenceReason } }
            : { action: a, body: values };
    act.mutateAsync(call).then(() => {
      void message.success(t('detail.saved'));
      close();
    }, onError);
  };

  const fields = () => {
    switch (current) {
      case 'edit':
        return <PlanFields seriesId={m.seriesId} />;
      case 'held':
        return (
          <Form.Item name="heldDate" label={t('act.heldDate')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        );
      case 'cancel':
        return (
          <Form.Item name="reason" label={t('act.cancelReason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        );
      case 'absent':
        return (
          <Form.Item name="absenceReason" label={t('act.absenceReason')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        );
      case 'minutes':
        return (
          <>
            <Form.Item name="minutes" label={t('meetings.minutes')} rules={[{ required: true }]}>
              <Input.TextArea rows={5} maxLength={10_000} />
            </Form.Item>
            {m.agenda.map((a, i) => (
              <Form.Item key={a.id} name={['items', i]} label={t('act.itemMinutes', { seq: a.seq, title: a.title })}>
                <Input.TextArea rows={2} maxLength={4000} />
              </Form.Item>
            ))}
          </>
        );
      case 'publish':
        return (
          <Form.Item name="orgId" label={t('act.publishTo')} extra={t('act.publishHelp')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
        );
      default:
        return null;
    }
  };

  const buttons = nextActions(m);
  return (
    <>
      {buttons.length > 0 && (
        <Flex gap={8} wrap>
          {buttons.map((b) =>
            b === 'approve' ? (
              <Button
                key={b}
                type="primary"
                loading={act.isPending}
                onClick={() => act.mutateAsync({ action: 'approve' }).then(() => message.success(t('detail.saved')), onError)}
              >
                {t('meetings.approve')}
              </Button>
            ) : (
              <Button
                key={b}
                type={b === 'cancel' ? 'default' : 'primary'}
                danger={b === 'cancel'}
                onClick={() => setOpen(b)}
                data-testid={`meeting-action-${b}`}
              >
                {t(`act.${b}`)}
              </Button>
            ),
          )}
        </Flex>
      )}
      <Modal
        open={!!current}
        title={current ? t(`act.${current}`) : ''}
        width={current === 'edit' || current === 'minutes' ? 760 : undefined}
        onCancel={close}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
        okText={t('detail.submit')}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'meeting-action-submit' } as Record<string, string>}
      >
        {current && (
          <Form form={form} layout="vertical" onFinish={send} initialValues={initialValues(m, current)} preserve={false}>
            {fields()}
          </Form>
        )}
      </Modal>
    </>
  );
}
