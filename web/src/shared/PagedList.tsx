import type { ReactNode } from 'react';
import { Empty, List, Pagination } from 'antd';

/** One page of a list, as the server's paged answers are (core/db/pagedList.ts). */
export interface Paged<T> {
  items: T[];
  total: number;
  /** The list stops counting at `total` (2 000): more match, shown as 「2000+」. */
  totalCapped?: boolean;
  /** Pass as `after` for the page after this one (see CursorPager); null on the last page. */
  nextCursor?: string | null;
  page: number;
  pageSize: number;
}

interface Props<T> {
  data: Paged<T> | undefined;
  loading: boolean;
  page: number;
  onPage: (page: number) => void;
  /** What the empty list says; antd's default when left out. */
  empty?: ReactNode;
  renderItem: (item: T) => ReactNode;
}

/** A short list in a dashboard card, a page at a time; the pager shows only when there is more. */
export function PagedList<T>({ data, loading, page, onPage, empty, renderItem }: Props<T>) {
  const total = data?.total ?? 0;
  const pageSize = data?.pageSize ?? total;
  return (
    <>
      <List size="small" loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: <Empty description={empty} /> }} renderItem={renderItem} />
      {total > pageSize && <Pagination simple showSizeChanger={false} align="center" current={page} pageSize={pageSize} total={total} onChange={onPage} />}
    </>
  );
}
