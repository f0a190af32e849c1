/**
 * Paging past the counted rows (the server counts to 2 000): the list goes on by the cursor
 * the server hands out, newest first. Shown on the last numbered page when more match, and
 * while paging by cursor; 「上一页」 goes back along the cursors this page was reached by.
 */
import { useRef } from 'react';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppealQuery, AppealSummary, Paged } from './api';

interface Props {
  query: AppealQuery;
  data: Paged<AppealSummary> | undefined;
  onChange: (patch: Partial<AppealQuery>) => void;
}

export function CursorPager({ query, data, onChange }: Props) {
  const { t } = useTranslation('appeals');
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
    <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }} data-testid="appeals-cursor-pager">
      {query.after && <Button onClick={newer}>{back.current.length ? t('cursor.newer') : t('cursor.first')}</Button>}
      {data?.nextCursor && <Button onClick={older}>{t('cursor.older')}</Button>}
    </Flex>
  );
}
