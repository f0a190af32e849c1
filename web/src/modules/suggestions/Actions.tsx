/**
 * What the caller may do next on a suggestion, as the server's `can` says: the author's
 * revision, the desk's review and later steps, an evaluator's blind scoring. Each form posts one
 * action; a 409 or 422 shows the server's Chinese message on its field.
 */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { BENEFIT_KINDS, DECISIONS } from '@common/suggestions';
import { useFormErrorHandler } from '../../shared/errors';
import { useAction, useCandidates, type SuggestionAction, type SuggestionDetail } from './api';
import { useLabel } from './labels';

interface Step {
  action: SuggestionAction;
  label: string;
  fields?: React.ReactNode;
  /** Turns the form's values into the body. */
  body?: (v: Record<string, unknown>) => unknown;
  primary?: boolean;
}

function StepButton({ id, step }: { id: string; step: Step }) {
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const act = useAction(id);
  const run = (v: Record<string, unknown>) =>
    act.mutate(
      { action: step.action, body: step.body ? step.body(v) : v },
      {
        onSuccess: () => {
          setOpen(false);
          form.resetFields();
          void message.success(t('action.done'));
        },
        onError,
      },
    );
  return (
    <>
      <Button
        type={step.primary ? 'primary' : 'default'}
        onClick={() => (step.fields ? setOpen(true) : run({}))}
        loading={!step.fields && act.isPending}
        data-testid={`suggestion-${step.action}`}
      >
        {step.label}
      </Button>
      {step.fields && (
        <Modal
          open={open}
          title={step.label}
          onCancel={() => setOpen(false)}
          onOk={() => form.submit()}
          okText={t('action.ok')}
          confirmLoading={act.isPending}
          destroyOnHidden
        >
          <Form form={form} layout="vertical" onFinish={run}>
            {step.fields}
          </Form>
        </Modal>
      )}
    </>
  );
}

const Required = { required: true };

export function Actions({ s }: { s: SuggestionDetail }) {
  const { t } = useTranslation('suggestions');
  const label = useLabel();
  const manage = s.can.manage;
  const needsPeople = manage && (s.status === 'accepted' || s.status === 'adopted' || s.status === 'trial');
  const candidates = useCandidates(s.id, needsPeople);
  const who = (list: { accountId: string; name: string; orgName: string | null }[] = []) =>
    list.map((c) => ({ value: c.accountId, label: `${c.name}${c.orgName ? `（${c.orgName}）` : ''}` }));
  const date = (v: unknown) => (v ? dayjs(v as dayjs.Dayjs).format('YYYY-MM-DD') : undefined);
  const steps: Step[] = [];

  if (s.can.revise) {
    steps.push({
      action: 'revise',
      label: t('action.revise'),
      primary: true,
      fields: (
        <>
          <Form.Item name="title" label={t('submit.titleField')} initialValue={s.title} rules={[Required]}>
            <Input />
          </Form.Item>
          <Form.Item name="problem" label={t('submit.problem')} initialValue={s.problem} rules={[Required]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="proposal" label={t('submit.proposal')} initialValue={s.proposal} rules={[Required]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="expectedBenefit" label={t('submit.expectedBenefit')} initialValue={s.expectedBenefit} rules={[Required]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ),
    });
  }
  if (s.can.review) {
    steps.push({ action: 'accept', label: t('action.accept'), primary: true });
    steps.push({
      action: 'return',
      label: t('action.return'),
      fields: (
        <Form.Item name="reason" label={t('action.reason')} rules={[Required]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      ),
    });
  }
  if (s.can.score) {
    steps.push({
      action: 'scores',
      label: t('action.score'),
      primary: true,
      body: (v) => ({ scores: Object.fromEntries(s.criteria.map((c) => [c.key, v[c.key]])), comment: (v.comment as string | undefined)?.trim() || undefined }),
      fields: (
        <>
          {s.criteria.map((c) => (
            <Form.Item key={c.key} name={c.key} label={`${c.label}（0–${c.max}）`} rules={[Required]}>
              <InputNumber min={0} max={c.max} precision={0} style={{ width: '100%' }} data-testid={`suggestion-score-${c.key}`} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label={t('action.comment')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ),
    });
  }
  if (manage && s.status === 'accepted') {
    steps.push({
      action: 'evaluators',
      label: t('action.evaluators'),
      primary: true,
      fields: (
        <Form.Item name="evaluatorAccountIds" label={t('action.evaluatorsPick')} rules={[Required]}>
          <Select mode="multiple" options={who(candidates.data?.evaluators)} loading={candidates.isLoading} data-testid="suggestion-evaluator-pick" />
        </Form.Item>
      ),
    });
  }
  if (manage && s.status === 'evaluated') {
    steps.push({
      action: 'decision',
      label: t('action.decide'),
      primary: true,
      fields: (
        <>
          <Form.Item name="decision" label={t('action.decide')} rules={[Required]}>
            <Select options={DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))} data-testid="suggestion-decision-pick" />
          </Form.Item>
          <Form.Item name="note" label={t('action.note')} rules={[Required]}>
            <Input.TextArea rows={2} data-testid="suggestion-decision-note" />
          </Form.Item>
        </>
      ),
    });
  }
  if (manage && (s.status === 'adopted' || s.status === 'trial')) {
    steps.push({
      action: 'implementation',
      label: t('action.implement'),
      primary: true,
      body: (v) => ({ ownerAccountId: v.ownerAccountId, dueDate: date(v.dueDate) }),
      fields: (
        <>
          <Form.Item name="ownerAccountId" label={t('action.owner')} rules={[Required]}>
            <Select options={who(candidates.data?.owners)} loading={candidates.isLoading} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('action.due')} rules={[Required]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      ),
    });
  }
  if (manage && s.status === 'implementing') {
    steps.push({
      action: 'benefit',
      label: t('action.benefit'),
      primary: true,
      fields: (
        <>
          <Form.Item name="kind" label={t('action.kind')} rules={[Required]}>
            <Select options={BENEFIT_KINDS.map((k) => ({ value: k, label: label.benefit(k) }))} />
          </Form.Item>
          <Form.Item name="amount" label={t('action.amount')} rules={[Required]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('action.note')} rules={[Required]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ),
    });
  }
  if (manage && s.status === 'assessed') steps.push({ action: 'verify', label: t('action.verify'), primary: true });
  if (manage && s.status === 'verified') {
    steps.push({
      action: 'reward',
      label: t('action.reward'),
      primary: true,
      body: (v) => ({ amount: v.amount, paidOn: date(v.paidOn) }),
      fields: (
        <>
          <Form.Item name="amount" label={t('action.amount')} rules={[Required]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="paidOn" label={t('action.paidOn')} rules={[Required]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      ),
    });
  }
  if (!steps.length) return null;
  return (
    <Card size="small">
      <Flex gap={8} wrap>
        {steps.map((step) => (
          <StepButton key={step.action} id={s.id} step={step} />
        ))}
      </Flex>
    </Card>
  );
}
