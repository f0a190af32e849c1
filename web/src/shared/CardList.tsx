import type { ReactNode } from 'react';
import { Card, Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { CursorPager, type CursorQuery } from './CursorPager';

interface Props<T> {
  query: CursorQuery;
  data: { items: T[]; total: number; totalCapped?: boolean; nextCursor?: string | null } | undefined;
  loading: boolean;
  /** What the empty list says. */
  empty: ReactNode;
  /** A numbered page (the simple pager shows while the list is counted and longer than a page). */
  onPage: (page: number) => void;
  /** A step along the cursor past the counted rows (see CursorPager). */
  onCursor: (patch: { after?: string; page: number }) => void;
  renderItem: (item: T) => ReactNode;
  /** The cursor pager's test id. */
  pagerTestId: string;
}

/**
 * A server-paged list as cards, for a phone or for a caller who sees only their own records:
 * the simple pager while the rows are counted, then the cursor pager.
 */
export function CardList<T>({ query, data, loading, empty, onPage, onCursor, renderItem, pagerTestId }: Props<T>) {
  return (
    <Card>
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        pagination={
          !query.after && data && data.total > query.pageSize
            ? { current: query.page, pageSize: query.pageSize, total: data.total, simple: true, onChange: onPage }
            : false
        }
        renderItem={(item) => <List.Item>{renderItem(item)}</List.Item>}
      />
      <CursorPager query={query} data={data} onChange={onCursor} testId={pagerTestId} />
    </Card>
  );
}

interface CardProps {
  to: string;
  testId: string;
  /** Who or what, in bold. */
  title: ReactNode;
  /** The status tags beside the title. */
  tags: ReactNode;
  /** Secondary lines under the title (code, org, dates). */
  lines: ReactNode[];
  /** A long title is cut on one line instead of pushing the tags below it. */
  ellipsis?: boolean;
}

/** One record as a phone card that opens it: title and tags on one line, then its secondary lines. */
export function RecordCard({ to, testId, title, tags, lines, ellipsis }: CardProps) {
  return (
    <Link to={to} data-testid={testId} style={{ display: 'block', width: '100%' }}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" gap={8} wrap={!ellipsis}>
          <Typography.Text strong ellipsis={ellipsis}>
            {title}
          </Typography.Text>
          <Flex gap={4}>{tags}</Flex>
        </Flex>
        {lines.map((line, i) => (
          <Typography.Text key={i} type="secondary">
            {line}
          </Typography.Text>
        ))}
      </Flex>
    </Link>
  );
}
