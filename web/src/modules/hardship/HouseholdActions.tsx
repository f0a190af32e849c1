import { useState } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ASSISTANCE_KINDS, CALLBACK_MONTHS } from '@common/hardship';
import { useFormErrorHandler } from '../../shared/errors';
import { useHouseholdAction, type ProfileDetail } from './api';
import { useLabel } from './labels';

type Kind = 'text' | 'area' | 'date' | 'yuan' | 'size' | 'check' | { options: { value: string | number; label: string }[] };
type Field = { name: string; kind: Kind; label: string; required?: boolean };
type Action = 'visits' | 'approve' | 'refuse' | 'file' | 'reviews' | 'exit' | 'callbacks' | 'assistance';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** Amounts are typed in yuan and sent in fen. */
const FEN_FIELDS: Record<string, string> = { householdIncome: 'householdIncomeFen', amount: 'amountFen' };

/** What an officer may do next with a file, each a form; the server decides (`can`) and re-checks. */
export function HouseholdActions({ h }: { h: ProfileDetail }) {
  const { t } = useTranslation('hardship');
  const { message } = App.useApp();
  const label = useLabel();
  const [open, setOpen] = useState<Action | null>(null);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const act = useHouseholdAction(h.id);

  const forms: Record<Action, { title: string; fields: Field[]; initial?: Record<string, unknown> }> = {
    visits: {
      title: t('action.visit'),
      initial: { visitedOn: today() },
      fields: [
        { name: 'visitedOn', kind: 'date', label: t('action.visitedOn'), required: true },
        { name: 'notes', kind: 'area', label: t('action.notes'), required: true },
      ],
    },
    approve: { title: t('action.approve'), fields: [{ name: 'note', kind: 'text', label: t('action.note') }] },
    refuse: { title: t('action.refuse'), fields: [{ name: 'reason', kind: 'area', label: t('action.reason'), required: true }] },
    file: { title: t('action.file'), fields: [] },
    reviews: {
      title: t('action.review'),
      initial: { householdSize: h.householdSize, householdIncome: h.householdIncomeFen / 100, outcome: 'continue' },
      fields: [
        { name: 'householdIncome', kind: 'yuan', label: t('action.income'), required: true },
        { name: 'householdSize', kind: 'size', label: t('action.size'), required: true },
        {
          name: 'outcome',
          kind: {
            options: [
              { value: 'continue', label: t('action.continue') },
              { value: 'exit', label: t('action.exitOutcome') },
            ],
          },
          label: t('action.outcome'),
          required: true,
        },
        { name: 'notes', kind: 'area', label: t('action.notes'), required: true },
      ],
    },
    exit: { title: t('action.exit'), fields: [{ name: 'reason', kind: 'area', label: t('action.reason'), required: true }] },
    callbacks: {
      title: t('action.callback'),
      initial: { relapse: false, month: h.callbacks?.find((c) => !c.doneOn && !c.cancelled)?.month },
      fields: [
        {
          name: 'month',
          kind: { options: CALLBACK_MONTHS.map((m) => ({ value: m, label: t('detail.months', { n: m }) })) },
          label: t('action.month'),
          required: true,
        },
        { name: 'notes', kind: 'area', label: t('action.notes'), required: true },
        { name: 'relapse', kind: 'check', label: t('action.relapse') },
      ],
    },
    assistance: {
      title: t('action.assist'),
      initial: { givenOn: today(), kind: 'living' },
      fields: [
        { name: 'kind', kind: { options: ASSISTANCE_KINDS.map((k) => ({ value: k, label: label.kind(k) })) }, label: t('action.kind'), required: true },
        { name: 'amount', kind: 'yuan', label: t('action.amount'), required: true },
        { name: 'givenOn', kind: 'date', label: t('action.givenOn'), required: true },
        { name: 'fund', kind: 'text', label: t('action.fund'), required: true },
        { name: 'deliveredBy', kind: 'text', label: t('action.deliveredBy'), required: true },
        { name: 'note', kind: 'text', label: t('action.note') },
      ],
    },
  };

  const buttons: Action[] = [];
  if (h.can.visit) buttons.push('visits');
  if (h.can.decide) buttons.push(...(h.status === 'verified' ? (['approve'] as const) : []), 'refuse');
  if (h.can.file) buttons.push('file');
  if (h.can.assist) buttons.push('assistance');
  if (h.can.review) buttons.push('reviews', 'exit');
  if (h.can.callback) buttons.push('callbacks');
  if (!buttons.length) return null;

  const current = open ? forms[open] : undefined;
  const submit = (values: Record<string, unknown>) => {
    const body = Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => (FEN_FIELDS[k] ? [FEN_FIELDS[k], Math.round(Number(v) * 100)] : [k, v])),
    );
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
    const id = `hardship-field-${f.name}`;
    if (typeof f.kind === 'object') return <Select options={f.kind.options} aria-label={f.label} data-testid={id} />;
    if (f.kind === 'area') return <Input.TextArea rows={3} data-testid={id} />;
    if (f.kind === 'date') return <Input type="date" data-testid={id} />;
    if (f.kind === 'yuan') return <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid={id} />;
    if (f.kind === 'size') return <InputNumber min={1} max={30} style={{ width: '100%' }} data-testid={id} />;
    if (f.kind === 'check') return <Checkbox />;
    return <Input data-testid={id} />;
  };

  return (
    <>
      <Flex gap={8} wrap>
        {buttons.map((b) => (
          <Button
            key={b}
            type={b === 'approve' || b === 'visits' || b === 'file' ? 'primary' : 'default'}
            danger={b === 'refuse' || b === 'exit'}
            onClick={() => setOpen(b)}
            data-testid={`hardship-action-${b}`}
          >
            {forms[b].title}
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
        okButtonProps={{ 'data-testid': 'hardship-action-submit' } as Record<string, string>}
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
