import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AppealSummary, Paged } from './api';
import { useAppealLabel } from './labels';

/** The states a duplicate may be merged from (APPEAL_TRANSITIONS.merge). */
const MERGEABLE = 'submitted,accepted,assigned,handling';

interface Props {
  excludeId: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}

/** Searches open appeals by number or words and picks the duplicates. */
export function MergePicker({ excludeId, value, onChange, id }: Props) {
  const { t } = useTranslation('appeals');
  const label = useAppealLabel();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, isFetching } = useQuery({
    queryKey: ['appeals', 'list', 'merge', q],
    queryFn: ({ signal }) => api.get<Paged<AppealSummary>>('/appeals', { q: q || undefined, status: MERGEABLE, pageSize: 20 }, { signal }),
  });
  const options = (data?.items ?? [])
    .filter((a) => a.id !== excludeId)
    .map((a) => ({ value: a.id, label: `${a.code} · ${a.title}（${label('status', a.status)}）` }));

  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={value}
      onChange={onChange}
      options={options}
      loading={isFetching}
      placeholder={t('actions.mergePick')}
      style={{ width: '100%' }}
      data-testid="merge-picker"
    />
  );
}
