import { Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FaqUse } from '@common/schemas/policies';
import { Page } from '../../shared/Page';
import { CursorPager } from '../../shared/CursorPager';
import { listTableProps } from '../../shared/listTable';
import { useUrlQuery } from '../../shared/useUrlFilters';
import { useFaqUses } from './api';
import { topicLabel } from './labels';

const FILTER_KEYS = ['kind', 'from', 'to', 'orgId'] as const;
type UsesQuery = { page: number; pageSize: number; after?: string; kind?: string; from?: string; to?: string; orgId?: string };

/**
 * The FAQ's dated uses — an entry opened, or marked 「这条解答了我的问题」 — for those who answer questions: the
 * list the figures 常见问题查看次数 and 看常见问题后免于提问 drill into (kind and days in the address), by day and
 * unit, never naming the worker.
 */
export default function FaqUsesPage() {
  const { t } = useTranslation('policies');
  const [query, patch] = useUrlQuery<UsesQuery>(FILTER_KEYS, { pageSize: 50 });
  const { data, isFetching } = useFaqUses(query);
  const kindLabel = (k: string) => t(`uses.kinds.${k}`);
  return (
    <Page title={t('uses.title')}>
      <Typography.Paragraph type="secondary">{t('uses.help')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('uses.kind')}
          aria-label={t('uses.kind')}
          style={{ width: 180 }}
          value={query.kind}
          options={['view', 'deflect'].map((v) => ({ value: v, label: kindLabel(v) }))}
          onChange={(kind) => patch({ kind })}
        />
        {(query.from || query.to) && <Tag closable onClose={() => patch({ from: undefined, to: undefined })}>{`${query.from ?? ''} — ${query.to ?? ''}`}</Tag>}
      </Flex>
      <Table<FaqUse>
        {...listTableProps<FaqUse, never>({
          query,
          data,
          loading: isFetching,
          onChange: (p) => patch({ ...p }),
          showTotal: (n) => t('questions.total', { count: n, plus: data?.totalCapped ? '+' : '' }),
        })}
        onRow={() => ({ 'data-testid': 'faq-use-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'day', title: t('uses.day'), dataIndex: 'day' },
          { key: 'kind', title: t('uses.kind'), render: (_, u) => <Tag color={u.kind === 'deflect' ? 'green' : undefined}>{kindLabel(u.kind)}</Tag> },
          { key: 'faq', title: t('uses.faq'), dataIndex: 'faqTitle' },
          { key: 'topic', title: t('questions.topic'), render: (_, u) => topicLabel(u.topic) },
          { key: 'unit', title: t('uses.unit'), dataIndex: 'unitName' },
        ]}
      />
      {/* Past the 2 000 counted uses the list goes on by the server's cursor, newest day first. */}
      <CursorPager query={query} data={data} onChange={(p) => patch(p)} testId="faq-uses-cursor-pager" />
    </Page>
  );
}
