import { Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/time';
import type { AppealQuery, AppealSummary, Paged, SortKey } from './api';
import { LightTag, RatingTag, StatusTag, UrgencyTag, useAppealLabel } from './labels';
import { listTableProps, sortOrderOf } from '../../shared/listTable';
import { useDeptLabel } from './useDeptLabel';
import { CursorPager } from './CursorPager';

interface Props {
  query: AppealQuery;
  data: Paged<AppealSummary> | undefined;
  loading: boolean;
  onChange: (patch: Partial<AppealQuery>) => void;
}

export function AuthorText({ appeal }: { appeal: AppealSummary }) {
  const { t } = useTranslation('appeals');
  if (!appeal.author) {
    return (
      <Tag color="purple" style={{ marginInlineEnd: 0 }}>
        {t('anonymous')}
      </Tag>
    );
  }
  return <span>{appeal.author.name}</span>;
}

export function AppealTable({ query, data, loading, onChange }: Props) {
  const { t } = useTranslation('appeals');
  const label = useAppealLabel();
  const deptLabel = useDeptLabel();
  const sortOrder = (key: SortKey) => sortOrderOf(query, key);

  const columns: TableColumnsType<AppealSummary> = [
    {
      key: 'code',
      title: t('fields.code'),
      dataIndex: 'code',
      width: 150,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('code'),
      render: (code: string, a) => <Link to={`/appeals/${a.id}`}>{code}</Link>,
    },
    {
      key: 'title',
      title: t('fields.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, a) => (
        <Link to={`/appeals/${a.id}`} data-testid="appeal-row-title">
          {title}
        </Link>
      ),
    },
    {
      key: 'category',
      title: t('fields.category'),
      dataIndex: 'category',
      width: 100,
      sorter: true,
      sortOrder: sortOrder('category'),
      render: (v: string) => label('category', v),
    },
    {
      key: 'urgency',
      title: t('fields.urgency'),
      dataIndex: 'urgency',
      width: 110,
      sorter: true,
      sortOrder: sortOrder('urgency'),
      render: (v: string) => <UrgencyTag urgency={v} />,
    },
    {
      key: 'status',
      title: t('fields.status'),
      dataIndex: 'status',
      width: 110,
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (v: string) => <StatusTag status={v} />,
    },
    {
      key: 'dueDate',
      title: t('fields.deadline'),
      width: 170,
      sorter: true,
      sortOrder: sortOrder('dueDate'),
      render: (_: unknown, a) =>
        a.deadline ? (
          <Flex gap={4} align="center" wrap>
            <LightTag light={a.light} />
            <span>{a.deadline}</span>
          </Flex>
        ) : a.late ? (
          <Tag color="red">{t('overdueLate')}</Tag>
        ) : (
          t('noDeadline')
        ),
    },
    { key: 'author', title: t('fields.author'), width: 100, render: (_: unknown, a) => <AuthorText appeal={a} /> },
    { key: 'org', title: t('fields.org'), width: 130, ellipsis: true, render: (_: unknown, a) => a.org.name },
    { key: 'department', title: t('fields.department'), width: 160, ellipsis: true, render: (_: unknown, a) => deptLabel(a.department) },
    {
      key: 'submittedAt',
      title: t('fields.submittedAt'),
      dataIndex: 'submittedAt',
      width: 150,
      sorter: true,
      sortOrder: query.sort ? sortOrder('submittedAt') : 'descend',
      render: (v: string) => formatDateTime(v),
    },
    { key: 'rating', title: t('fields.rating'), dataIndex: 'rating', width: 100, render: (v: string | null) => <RatingTag rating={v} /> },
  ];

  return (
    <div data-testid="appeals-table">
      <Table<AppealSummary>
        {...listTableProps<AppealSummary, SortKey>({
          query,
          data,
          loading,
          onChange,
          showTotal: (total) => (
            <Typography.Text data-testid="appeals-total">{t('common:total', { total: data?.totalCapped ? `${total}+` : total })}</Typography.Text>
          ),
        })}
        // Paging by cursor: the numbered pager does not apply.
        {...(query.after ? { pagination: false as const } : {})}
        size="middle"
        columns={columns}
        scroll={{ x: 1400 }}
      />
      <CursorPager query={query} data={data} onChange={onChange} />
    </div>
  );
}
