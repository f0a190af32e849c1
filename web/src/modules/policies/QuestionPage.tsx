import { App, Button, Card, Checkbox, Descriptions, Form, Input, List, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../shared/Page';
import { ListSearch } from '../../shared/ListSearch';
import { formatDateTime } from '../../shared/time';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { answerQuestion, publishQuestion, useArticleSearch, usePoliciesWrite, useQuestion, withdrawQuestion } from './api';
import { QuestionStatusTag, topicLabel } from './labels';
import { Citations } from './Citations';

/** One question: the worker reads the answer and the cited articles; staff answer citing articles found by search, then publish it as FAQ. */
export default function QuestionPage() {
  const { t } = useTranslation('policies');
  const { id = '' } = useParams();
  const { data: q } = useQuestion(id);
  const showError = useShowError();
  const withdraw = usePoliciesWrite(withdrawQuestion(id));
  if (!q) return <Page title="…">{null}</Page>;
  return (
    <Page
      title={
        <Space wrap>
          {q.title}
          <QuestionStatusTag status={q.status} />
        </Space>
      }
      extra={
        q.mine && q.status === 'submitted' ? (
          <Popconfirm title={t('question.withdrawConfirm')} onConfirm={() => withdraw.mutate(undefined, { onError: showError })}>
            <Button>{t('question.withdraw')}</Button>
          </Popconfirm>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('questions.topic')}>{topicLabel(q.topic)}</Descriptions.Item>
        <Descriptions.Item label={t('questions.asker')}>{q.anonymous ? <Tag>{t('questions.anonymous')}</Tag> : q.askerName}</Descriptions.Item>
        <Descriptions.Item label={t('questions.org')}>{q.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('questions.dueDate')}>{q.dueDate}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{q.body}</Typography.Paragraph>
      {q.answer ? (
        <Card title={t('question.answer')} style={{ marginBottom: 16 }} data-testid="question-answer">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{q.answer}</Typography.Paragraph>
          <Citations items={q.citations} />
          {q.reviewNeeded && <Tag color="orange">{t('questions.review')}</Tag>}
        </Card>
      ) : (
        q.status === 'submitted' && <Typography.Paragraph type="secondary">{t('question.noAnswer', { date: q.dueDate })}</Typography.Paragraph>
      )}
      {q.canAnswer && q.status === 'submitted' && <AnswerForm id={q.id} />}
      {q.canAnswer && q.status === 'answered' && <PublishForm id={q.id} title={q.title} answer={q.answer ?? ''} />}
      <Card size="small" title={t('question.timeline')}>
        <Timeline
          items={q.events.map((e) => ({
            children: `${formatDateTime(e.at)} ${t(`question.events.${e.event}`, { defaultValue: e.event })}${e.actorName ? ` · ${e.actorName}` : ''}`,
          }))}
        />
      </Card>
    </Page>
  );
}

function AnswerForm({ id }: { id: string }) {
  const { t } = useTranslation('policies');
  const [form] = Form.useForm<{ answer: string }>();
  const onError = useFormErrorHandler(form);
  const [search, setSearch] = useState<string>();
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const hits = useArticleSearch(search);
  const send = usePoliciesWrite(answerQuestion(id));
  const toggle = (articleId: string, label: string) =>
    setPicked((m) => {
      const next = new Map(m);
      if (next.has(articleId)) next.delete(articleId);
      else next.set(articleId, label);
      return next;
    });
  return (
    <Card title={t('question.write')} style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate({ answer: v.answer, articleIds: [...picked.keys()] }, { onError })}>
        <Form.Item name="answer" rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 4 }} data-testid="answer-text" />
        </Form.Item>
        <Form.Item label={t('question.cite')}>
          <ListSearch
            value={search}
            onSearch={setSearch}
            placeholder={t('question.citeSearch')}
            width="100%"
            testId="cite-search"
            buttonTestId="cite-search-go"
          />
        </Form.Item>
        {picked.size > 0 && (
          <Space wrap style={{ marginBottom: 8 }}>
            {[...picked.entries()].map(([k, label]) => (
              <Tag key={k} closable onClose={() => toggle(k, label)}>
                {label}
              </Tag>
            ))}
          </Space>
        )}
        <List
          size="small"
          dataSource={hits.data ?? []}
          renderItem={(a) => (
            <List.Item data-testid="cite-pick">
              <Checkbox checked={picked.has(a.id)} onChange={() => toggle(a.id, `${a.policyTitle} ${a.label}`)}>
                <Typography.Text strong>{`${a.policyTitle} ${a.label}`}</Typography.Text> {a.body}
              </Checkbox>
            </List.Item>
          )}
        />
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="answer-send">
          {t('question.send')}
        </Button>
      </Form>
    </Card>
  );
}

function PublishForm({ id, title, answer }: { id: string; title: string; answer: string }) {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ faqTitle: string; faqAnswer: string }>();
  const onError = useFormErrorHandler(form);
  const publish = usePoliciesWrite(publishQuestion(id));
  return (
    <Card title={t('question.publish')} style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ faqTitle: title, faqAnswer: answer }}
        onFinish={(v) => publish.mutate(v, { onSuccess: () => void message.success(t('question.publish')), onError })}
      >
        <Form.Item name="faqTitle" label={t('question.faqTitle')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="faqAnswer" label={t('question.faqAnswer')} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Button htmlType="submit" loading={publish.isPending}>
          {t('question.publish')}
        </Button>
      </Form>
    </Card>
  );
}
