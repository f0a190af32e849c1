/**
 * What every server-paged list table does with antd's table: sorting by a column and paging
 * both become a patch of the list's query, and the pager offers the same page sizes.
 */
import type { ReactNode } from 'react';
import type { TableProps } from 'antd';

export const PAGE_SIZES = [20, 50, 100];

export interface ListQueryPatch<K extends string> {
  page?: number;
  pageSize?: number;
  sort?: K;
  order?: 'asc' | 'desc';
}

interface ListQuery<K extends string> {
  page: number;
  pageSize: number;
  sort?: K;
  order?: 'asc' | 'desc';
}

/** The table's onChange: a sort click sets sort/order (and starts over); a pager click sets page/pageSize. */
export function listTableChange<T, K extends string>(pageSize: number, onChange: (patch: ListQueryPatch<K>) => void): TableProps<T>['onChange'] {
  return (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.order ? (String(s.columnKey) as K) : undefined;
      onChange({ sort: key, order: key ? (s.order === 'descend' ? 'desc' : 'asc') : undefined });
      return;
    }
    onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? pageSize });
  };
}

/** The pager of a server-paged list; `compact` (a phone) drops the size picker for the simple pager. */
export function listPagination(
  query: { page: number; pageSize: number },
  total: number,
  showTotal: (total: number) => ReactNode,
  compact?: boolean,
): TableProps<unknown>['pagination'] {
  const sizes = compact ? { showSizeChanger: false, simple: true } : { showSizeChanger: true };
  return { current: query.page, pageSize: query.pageSize, total, ...sizes, pageSizeOptions: PAGE_SIZES, showTotal };
}

/** The arrow a sortable column shows: the query's sort, if it is this column's key. */
export function sortOrderOf<K extends string>(query: { sort?: K; order?: 'asc' | 'desc' }, key: K): 'ascend' | 'descend' | null {
  return query.sort === key ? (query.order === 'desc' ? 'descend' : 'ascend') : null;
}

/** The table props every server-paged list shares: rows by id, the page shown, the pager, and its changes. */
export function listTableProps<T extends { id: string }, K extends string>(opts: {
  query: ListQuery<K>;
  data: { items: T[]; total: number } | undefined;
  loading: boolean;
  onChange: (patch: ListQueryPatch<K>) => void;
  showTotal: (total: number) => ReactNode;
  compact?: boolean;
}): TableProps<T> {
  const { query, data, loading, onChange, showTotal, compact } = opts;
  return {
    rowKey: 'id',
    dataSource: data?.items,
    loading,
    onChange: listTableChange<T, K>(query.pageSize, onChange),
    pagination: listPagination(query, data?.total ?? 0, showTotal, compact),
  };
}
