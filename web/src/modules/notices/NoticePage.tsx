import { Alert, App, Button, Card, Checkbox, Collapse, Descriptions, Form, Input, List, Popconfirm, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { NoticeDetail } from '@common/schemas/notices';
import { Page } from '../../shared/Page';
import { EChart } from '../../shared/EChart';
import { formatDateTime } from '../../shared/time';
import { useEnumLabel } from '../../shared/enumOptions';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import {
  answerQuestion,
  askQuestion,
  correctNotice,
  markRead,
  useHistory,
  useNotice,
  useNoticesWrite,
  useQuestions,
  useReadRates,
  withdrawNotice,
} from './api';

/** One notice: on a phone, the text, attachments and questions (opening it stamps the receipt); for its publisher, read rates, answers, correction and withdrawal. */
export default function NoticePage() {
  const { t } = useTranslation('notices');
  const enumLabel = useEnumLabel();
  const { id = '' } = useParams();
  const { data: n } = useNotice(id);
  const qc = useQueryClient();
  const stamped = useRef(false);
  useEffect(() => {
    if (!n || n.canPublish || n.readAt || stamped.current) return;
    stamped.current = true;
    void markRead(id).then(() => qc.invalidateQueries({ queryKey: ['notices', 'list'] }));
  }, [n, id, qc]);
  if (!n) return <Page title="…">{null}</Page>;
  return (
    <Page
      title={
        <Space wrap>
          {n.title}
          <Tag>{t(`kind.${n.kind}`)}</Tag>
          {n.status === 'withdrawn' && <Tag color="red">{t('status.withdrawn')}</Tag>}
          {n.version > 1 && <Tag color="orange">{t('notice.corrected')}</Tag>}
        </Space>
      }
    >
      {n.status === 'withdrawn' && (
        <Alert type="warning" style={{ marginBottom: 12 }} message={t('notice.withdrawn', { at: formatDateTime(n.withdrawnAt!), reason: n.withdrawReason })} />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('notice.scope')}>{n.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('notice.categories')}>
          {n.categories ? n.categories.map((c) => enumLabel('employmentCategory', c)).join('、') : t('notice.everyone')}
        </Descriptions.Item>
        <Descriptions.Item label={t('notice.published')}>{formatDateTime(n.publishedAt)}</Descriptions.Item>
        {n.nextDueDate && <Descriptions.Item label={t('notice.nextDue')}>{`${n.nextDueDate}（${t(`schedule.${n.schedule}`)}）`}</Descriptions.Item>}
        {n.source && <Descriptions.Item label={t('notice.source')}>{n.source.label}</Descriptions.Item>}
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="notice-text">
        {n.body}
      </Typography.Paragraph>
      {n.files.length > 0 && (
        <Card size="small" title={t('notice.files')} style={{ marginBottom: 12 }}>
          {n.files.map((f) => (
            <div key={f.id}>
              <a href={`/api/v1/notices/${n.id}/files/${f.id}`} target="_blank" rel="noreferrer">
                {f.name}
              </a>
            </div>
          ))}
        </Card>
      )}
      {n.canPublish && <ReadRates id={n.id} />}
      <Questions n={n} />
      {n.canPublish && n.status === 'published' && <PublisherActions n={n} />}
      <History id={n.id} />
      <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid="notice-chain">
        {t('notice.chain', { seq: n.chain.seq, hash: n.chain.hash })}
      </Typography.Paragraph>
    </Page>
  );
}

function ReadRates({ id }: { id: string }) {
  const { t } = useTranslation('notices');
  const enumLabel = useEnumLabel();
  const { data } = useReadRates(id, true);
  if (!data) return null;
  const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
  return (
    <Card
      size="small"
      title={`${t('rates.title')} ${pct(data.rate)}`}
      extra={t('rates.total', { read: data.read, recipients: data.recipients })}
      style={{ marginBottom: 12 }}
      data-testid="notice-rates"
    >
      <EChart
        height={Math.max(160, data.byUnit.length * 28 + 40)}
        option={{
          tooltip: {},
          grid: { left: 100, right: 24, top: 8, bottom: 24 },
          xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
          yAxis: { type: 'category', data: data.byUnit.map((u) => u.orgName) },
          series: [{ type: 'bar', name: t('rates.byUnit'), data: data.byUnit.map((u) => (u.rate === null ? 0 : Math.round(u.rate * 1000) / 10)) }],
        }}
      />
      <Table
        size="small"
        pagination={false}
        rowKey="category"
        dataSource={data.byCategory}
        columns={[
          { title: t('rates.byCategory'), dataIndex: 'category', render: (c: string) => enumLabel('employmentCategory', c) },
          { title: t('list.read'), render: (_: unknown, r) => `${r.read}/${r.recipients}` },
          { title: '%', render: (_: unknown, r) => pct(r.rate) },
        ]}
      />
    </Card>
  );
}

function Questions({ n }: { n: NoticeDetail }) {
  const { t } = useTranslation('notices');
  const { data = [] } = useQuestions(n.id);
  const [form] = Form.useForm<{ body: string; anonymous: boolean }>();
  const onError = useFormErrorHandler(form);
  const ask = useNoticesWrite(askQuestion(n.id));
  return (
    <Card size="small" title={t('questions.title')} style={{ marginBottom: 12 }}>
      <List
        size="small"
        locale={{ emptyText: t('questions.none') }}
        dataSource={data}
        renderItem={(q) => (
          <List.Item data-testid="notice-question">
            <div style={{ width: '100%' }}>
              <Space wrap size={4}>
                {q.anonymous && <Tag>{t('questions.anonymousTag')}</Tag>}
                {q.askerName && <Typography.Text type="secondary">{q.askerName}</Typography.Text>}
                {q.mine && <Tag color="blue">{t('questions.mine')}</Tag>}
                {q.status === 'open' && <Tag color="orange">{t('questions.open')}</Tag>}
              </Space>
              <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{q.body}</Typography.Paragraph>
              {q.answer && (
                <Typography.Paragraph type="success" style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-answer">
                  {`${t('questions.answer')}：${q.answer}`}
                </Typography.Paragraph>
              )}
              {n.canPublish && q.status === 'open' && <AnswerForm id={q.id} />}
            </div>
          </List.Item>
        )}
      />
      {n.canAsk && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ anonymous: false }}
          onFinish={(v) => ask.mutate(v, { onSuccess: () => form.resetFields(), onError })}
        >
          <Form.Item name="body" label={t('questions.ask')} rules={[{ required: true, max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid="notice-ask" />
          </Form.Item>
          <Form.Item name="anonymous" valuePropName="checked">
            <Checkbox>{t('questions.anonymous')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={ask.isPending} data-testid="notice-ask-send">
            {t('questions.send')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function AnswerForm({ id }: { id: string }) {
  const { t } = useTranslation('notices');
  const [form] = Form.useForm<{ answer: string }>();
  const onError = useFormErrorHandler(form);
  const send = useNoticesWrite(answerQuestion(id));
  return (
    <Form form={form} layout="inline" onFinish={(v) => send.mutate(v, { onError })} style={{ marginTop: 4 }}>
      <Form.Item name="answer" rules={[{ required: true, max: 2000 }]} style={{ flex: 1, minWidth: 200 }}>
        <Input.TextArea autoSize aria-label={t('questions.answer')} data-testid="notice-answer-text" />
      </Form.Item>
      <Button htmlType="submit" loading={send.isPending} data-testid="notice-answer-send">
        {t('questions.answerSend')}
      </Button>
    </Form>
  );
}

function PublisherActions({ n }: { n: NoticeDetail }) {
  const { t } = useTranslation('notices');
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ title: string; body: string; reason: string }>();
  const onError = useFormErrorHandler(form);
  const correct = useNoticesWrite(correctNotice(n.id));
  const [wform] = Form.useForm<{ reason: string }>();
  const withdraw = useNoticesWrite(withdrawNotice(n.id));
  return (
    <Collapse
      style={{ marginBottom: 12 }}
      items={[
        {
          key: 'correct',
          label: t('correct.title'),
          children: (
            <Form
              form={form}
              layout="vertical"
              initialValues={{ title: n.title, body: n.body }}
              onFinish={(v) =>
                correct.mutate(
                  { title: v.title !== n.title ? v.title : undefined, body: v.body !== n.body ? v.body : undefined, reason: v.reason },
                  { onSuccess: () => void message.success(t('correct.send')), onError },
                )
              }
            >
              <Form.Item name="title" label={t('correct.titleField')} rules={[{ required: true, max: 120 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="body" label={t('correct.body')} rules={[{ required: true, max: 20000 }]}>
                <Input.TextArea autoSize={{ minRows: 4 }} />
              </Form.Item>
              <Form.Item name="reason" label={t('correct.reason')} rules={[{ required: true, max: 300 }]}>
                <Input />
              </Form.Item>
              <Button htmlType="submit" loading={correct.isPending}>
                {t('correct.send')}
              </Button>
            </Form>
          ),
        },
        {
          key: 'withdraw',
          label: t('withdraw.title'),
          children: (
            <Form form={wform} layout="vertical">
              <Form.Item name="reason" label={t('withdraw.reason')} rules={[{ required: true, max: 300 }]}>
                <Input />
              </Form.Item>
              <Popconfirm title={t('withdraw.confirm')} onConfirm={() => wform.validateFields().then((v) => withdraw.mutate(v, { onError: showError }))}>
                <Button danger loading={withdraw.isPending}>
                  {t('withdraw.send')}
                </Button>
              </Popconfirm>
            </Form>
          ),
        },
      ]}
    />
  );
}

const DIFF_STYLE = { add: { background: '#e6f4ea' }, del: { background: '#fdecea', textDecoration: 'line-through' }, same: {} } as const;

function History({ id }: { id: string }) {
  const { t } = useTranslation('notices');
  const { data = [] } = useHistory(id);
  return (
    <Card size="small" title={t('history.title')} style={{ marginBottom: 12 }} data-testid="notice-history">
      <Timeline
        items={data.map((e) => ({
          children: (
            <div>
              <Typography.Text strong>{`${formatDateTime(e.at)} ${t(`history.${e.action}`)}`}</Typography.Text>
              {e.reason && <div>{`${t('history.reason')}：${e.reason}`}</div>}
              {e.changes
                .filter((c) => c.field !== 'body')
                .map((c) => (
                  <div key={c.field}>{`${t('history.changed')} ${c.field}：${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`}</div>
                ))}
              {e.bodyDiff && (
                <pre style={{ whiteSpace: 'pre-wrap', fontSize: 13, margin: '4px 0' }}>
                  {e.bodyDiff.map((l, i) => (
                    <div key={i} style={DIFF_STYLE[l.op]}>
                      {`${l.op === 'add' ? '+ ' : l.op === 'del' ? '− ' : '  '}${l.text}`}
                    </div>
                  ))}
                </pre>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 11, wordBreak: 'break-all' }}>{`#${e.seq} ${e.hash}`}</Typography.Text>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
