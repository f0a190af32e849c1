import { useState } from 'react';
import { Button, Flex, Segmented, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf, type ListQueryPatch } from '../../shared/listTable';
import { useContracts, type ContractQuery, type Contracts } from './api';
import { CreateContract } from './CreateContract';
import { ContractStatusTag, Light } from './labels';

type Row = Contracts['items'][number];
type SortKey = NonNullable<ContractQuery['sort']>;
type SetKey = 'all' | NonNullable<ContractQuery['set']>;

/** Every contract of the union's subtree with its clocks: the reply to a request, the filing, the term. */
export default function ContractsPage() {
  const { t } = useTranslation('contracts');
  const [query, setQuery] = useState<ContractQuery>({ page: 1, pageSize: 20 });
  const { data, isFetching } = useContracts(query);
  const patch = (p: ListQueryPatch<SortKey> | Partial<ContractQuery>) => setQuery((q) => ({ ...q, page: 1, ...p }));
  return (
    <Page
      title={t('list.title')}
      extra={
        <Flex gap={8}>
          <Link to="/contracts/wages"><Button>{t('create.wages')}</Button></Link>
          <CreateContract />
        </Flex>
      }
    >
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
          { key: 'title', title: t('list.name'), sorter: true, sortOrder: sortOrderOf(query, 'title'), render: (_, r) => <Link to={`/contracts/${r.id}`}>{r.title}</Link> },
          { key: 'kind', title: t('list.kind'), render: (_, r) => t(`kind.${r.kind}`) },
          { key: 'status', title: t('list.status'), render: (_, r) => <ContractStatusTag status={r.status} /> },
          { key: 'requestDate', title: t('list.reply'), sorter: true, sortOrder: sortOrderOf(query, 'requestDate'), render: (_, r) => <Light light={r.replyLight} text={r.repliedDate ? t('list.repliedOn', { date: r.repliedDate }) : t('list.replyBy', { date: r.replyDue })} /> },
          { key: 'filing', title: t('list.filing'), render: (_, r) => (r.filingDue ? <Light light={r.filingLight} text={t('list.fileBy', { date: r.filingDue })} /> : '—') },
          {
            key: 'endsOn',
            title: t('list.term'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'endsOn'),
            render: (_, r) => (r.startsOn ? `${r.startsOn} — ${r.endsOn}${r.daysToExpiry !== null ? `（${r.daysToExpiry >= 0 ? t('list.daysLeft', { n: r.daysToExpiry }) : t('list.expired')}）` : ''}` : '—'),
          },
        ]}
      />
    </Page>
  );
}
