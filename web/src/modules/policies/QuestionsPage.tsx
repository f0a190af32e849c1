import { Flex, List, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { POLICY_PERMISSIONS as P, QUESTION_STATUSES, QUESTION_TOPICS } from '@common/policies';
import type { QuestionSummary } from '@common/schemas/policies';
import { Page } from '../../shared/Page';
import { ListSearch } from '../../shared/ListSearch';
import { useIsMobile } from '../../shared/useIsMobile';
import { listTableProps, sortOrderOf } from '../../shared/listTable';
import { CursorPager } from '../../shared/CursorPager';
import { formatDateTime } from '../../shared/time';
import { useAuth } from '../../shared/auth/AuthContext';
import { useQuestions } from './api';
import { questionStatusLabel, QuestionStatusTag, topicLabel } from './labels';
import { ExplainPrompts } from './ExplainPrompts';

type Sort = 'askedAt' | 'dueDate' | 'status';

/** Workers see their own questions; those who answer see the queue of their units, filtered and sorted (a figure's drill opens it with its filters). */
export default function QuestionsPage() {
  const { t } = useTranslation('policies');
  const { can } = useAuth();
  const mobile = useIsMobile();
  const [params] = useSearchParams();
  const staff = can(P.answer);
  const drill = Object.fromEntries([...params.entries()].filter(([k]) => ['status', 'onTime', 'from', 'to', 'orgId', 'reviewNeeded', 'topic'].includes(k)));
  const [query, setQuery] = useState<
    { page: number; pageSize: number; after?: string; sort?: Sort; order?: 'asc' | 'desc'; status?: string; topic?: string; q?: string } & Record<
      string,
      string | number | undefined
    >
  >({
    page: 1,
    pageSize: 20,
    ...(staff && !params.size ? { status: 'submitted', sort: 'dueDate' as Sort, order: 'asc' as const } : {}),
    ...drill,
  });
  const { data, isLoading } = useQuestions({ ...query, ...(staff ? {} : { mine: 1 }) });
  const asker = (q: QuestionSummary) => (q.anonymous ? <Tag>{t('questions.anonymous')}</Tag> : q.askerName);
  const due = (q: QuestionSummary) => (
    <>
      {q.dueDate} {q.onTime === true && <Tag color="green">{t('questions.onTime')}</Tag>}
      {q.onTime === false && <Tag color="red">{t('questions.late')}</Tag>}
      {q.reviewNeeded && <Tag color="orange">{t('questions.review')}</Tag>}
    </>
  );
  return (
    <Page title={staff ? t('questions.queue') : t('questions.mine')}>
      {staff && <ExplainPrompts />}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <ListSearch
          value={query.q}
          onSearch={(q) => setQuery({ ...query, q, page: 1, after: undefined })}
          placeholder={t('questions.search')}
          width={mobile ? '100%' : 260}
          testId="questions-search"
          buttonTestId="questions-search-go"
        />
        <Select
          allowClear
          placeholder={t('questions.status')}
          aria-label={t('questions.status')}
          style={{ width: 180 }}
          value={query.status}
          options={QUESTION_STATUSES.map((v) => ({ value: v, label: questionStatusLabel(v) }))}
          onChange={(status) => setQuery({ ...query, status, page: 1, after: undefined })}
        />
        <Select
          allowClear
          placeholder={t('questions.topic')}
          aria-label={t('questions.topic')}
          style={{ width: 140 }}
          value={query.topic}
          options={QUESTION_TOPICS.map((v) => ({ value: v, label: topicLabel(v) }))}
          onChange={(topic) => setQuery({ ...query, topic, page: 1, after: undefined })}
        />
      </Flex>
      {mobile ? (
        <List
          loading={isLoading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('questions.empty') }}
          pagination={
            query.after
              ? false
              : { current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, simple: true, onChange: (page) => setQuery({ ...query, page }) }
          }
          renderItem={(q) => (
            <List.Item data-testid="question-row">
              <Flex vertical style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <Link to={`/policies/questions/${q.id}`}>{q.title}</Link>
                  <QuestionStatusTag status={q.status} />
                </Flex>
                <Typography.Text type="secondary">
                  {topicLabel(q.topic)} · {formatDateTime(q.askedAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<QuestionSummary>
          {...listTableProps<QuestionSummary, Sort>({
            query,
            data,
            loading: isLoading,
            onChange: (patch) => setQuery({ ...query, after: undefined, ...patch }),
            showTotal: (n) => t('questions.total', { count: n, plus: data?.totalCapped ? '+' : '' }),
          })}
          onRow={() => ({ 'data-testid': 'question-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'title', title: t('questions.subject'), render: (_, q) => <Link to={`/policies/questions/${q.id}`}>{q.title}</Link> },
            { key: 'topic', title: t('questions.topic'), render: (_, q) => topicLabel(q.topic) },
            ...(staff
              ? [
                  { key: 'asker', title: t('questions.asker'), render: (_: unknown, q: QuestionSummary) => asker(q) },
                  { key: 'org', title: t('questions.org'), dataIndex: 'orgName' },
                ]
              : []),
            {
              key: 'askedAt',
              title: t('questions.askedAt'),
              sorter: true,
              sortOrder: sortOrderOf(query, 'askedAt'),
              render: (_, q) => formatDateTime(q.askedAt),
            },
            { key: 'dueDate', title: t('questions.dueDate'), sorter: true, sortOrder: sortOrderOf(query, 'dueDate'), render: (_, q) => due(q) },
            {
              key: 'status',
              title: t('questions.status'),
              sorter: true,
              sortOrder: sortOrderOf(query, 'status'),
              render: (_, q) => <QuestionStatusTag status={q.status} />,
            },
          ]}
        />
      )}
      {/* Past the 2 000 counted questions the list goes on by the server's cursor (newest first or by deadline). */}
      <CursorPager query={query} data={data} onChange={(p) => setQuery({ ...query, ...p })} testId="questions-cursor-pager" />
    </Page>
  );
}
