import { useEffect, useState } from 'react';
import { Button, DatePicker, Flex, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { shanghaiDayEnd, shanghaiDayStart } from '../../shared/time';
import type { AuditFilters } from './api';

interface Draft {
  action: string;
  entityType: string;
  actorId: string;
  dates: [Dayjs | null, Dayjs | null] | null;
}

interface Props {
  value: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  isMobile: boolean;
}

const EMPTY: Draft = { action: '', entityType: '', actorId: '', dates: null };

/** Text filters apply on 搜索 (or Enter), so the log is not queried on every key. */
export function AuditFiltersBar({ value, onChange, isMobile }: Props) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState<Draft>(EMPTY);

  // The actor filter can also be set from a row ("only this actor"): show it here.
  useEffect(() => setDraft((d) => ({ ...d, actorId: value.actorId ?? '' })), [value.actorId]);

  const apply = (d: Draft = draft) => {
    const [from, to] = d.dates ?? [null, null];
    onChange({
      action: d.action.trim() || undefined,
      entityType: d.entityType.trim() || undefined,
      actorId: d.actorId.trim() || undefined,
      from: from ? shanghaiDayStart(from) : undefined,
      to: to ? shanghaiDayEnd(to) : undefined,
    });
  };

  const width = isMobile ? '100%' : 200;
  const text = (key: 'action' | 'entityType' | 'actorId', placeholder: string) => (
    <Input
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      onPressEnter={() => apply()}
      placeholder={placeholder}
      allowClear
      style={{ width }}
      data-testid={`audit-filter-${key}`}
    />
  );

  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} vertical={isMobile}>
      {text('action', t('filters.action'))}
      {text('entityType', t('filters.entityType'))}
      {text('actorId', t('filters.actor'))}
      <DatePicker.RangePicker
        value={draft.dates}
        onChange={(dates) => setDraft({ ...draft, dates })}
        placeholder={[t('filters.from'), t('filters.to')]}
        style={{ width: isMobile ? '100%' : 260 }}
        data-testid="audit-filter-dates"
      />
      <Flex gap={8}>
        <Button type="primary" onClick={() => apply()} data-testid="audit-search">
          {t('common:actions.search')}
        </Button>
        <Button
          onClick={() => {
            setDraft(EMPTY);
            apply(EMPTY);
          }}
        >
          {t('common:actions.reset')}
        </Button>
      </Flex>
    </Flex>
  );
}
