import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Input, InputNumber, Radio, Result, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useShowError } from '../../shared/errors';
import { newIdempotencyKey } from '../../shared/idempotency';
import { Page } from '../../shared/Page';
import { useForm, useSaveDraft, useSubmit, type AnswerInput, type SurveyForm } from './api';

type Answers = Record<string, AnswerInput>;
type Question = SurveyForm['questions'][number];
/** An anonymous survey's draft never leaves the phone. */
const localKey = (id: string) => `xq.surveys.draft.${id}`;

function QuestionInput({ q, value, onChange }: { q: Question; value?: AnswerInput; onChange: (a: AnswerInput) => void }) {
  const { t } = useTranslation('surveys');
  const set = (over: Partial<AnswerInput>) => onChange({ questionId: q.id, ...over });
  const choices = value?.choices ?? [];
  switch (q.kind) {
    case 'single':
      return (
        <Radio.Group
          value={choices[0]}
          onChange={(e) => set({ choices: [e.target.value as number] })}
          options={q.options.map((o, i) => ({ value: i, label: o }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        />
      );
    case 'multiple':
      return (
        <Checkbox.Group
          value={choices}
          onChange={(v) => set({ choices: v as number[] })}
          options={q.options.map((o, i) => ({ value: i, label: o }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        />
      );
    case 'top3':
      return (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('answer.pickThree')}</Typography.Text>
          {[0, 1, 2].map((k) => (
            <Select
              key={k}
              aria-label={t('answer.rank', { n: k + 1 })}
              placeholder={t('answer.rank', { n: k + 1 })}
              value={choices[k]}
              onChange={(v: number) => {
                const next = [...choices];
                next[k] = v;
                set({ choices: next.filter((x) => x !== undefined) });
              }}
              options={q.options.map((o, i) => ({ value: i, label: o, disabled: choices.includes(i) && choices[k] !== i }))}
              data-testid={`surveys-top3-${k}`}
            />
          ))}
        </Flex>
      );
    case 'scale': {
      const steps = Array.from({ length: (q.scaleMax ?? 5) - (q.scaleMin ?? 1) + 1 }, (_, i) => (q.scaleMin ?? 1) + i);
      return (
        <Radio.Group
          optionType="button"
          value={value?.value}
          onChange={(e) => set({ value: e.target.value as number })}
          options={steps.map((n) => ({ value: n, label: String(n) }))}
        />
      );
    }
    case 'number':
      return (
        <InputNumber
          aria-label={q.text}
          value={value?.value}
          onChange={(v) => set(v === null ? {} : { value: v })}
          style={{ width: 160 }}
          inputMode="numeric"
        />
      );
    default:
      return <Input.TextArea aria-label={q.text} rows={3} maxLength={2000} value={value?.text} onChange={(e) => set({ text: e.target.value })} />;
  }
}

/** A worker answers on the phone: one card per question, save and resume, one submission. */
export default function AnswerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('surveys');
  const { message } = App.useApp();
  const showError = useShowError();
  const { data: form, isLoading } = useForm(id);
  const save = useSaveDraft(id);
  const submit = useSubmit(id);
  const [answers, setAnswers] = useState<Answers>({});
  const [sent, setSent] = useState(false);
  const key = useRef<{ body: string; key: string } | null>(null);

  useEffect(() => {
    if (!form) return;
    const draft = form.anonymous ? (JSON.parse(localStorage.getItem(localKey(id)) ?? 'null') as AnswerInput[] | null) : form.draft;
    if (draft) setAnswers(Object.fromEntries(draft.map((a) => [a.questionId, a])));
  }, [form, id]);

  if (isLoading || !form) return <Spin />;
  if (sent || form.answered) return <Result status="success" title={sent ? t('answer.submitted') : t('answer.done')} />;
  if (form.status !== 'open') return <Result status="info" title={t('answer.closed')} />;

  const list = () => form.questions.map((q) => answers[q.id]).filter((a): a is AnswerInput => !!a);
  const onSave = () => {
    if (form.anonymous) {
      localStorage.setItem(localKey(id), JSON.stringify(list()));
      void message.success(t('answer.saved'));
      return;
    }
    save.mutate(list(), { onSuccess: () => void message.success(t('answer.saved')), onError: showError });
  };
  const onSubmit = () => {
    const body = list();
    const text = JSON.stringify(body);
    // One key per content: a retried submission is applied once; changed answers are a new write.
    if (key.current?.body !== text) key.current = { body: text, key: newIdempotencyKey() };
    submit.mutate(
      { answers: body, key: key.current.key },
      {
        onSuccess: () => {
          localStorage.removeItem(localKey(id));
          setSent(true);
        },
        onError: showError,
      },
    );
  };

  return (
    <Page title={form.title}>
      <Flex vertical gap={12} style={{ maxWidth: 640 }}>
        <Alert
          type={form.anonymous ? 'success' : 'info'}
          showIcon
          message={form.anonymous ? t('answer.anonymous') : t('answer.named')}
          description={form.description || undefined}
        />
        {form.questions.map((q) => (
          <Card
            key={q.id}
            size="small"
            title={<Typography.Text style={{ whiteSpace: 'normal' }}>{`${q.sort}. ${q.text}${q.required ? '' : t('answer.optional')}`}</Typography.Text>}
            data-testid="surveys-question"
          >
            <QuestionInput q={q} value={answers[q.id]} onChange={(a) => setAnswers((x) => ({ ...x, [q.id]: a }))} />
          </Card>
        ))}
        <Flex gap={8} wrap>
          <Button onClick={onSave} loading={save.isPending} data-testid="surveys-save-draft">
            {t('answer.save')}
          </Button>
          <Button type="primary" onClick={onSubmit} loading={submit.isPending} data-testid="surveys-submit">
            {t('answer.submit')}
          </Button>
        </Flex>
      </Flex>
    </Page>
  );
}
