/**
 * What every server-paged list table does with antd's table: sorting by a column and paging
 * both become a patch of the list's URL query, and the pager offers the same page sizes.
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

/** The pager of a server-paged list. */
export function listPagination(query: { page: number; pageSize: number }, total: number, showTotal: (total: number) => ReactNode): TableProps<unknown>['pagination'] {
  return { current: query.page, pageSize: query.pageSize, total, showSizeChanger: true, pageSizeOptions: PAGE_SIZES, showTotal };
}
