import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../shared/CursorPager';
import { useEnumLabel } from '../../shared/enumOptions';
import { listTableProps, sortOrderOf } from '../../shared/listTable';
import type { Paged, PeopleQuery, Person, SortField } from './api';
import { PhoneCell } from './PhoneCell';

interface Props {
  query: PeopleQuery;
  data: Paged<Person> | undefined;
  loading: boolean;
  onChange: (patch: Partial<PeopleQuery>) => void;
}

export function PeopleTable({ query, data, loading, onChange }: Props) {
  const { t } = useTranslation('people');
  const label = useEnumLabel();

  const sortOrder = (field: SortField) => sortOrderOf(query, field);

  const columns: TableColumnsType<Person> = [
    { key: 'name', dataIndex: 'name', title: t('fields.name'), sorter: true, sortOrder: sortOrder('name'), fixed: 'left', width: 110 },
    { key: 'employeeNo', dataIndex: 'employeeNo', title: t('fields.employeeNo'), sorter: true, sortOrder: sortOrder('employeeNo'), width: 120 },
    { key: 'orgName', dataIndex: 'orgName', title: t('fields.org'), sorter: true, sortOrder: sortOrder('orgName'), ellipsis: true },
    { key: 'kind', dataIndex: 'kind', title: t('fields.kind'), width: 90, render: (v: string) => label('personKind', v) },
    {
      key: 'category',
      dataIndex: 'employmentCategory',
      title: t('fields.category'),
      width: 120,
      render: (v: string | null) => label('employmentCategory', v),
    },
    { key: 'gender', dataIndex: 'gender', title: t('fields.gender'), width: 70, render: (v: string | null) => label('gender', v) },
    { key: 'position', dataIndex: 'position', title: t('fields.position'), ellipsis: true },
    {
      key: 'unionMember',
      dataIndex: 'unionMember',
      title: t('fields.unionMember'),
      width: 100,
      render: (v: boolean) => (v ? <Tag color="red">{t('common:yes')}</Tag> : t('common:no')),
    },
    { key: 'phone', dataIndex: 'phone', title: t('fields.phone'), width: 170, render: (v: string | null, p) => <PhoneCell personId={p.id} phone={v} /> },
    { key: 'idNumber', dataIndex: 'idNumber', title: t('fields.idNumber'), width: 190 },
  ];

  return (
    <div data-testid="people-table">
      <Table<Person>
        {...listTableProps<Person, SortField>({
          query,
          data,
          loading,
          onChange,
          showTotal: (total) => t('common:total', { total: data?.totalCapped ? `${total}+` : total }),
        })}
        size="middle"
        columns={columns}
        scroll={{ x: 1200 }}
      />
      <CursorPager query={query} data={data} onChange={onChange} testId="people-cursor-pager" />
    </div>
  );
}
