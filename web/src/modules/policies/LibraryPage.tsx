import { Button, Card, Checkbox, Empty, Flex, List, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { POLICY_LEVELS, POLICY_PERMISSIONS as P, POLICY_STATUSES } from '@common/policies';
import type { PolicySummary } from '@common/schemas/policies';
import { Page } from '../../shared/Page';
import { ListSearch } from '../../shared/ListSearch';
import { useIsMobile } from '../../shared/useIsMobile';
import { listTableProps, sortOrderOf } from '../../shared/listTable';
import { useAuth } from '../../shared/auth/AuthContext';
import { useArticleSearch, usePolicies } from './api';
import { levelLabel, policyStatusLabel, PolicyStatusTag } from './labels';

type Sort = 'effectiveDate' | 'title' | 'updatedAt';

/** The library: search articles by Chinese words (the worker's first stop), or browse, filter and sort the policies. */
export default function LibraryPage() {
  const { t } = useTranslation('policies');
  const { can } = useAuth();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const [query, setQuery] = useState<{ page: number; pageSize: number; sort?: Sort; order?: 'asc' | 'desc'; level?: string; status?: string }>({
    page: 1,
    pageSize: 20,
    status: 'effective',
  });
  const hits = useArticleSearch(q);
  const list = usePolicies({ ...query });

  return (
    <Page
      title={t('library.title')}
      extra={
        <>
          {can(P.ask) && (
            <Link to="/policies/ask">
              <Button type="primary" data-testid="policies-ask">
                {t('library.ask')}
              </Button>
            </Link>
          )}
          <Link to="/policies/questions">
            <Button>{t('library.questions')}</Button>
          </Link>
          {can(P.manage) && (
            <Link to="/policies/new">
              <Button data-testid="policies-add">{t('library.add')}</Button>
            </Link>
          )}
        </>
      }
    >
      <ListSearch
        value={q}
        onSearch={(v) => setParams(v ? { q: v } : {})}
        placeholder={t('library.search')}
        width="100%"
        testId="policies-search"
        buttonTestId="policies-search-go"
      />
      {q ? (
        <List
          style={{ marginTop: 16 }}
          loading={hits.isLoading}
          header={hits.data ? t('library.hits', { count: hits.data.length }) : null}
          dataSource={hits.data ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('library.noHits')} /> }}
          renderItem={(a) => (
            <List.Item data-testid="policies-hit">
              <Card size="small" style={{ width: '100%' }} title={<Link to={`/policies/${a.policyId}#a-${a.seq}`}>{`${a.policyTitle} ${a.label}`}</Link>}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.body}</Typography.Paragraph>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <>
          <Flex gap={8} wrap style={{ margin: '16px 0' }}>
            <Select
              allowClear
              placeholder={t('library.level')}
              aria-label={t('library.level')}
              style={{ width: 140 }}
              value={query.level}
              options={POLICY_LEVELS.map((v) => ({ value: v, label: levelLabel(v) }))}
              onChange={(level) => setQuery({ ...query, level, page: 1 })}
            />
            <Select
              allowClear
              placeholder={t('library.status')}
              aria-label={t('library.status')}
              style={{ width: 160 }}
              value={query.status}
              options={POLICY_STATUSES.map((v) => ({ value: v, label: policyStatusLabel(v) }))}
              onChange={(status) => setQuery({ ...query, status, page: 1 })}
            />
            <Checkbox checked={!query.status} onChange={(e) => setQuery({ ...query, status: e.target.checked ? undefined : 'effective', page: 1 })}>
              {t('library.allVersions')}
            </Checkbox>
          </Flex>
          {mobile ? (
            <List
              loading={list.isLoading}
              dataSource={list.data?.items ?? []}
              pagination={{
                current: query.page,
                pageSize: query.pageSize,
                total: list.data?.total ?? 0,
                simple: true,
                onChange: (page) => setQuery({ ...query, page }),
              }}
              renderItem={(p: PolicySummary) => (
                <List.Item>
                  <Flex vertical style={{ width: '100%' }}>
                    <Link to={`/policies/${p.id}`}>{p.title}</Link>
                    <Typography.Text type="secondary">
                      {levelLabel(p.level)} · {p.issuer} · {p.effectiveDate}
                    </Typography.Text>
                    <div>
                      <PolicyStatusTag status={p.status} />
                    </div>
                  </Flex>
                </List.Item>
              )}
            />
          ) : (
            <Table<PolicySummary>
              {...listTableProps<PolicySummary, Sort>({
                query,
                data: list.data,
                loading: list.isLoading,
                onChange: (patch) => setQuery({ ...query, ...patch }),
                showTotal: (n) => t('library.total', { count: n }),
              })}
              columns={[
                {
                  key: 'title',
                  title: t('form.name'),
                  sorter: true,
                  sortOrder: sortOrderOf(query, 'title'),
                  render: (_, p) => <Link to={`/policies/${p.id}`}>{p.title}</Link>,
                },
                { key: 'level', title: t('library.level'), render: (_, p) => levelLabel(p.level) },
                { key: 'issuer', title: t('library.issuer'), dataIndex: 'issuer' },
                {
                  key: 'effectiveDate',
                  title: t('library.effectiveDate'),
                  dataIndex: 'effectiveDate',
                  sorter: true,
                  sortOrder: sortOrderOf(query, 'effectiveDate'),
                },
                { key: 'articles', title: '', render: (_, p) => t('library.articles', { count: p.articleCount }) },
                { key: 'status', title: t('library.status'), render: (_, p) => <PolicyStatusTag status={p.status} /> },
              ]}
            />
          )}
        </>
      )}
    </Page>
  );
}
