/**
 * Paging past the counted rows (the server counts to 2 000): the list goes on by the cursor
 * the server hands out, in the list's order. Shown on the last numbered page when more match,
 * and while paging by cursor; 「上一页」 goes back along the cursors this page was reached by.
 * Any list whose answer carries `nextCursor` (core/db/pagedList.ts) uses it under its table or cards.
 */
import { useRef } from 'react';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

export interface CursorQuery {
  page: number;
  pageSize: number;
  after?: string;
}

interface Props {
  query: CursorQuery;
  data: { total: number; totalCapped?: boolean; nextCursor?: string | null } | undefined;
  onChange: (patch: { after?: string; page: number }) => void;
  /** The button to go on (default 「更早的」/「更多」 by `older`). */
  olderLabel?: string;
  testId?: string;
}

export function CursorPager({ query, data, onChange, olderLabel, testId = 'cursor-pager' }: Props) {
  const { t } = useTranslation();
  // The cursors of the pages before this one ('' is the last numbered page).
  const back = useRef<string[]>([]);
  const lastNumbered = !!data?.totalCapped && query.page * query.pageSize >= data.total;
  if (!query.after && !(lastNumbered && data?.nextCursor)) return null;
  const older = () => {
    back.current.push(query.after ?? '');
    onChange({ after: data!.nextCursor!, page: query.page });
  };
  const newer = () => {
    const prev = back.current.pop();
    onChange(prev ? { after: prev, page: query.page } : { after: undefined, page: prev === '' ? query.page : 1 });
  };
  return (
    <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }} data-testid={testId}>
      {query.after && <Button onClick={newer}>{back.current.length ? t('cursor.newer') : t('cursor.first')}</Button>}
      {data?.nextCursor && <Button onClick={older}>{olderLabel ?? t('cursor.older')}</Button>}
    </Flex>
  );
}
