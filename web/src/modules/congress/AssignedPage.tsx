import { Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_STATUS_LABELS } from '@common/congress';
import { Page } from '../../shared/Page';
import { listTableProps, sortOrderOf } from '../../shared/listTable';
import { useIsMobile } from '../../shared/useIsMobile';
import { useAssigned, type ProposalQuery, type ProposalRow } from './api';

type SortKey = NonNullable<ProposalQuery['sort']>;

/** The handler's desk: proposals whose lead department is theirs, those to answer first. */
export default function AssignedPage() {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const isMobile = useIsMobile();
  const [query, setQuery] = useState<ProposalQuery>({ page: 1, pageSize: 20, status: 'assigned', sort: 'submittedAt', order: 'asc' });
  const list = useAssigned(query);
  return (
    <Page title={t('assigned.title')}>
      <Table<ProposalRow>
        size="small"
        locale={{ emptyText: <Empty description={t('assigned.none')} /> }}
        {...listTableProps<ProposalRow, SortKey>({
          query,
          data: list.data,
          loading: list.isFetching,
          onChange: (p) => setQuery((q) => ({ ...q, ...p })),
          showTotal: (n) => `${n}`,
          compact: isMobile,
        })}
        columns={[
          { key: 'number', dataIndex: 'number', title: t('proposals.number'), width: 72, sorter: true, sortOrder: sortOrderOf(query, 'number') },
          {
            key: 'title',
            dataIndex: 'title',
            title: t('proposals.subject'),
            render: (title: string, p) => <Link to={`/congress/proposals/${p.id}`}>{title}</Link>,
          },
          {
            key: 'status',
            dataIndex: 'status',
            title: t('proposals.status'),
            render: (st: ProposalRow['status']) => <Tag>{PROPOSAL_STATUS_LABELS[st][lang]}</Tag>,
          },
          { key: 'due', dataIndex: 'answerDueDate', title: t('assigned.due') },
          {
            key: 'submittedAt',
            dataIndex: 'submittedAt',
            title: t('list.submittedAt'),
            sorter: true,
            sortOrder: sortOrderOf(query, 'submittedAt'),
            responsive: ['md'],
            render: (at: string) => at.slice(0, 10),
          },
        ]}
      />
    </Page>
  );
}
