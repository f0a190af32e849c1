/** The appeals' cursor pager: the kit's, named for appeals (「更早的诉求」). */
import { useTranslation } from 'react-i18next';
import { CursorPager as Pager } from '../../shared/CursorPager';
import type { AppealQuery, AppealSummary, Paged } from './api';

interface Props {
  query: AppealQuery;
  data: Paged<AppealSummary> | undefined;
  onChange: (patch: Partial<AppealQuery>) => void;
}

export function CursorPager({ query, data, onChange }: Props) {
  const { t } = useTranslation('appeals');
  return <Pager query={query} data={data} onChange={onChange} olderLabel={t('cursor.older')} testId="appeals-cursor-pager" />;
}
