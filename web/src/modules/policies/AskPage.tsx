import { App, Button, Card, Collapse, Form, Input, Select, Switch, Typography } from 'antd';
import { useDeferredValue, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QUESTION_TOPICS } from '@common/policies';
import { Page } from '../../shared/Page';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { askQuestion, deflect, useFaq, usePoliciesWrite, viewFaq } from './api';
import { topicLabel } from './labels';
import { Citations } from './Citations';

interface Values {
  topic: string;
  title: string;
  body: string;
  anonymous: boolean;
}

/** A worker asks from the phone; while typing, the nearest FAQ entries show first, so an answered question need not be asked again. */
export default function AskPage() {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const showError = useShowError();
  const title = Form.useWatch('title', form);
  const draft = useDeferredValue((title ?? '').trim());
  const faq = useFaq(draft.length >= 2 ? draft : undefined);
  const send = usePoliciesWrite(askQuestion);
  const near = draft.length >= 2 ? (faq.data ?? []) : [];
  // Entries already opened on this page: opening one again is not another view.
  const seen = useRef(new Set<string>());
  return (
    <Page title={t('ask.title')}>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ topic: 'wages', anonymous: false }}
        onFinish={(v) =>
          send.mutate(v, {
            onSuccess: (q) => {
              void message.success(t('ask.sent', { date: q.dueDate }));
              navigate(`/policies/questions/${q.id}`);
            },
            onError,
          })
        }
      >
        <Form.Item name="topic" label={t('ask.topic')} rules={[{ required: true }]}>
          <Select options={QUESTION_TOPICS.map((v) => ({ value: v, label: topicLabel(v) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('ask.subject')} rules={[{ required: true, max: 60 }]}>
          <Input data-testid="ask-title" />
        </Form.Item>
        {near.length > 0 && (
          <Card size="small" title={t('ask.similar')} style={{ marginBottom: 16 }} data-testid="ask-similar">
            {/* An entry opened is a view (counted once a day per worker, no name kept); the staff see how often the FAQ spares a question. */}
            <Collapse
              size="small"
              ghost
              onChange={(keys) => {
                const opened = (Array.isArray(keys) ? keys : [keys]).map(String).filter((k) => !seen.current.has(k));
                for (const id of opened) {
                  seen.current.add(id);
                  // A lost count must not stop a worker reading the answer: a failed view is not shown.
                  viewFaq(id).catch(() => undefined);
                }
              }}
              items={near.map((f) => ({
                key: f.id,
                label: <Typography.Text strong>{f.title}</Typography.Text>,
                children: (
                  <div data-testid="ask-similar-answer">
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{f.answer}</Typography.Paragraph>
                    <Citations items={f.citations} />
                    <Button
                      size="small"
                      onClick={() =>
                        deflect(f.id).then(() => {
                          void message.success(t('ask.thanks'));
                          navigate('/policies');
                        }, showError)
                      }
                    >
                      {t('ask.solved')}
                    </Button>
                  </div>
                ),
              }))}
            />
          </Card>
        )}
        <Form.Item name="body" label={t('ask.body')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} data-testid="ask-body" />
        </Form.Item>
        <Form.Item name="anonymous" label={t('ask.anonymous')} valuePropName="checked" extra={t('ask.anonymousHelp')}>
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} block data-testid="ask-send">
          {t('ask.send')}
        </Button>
      </Form>
    </Page>
  );
}
