import { useState } from 'react';
import { Button, Flex, Segmented, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { DrillBanner } from '../../shared/DrillBanner';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf, type ListQueryPatch } from '../../shared/listTable';
import { useContracts, type ContractQuery, type Contracts } from './api';
import { CreateContract } from './CreateContract';
import { ContractStatusTag, Light } from './labels';

type Row = Contracts['items'][number];
type SortKey = NonNullable<ContractQuery['sort']>;
type SetKey = 'all' | NonNullable<ContractQuery['set']>;

const URL_FILTERS = ['orgId', 'status', 'kind', 'set', 'asOf', 'from', 'to', 'repliedInTime'] as const;
/** The clause list's own filters: an honoured-rate drill names them and lands here by the module's path. */
const CLAUSE_FILTERS = ['lastStatus', 'checked', 'category', 'ownerOrgId'];
/** The agreed-raise list's own filter: the wage figure's drill names the agreed years. */
const RAISE_FILTERS = ['fromYear', 'toYear'];

/**
 * The list's filters from the address (a work report's drill): a set is judged on its day (`asOf`), so the period's
 * from/to that the drill adds beside it do not also narrow the bargaining requests.
 */
function filtersOf(params: URLSearchParams): Partial<ContractQuery> {
  const f: Record<string, string> = {};
  for (const k of URL_FILTERS) if (params.get(k)) f[k] = params.get(k)!;
  if (f.set) {
    delete f.from;
    delete f.to;
  }
  return f as Partial<ContractQuery>;
}

/** Every contract of the union's subtree with its clocks: the reply to a request, the filing, the term. */
export default function ContractsPage() {
  const { t } = useTranslation('contracts');
  const [params] = useSearchParams();
  const [query, setQuery] = useState<ContractQuery>(() => ({ page: 1, pageSize: 20, ...filtersOf(params) }));
  const { data, isFetching } = useContracts(query);
  const patch = (p: ListQueryPatch<SortKey> | Partial<ContractQuery>) => setQuery((q) => ({ ...q, page: 1, ...p }));
  if (RAISE_FILTERS.some((k) => params.has(k))) return <Navigate to={`/contracts/wage-raises?${params}`} replace />;
  if (CLAUSE_FILTERS.some((k) => params.has(k))) return <Navigate to={`/contracts/clauses?${params}`} replace />;
  // The set shows in the segmented control; the other filters only a drill sets, so they are named above the list.
  const drilled = URL_FILTERS.filter((k) => k !== 'set' && query[k]);
  const filterText = (k: (typeof URL_FILTERS)[number], v: string) =>
    k === 'orgId'
      ? t('list.filter.orgId')
      : k === 'repliedInTime'
        ? t(`list.filter.repliedInTime${v}`)
        : `${t(`list.filter.${k}`)} ${k === 'status' || k === 'kind' ? t(`${k}.${v}`) : v}`;
  const clear = () => patch(Object.fromEntries(drilled.map((k) => [k, undefined])));
  return (
    <Page
      title={t('list.title')}
      extra={
        <Flex gap={8}>
          <Link to="/contracts/clauses">
            <Button data-testid="contracts-clauses-link">{t('clauses.link')}</Button>
          </Link>
          <Link to="/contracts/wage-raises">
            <Button data-testid="contracts-raises-link">{t('raises.link')}</Button>
          </Link>
          <Link to="/contracts/wages">
            <Button>{t('create.wages')}</Button>
          </Link>
          <CreateContract />
        </Flex>
      }
    >
      {drilled.length > 0 && (
        <DrillBanner
          testId="contracts-drill"
          message={t('list.drilled', { filters: drilled.map((k) => filterText(k, query[k]!)).join('，') })}
          clearLabel={t('list.clearFilters')}
          onClear={clear}
          clearTestId="contracts-clear-filters"
        />
      )}
      <Segmented<SetKey>
        style={{ marginBottom: 12 }}
        value={query.set ?? 'all'}
        onChange={(v) => patch({ set: v === 'all' ? undefined : v })}
        options={(['all', 'inForce', 'expiring', 'overdueRenewal'] as const).map((k) => ({ value: k, label: t(`list.sets.${k}`) }))}
      />
      <Table<Row>
        {...listTableProps<Row, SortKey>({ query, data, loading: isFetching, onChange: patch, showTotal: (n) => `${n}` })}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          {
            key: 'title',
            title: t('list.name'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'title'),
            render: (_, r) => <Link to={`/contracts/${r.id}`}>{r.title}</Link>,
          },
          { key: 'kind', title: t('list.kind'), render: (_, r) => t(`kind.${r.kind}`) },
          { key: 'status', title: t('list.status'), render: (_, r) => <ContractStatusTag status={r.status} /> },
          {
            key: 'requestDate',
            title: t('list.reply'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'requestDate'),
            render: (_, r) => (
              <Light light={r.replyLight} text={r.repliedDate ? t('list.repliedOn', { date: r.repliedDate }) : t('list.replyBy', { date: r.replyDue })} />
            ),
          },
          {
            key: 'filing',
            title: t('list.filing'),
            render: (_, r) => (r.filingDue ? <Light light={r.filingLight} text={t('list.fileBy', { date: r.filingDue })} /> : '—'),
          },
          {
            key: 'endsOn',
            title: t('list.term'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'endsOn'),
            render: (_, r) =>
              r.startsOn
                ? `${r.startsOn} — ${r.endsOn}${r.daysToExpiry !== null ? `（${r.daysToExpiry >= 0 ? t('list.daysLeft', { n: r.daysToExpiry }) : t('list.expired')}）` : ''}`
                : '—',
          },
        ]}
      />
    </Page>
  );
}
