import { App, Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  PROPOSAL_GRADES,
  PROPOSAL_GRADE_LABELS,
  PROPOSAL_RATINGS,
  PROPOSAL_RATING_LABELS,
  SCREEN_OUTCOMES,
  type ProposalGrade,
  type ProposalRating,
  type ScreenOutcome,
} from '@common/congress';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useAnswer, useAssign, useGrade, useProposals, useRate, useScreen, useSecond, type ProposalDetail } from './api';

/** The one step the caller may take now, as the server's `can` says: second, screen, assign, answer, rate or grade. */
export function ProposalActions({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation('congress');
  const { message } = App.useApp();
  const showError = useShowError();
  const second = useSecond();
  const c = p.can;
  if (!Object.values(c).some(Boolean)) return null;
  return (
    <Flex vertical gap={16}>
      {c.second && (
        <Button
          type="primary"
          size="large"
          block
          loading={second.isPending}
          onClick={() => second.mutate(p.id, { onSuccess: () => void message.success(t('proposals.seconded')), onError: showError })}
          data-testid="congress-second"
        >
          {t('proposals.second')}
        </Button>
      )}
      {c.screen && <ScreenForm p={p} />}
      {c.assign && <AssignForm p={p} />}
      {c.answer && <AnswerForm p={p} />}
      {c.rate && <RateForm p={p} />}
      {c.grade && <GradeForm p={p} />}
    </Flex>
  );
}

function useDone() {
  const { t } = useTranslation('congress');
  const { message } = App.useApp();
  return () => void message.success(t('proposal.done'));
}

function ScreenForm({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation('congress');
  const [form] = Form.useForm<{ outcome: ScreenOutcome; reason: string; mergeIntoId?: string }>();
  const outcome = Form.useWatch('outcome', form);
  const screen = useScreen(p.id);
  const onError = useFormErrorHandler(form);
  const done = useDone();
  const adopted = useProposals(p.sessionId, { page: 1, pageSize: 200, status: 'adopted', sort: 'number', order: 'asc' });
  const outcomes = t('proposal.outcomes', { returnObjects: true }) as Record<ScreenOutcome, string>;
  return (
    <Card size="small" title={t('proposal.screen')}>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'adopt' }} onFinish={(v) => screen.mutate(v, { onSuccess: done, onError })}>
        <Form.Item name="outcome" label={t('proposal.outcome')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={SCREEN_OUTCOMES.map((o) => ({ value: o, label: outcomes[o] }))} data-testid="congress-screen-outcome" />
        </Form.Item>
        {outcome === 'merge' && (
          <Form.Item name="mergeIntoId" label={t('proposal.mergeInto')} rules={[{ required: true }]}>
            <Select options={(adopted.data?.items ?? []).filter((x) => x.id !== p.id).map((x) => ({ value: x.id, label: `第${x.number}号 · ${x.title}` }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('proposal.reason')} rules={[{ required: true, min: 2, max: 300 }]}>
          <Input.TextArea rows={2} maxLength={300} data-testid="congress-screen-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={screen.isPending} data-testid="congress-screen-submit">
          {t('proposal.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function AssignForm({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation('congress');
  const [form] = Form.useForm<{ departmentId: string; coDepartmentIds?: string[]; days?: number }>();
  const assign = useAssign(p.id);
  const onError = useFormErrorHandler(form);
  const done = useDone();
  return (
    <Card size="small" title={t('proposal.assign')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          assign.mutate({ departmentId: v.departmentId, coDepartmentIds: v.coDepartmentIds ?? [], days: v.days ?? undefined }, { onSuccess: done, onError })
        }
      >
        <Form.Item name="departmentId" label={t('proposal.department')} rules={[{ required: true }]}>
          <OrgTreeSelect id="congress-assign-department" />
        </Form.Item>
        <Form.Item name="days" label={t('proposal.days')}>
          <InputNumber min={1} max={90} placeholder="15" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={assign.isPending} data-testid="congress-assign-submit">
          {t('proposal.assign')}
        </Button>
      </Form>
    </Card>
  );
}

function AnswerForm({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation('congress');
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useAnswer(p.id);
  const onError = useFormErrorHandler(form);
  const done = useDone();
  return (
    <Card size="small" title={t('proposal.answerAction')}>
      <Form form={form} layout="vertical" onFinish={(v) => answer.mutate(v, { onSuccess: done, onError })}>
        <Form.Item name="answer" label={t('proposal.answer')} rules={[{ required: true, min: 5, max: 3000 }]}>
          <Input.TextArea rows={4} maxLength={3000} data-testid="congress-answer-text" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="congress-answer-submit">
          {t('proposal.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function RateForm({ p }: { p: ProposalDetail }) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const rate = useRate(p.id);
  const showError = useShowError();
  const done = useDone();
  return (
    <Card size="small" title={t('proposal.rate')}>
      <Typography.Paragraph type="secondary">{t('proposal.rateHint')}</Typography.Paragraph>
      <Flex gap={8}>
        {PROPOSAL_RATINGS.map((r: ProposalRating) => (
          <Button
            key={r}
            size="large"
            style={{ flex: 1 }}
            type={r === 'satisfied' ? 'primary' : 'default'}
            loading={rate.isPending}
            onClick={() => rate.mutate({ rating: r }, { onSuccess: done, onError: showError })}
            data-testid={`congress-rate-${r}`}
          >
            {PROPOSAL_RATING_LABELS[r][lang]}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}

function GradeForm({ p }: { p: ProposalDetail }) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [form] = Form.useForm<{ grade: ProposalGrade; reason: string }>();
  const grade = useGrade(p.id);
  const onError = useFormErrorHandler(form);
  const done = useDone();
  return (
    <Card size="small" title={t('proposal.gradeAction')}>
      <Form form={form} layout="vertical" initialValues={{ grade: p.grade ?? 'A' }} onFinish={(v) => grade.mutate(v, { onSuccess: done, onError })}>
        <Form.Item name="grade" label={t('proposal.grade')} rules={[{ required: true }]}>
          <Radio.Group options={PROPOSAL_GRADES.map((g) => ({ value: g, label: PROPOSAL_GRADE_LABELS[g][lang] }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('proposal.reason')} rules={[{ required: true, min: 2, max: 300 }]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={grade.isPending}>
          {t('proposal.submit')}
        </Button>
      </Form>
    </Card>
  );
}
