import { useState } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useCaseAction, useMediatorOptions, type CaseAction, type CaseDetail } from './api';

type Field = { name: string; kind: 'text' | 'area' | 'date' | 'money' | 'days' | 'check' | 'mediator' | 'org'; label: string; required?: boolean };

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The buttons of what the caller may do next, each opening its form; the server decides (`can`) and re-checks. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('mediation');
  const { message } = App.useApp();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const act = useCaseAction(c.id);
  const mediators = useMediatorOptions(c.id, c.can.accept && open === 'accept');

  const forms: Partial<Record<CaseAction, { title: string; fields: Field[]; initial?: Record<string, unknown> }>> = {
    accept: {
      title: t('action.accept'),
      fields: [
        { name: 'mediatorAccountId', kind: 'mediator', label: t('action.mediator') },
        { name: 'note', kind: 'text', label: t('action.note') },
      ],
    },
    reject: { title: t('action.reject'), fields: [{ name: 'reason', kind: 'area', label: t('action.reason'), required: true }] },
    sessions: {
      title: t('action.session'),
      initial: { date: today() },
      fields: [
        { name: 'date', kind: 'date', label: t('action.paidOn'), required: true },
        { name: 'attendees', kind: 'text', label: t('detail.attendees'), required: true },
        { name: 'applicantSaid', kind: 'area', label: t('detail.applicantSaid'), required: true },
        { name: 'respondentSaid', kind: 'area', label: t('detail.respondentSaid'), required: true },
        { name: 'nextStep', kind: 'text', label: t('detail.nextStep') },
      ],
    },
    extend: {
      title: t('action.extend'),
      fields: [
        { name: 'days', kind: 'days', label: t('action.days'), required: true },
        { name: 'reason', kind: 'area', label: t('action.reason'), required: true },
      ],
    },
    agreement: {
      title: t('action.agree'),
      initial: { applicantSignedOn: today(), respondentSignedOn: today() },
      fields: [
        { name: 'terms', kind: 'area', label: t('detail.terms'), required: true },
        { name: 'agreedAmount', kind: 'money', label: t('detail.agreedAmount'), required: true },
        { name: 'performanceDue', kind: 'date', label: t('detail.performanceDue'), required: true },
        { name: 'applicantSignedOn', kind: 'date', label: t('detail.applicantSigned', { date: '' }).trim(), required: true },
        { name: 'respondentSigner', kind: 'text', label: t('apply.respondent'), required: true },
        { name: 'respondentSignedOn', kind: 'date', label: t('detail.respondentSigned', { name: '', date: '' }).trim(), required: true },
        { name: 'respondentOrgId', kind: 'org', label: t('performance.respondentOrg') },
      ],
    },
    fail: { title: t('action.fail'), fields: [{ name: 'reason', kind: 'area', label: t('action.reason'), required: true }] },
    withdraw: { title: t('action.withdraw'), fields: [{ name: 'reason', kind: 'area', label: t('action.reason'), required: true }] },
    payments: {
      title: t('action.payment'),
      initial: { paidOn: today(), complete: false },
      fields: [
        { name: 'paidAmount', kind: 'money', label: t('action.paidAmount'), required: true },
        { name: 'paidOn', kind: 'date', label: t('action.paidOn'), required: true },
        { name: 'note', kind: 'text', label: t('action.note') },
        { name: 'complete', kind: 'check', label: t('action.complete') },
      ],
    },
  };

  const buttons: CaseAction[] = [];
  if (c.can.accept) buttons.push('accept', 'reject');
  if (c.can.conduct && c.status === 'accepted') buttons.push('sessions', 'extend', 'agreement', 'fail');
  if (c.can.conduct && c.status === 'agreed') buttons.push('payments');
  if (c.can.withdraw) buttons.push('withdraw');
  if (!buttons.length) return null;

  const current = open ? forms[open] : undefined;
  const submit = (values: Record<string, unknown>) => {
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    act.mutate(
      { action: open!, body },
      {
        onSuccess: () => {
          void message.success(t('action.done'));
          setOpen(null);
          form.resetFields();
        },
        onError,
      },
    );
  };
  const input = (f: Field) => {
    if (f.kind === 'area') return <Input.TextArea rows={3} data-testid={`mediation-field-${f.name}`} />;
    if (f.kind === 'date') return <Input type="date" data-testid={`mediation-field-${f.name}`} />;
    if (f.kind === 'money') return <InputNumber min={0} max={10_000_000} precision={2} style={{ width: '100%' }} data-testid={`mediation-field-${f.name}`} />;
    if (f.kind === 'days') return <InputNumber min={1} max={15} style={{ width: '100%' }} data-testid={`mediation-field-${f.name}`} />;
    if (f.kind === 'check') return <Checkbox />;
    if (f.kind === 'org') return <OrgTreeSelect allowClear />;
    if (f.kind === 'mediator')
      return (
        <Select
          allowClear
          loading={mediators.isFetching}
          options={(mediators.data?.items ?? []).map((m) => ({ value: m.accountId, label: m.name }))}
          data-testid="mediation-field-mediator"
        />
      );
    return <Input data-testid={`mediation-field-${f.name}`} />;
  };

  return (
    <>
      <Flex gap={8} wrap>
        {buttons.map((b) => (
          <Button
            key={b}
            type={b === 'accept' || b === 'agreement' || b === 'sessions' ? 'primary' : 'default'}
            danger={b === 'reject' || b === 'fail'}
            onClick={() => setOpen(b)}
            data-testid={`mediation-action-${b}`}
          >
            {forms[b]!.title}
          </Button>
        ))}
      </Flex>
      <Modal
        open={!!current}
        title={current?.title}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
        okText={t('action.submit')}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'mediation-action-submit' } as Record<string, string>}
      >
        {current && (
          <Form form={form} layout="vertical" onFinish={submit} initialValues={current.initial} preserve={false}>
            {current.fields.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={f.label}
                valuePropName={f.kind === 'check' ? 'checked' : 'value'}
                rules={f.required ? [{ required: true }] : undefined}
              >
                {input(f)}
              </Form.Item>
            ))}
          </Form>
        )}
      </Modal>
    </>
  );
}
