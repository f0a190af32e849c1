import { useState } from 'react';
import { Badge, Button, DatePicker, Flex, Select, Tag } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from '../../shared/enumOptions';
import { ListSearch } from '../../shared/ListSearch';
import { useOrgs } from '../../shared/orgs';
import type { AppealQuery, FilterKey } from './api';
import { DepartmentSelect } from './DepartmentSelect';
import { useAppealLabel, useAppealOptions } from './labels';
import { AnonymityHint } from './AnonymityHint';

interface Props {
  value: AppealQuery;
  onChange: (patch: Partial<AppealQuery>) => void;
  onReset: () => void;
  isMobile: boolean;
  /** Handlers work inside their own department; the department filter would only repeat it. */
  showDepartment?: boolean;
}

/** Filters a drill-down may set that have no control of their own: shown as removable chips. */
const CHIP_KEYS: FilterKey[] = [
  'rating',
  'employmentCategory',
  'orgId',
  'unitId',
  'ratedDepartmentId',
  'firstAnswerDepartmentId',
  'groupAlertId',
  'anonymous',
  'rated',
  'reopened',
  'late',
  'lastAnswerLate',
  'answered',
  'accepted',
  'acceptedLate',
];
const BOOLEAN_KEYS = new Set<FilterKey>(['anonymous', 'rated', 'reopened', 'late', 'lastAnswerLate', 'answered', 'accepted', 'acceptedLate']);

const csv = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);
const joinCsv = (list: string[]) => (list.length ? list.join(',') : undefined);

export function AppealFilters({ value, onChange, onReset, isMobile, showDepartment = true }: Props) {
  const { t } = useTranslation('appeals');
  const label = useAppealLabel();
  const enumLabel = useEnumLabel();
  const { data: orgs } = useOrgs();
  const statusOptions = useAppealOptions('status');
  const categoryOptions = useAppealOptions('category');
  const urgencyOptions = useAppealOptions('urgency');
  const lightOptions = useAppealOptions('light');
  const [open, setOpen] = useState(false);

  const chipText = (key: FilterKey, raw: string): string => {
    if (BOOLEAN_KEYS.has(key)) return t(`filters.chips.${key}`, { value: raw === '1' || raw === 'true' ? t('common:yes') : t('common:no') });
    if (key === 'rating')
      return t('filters.chips.rating', {
        value: csv(raw)
          .map((r) => label('rating', r))
          .join('、'),
      });
    if (key === 'employmentCategory') {
      return t('filters.chips.employmentCategory', {
        value: csv(raw)
          .map((c) => enumLabel('employmentCategory', c))
          .join('、'),
      });
    }
    if (key === 'orgId' || key === 'unitId' || key === 'ratedDepartmentId' || key === 'firstAnswerDepartmentId')
      return t(`filters.chips.${key}`, { value: orgs?.find((o) => o.id === raw)?.name ?? '…' });
    return t(`filters.chips.${key}`);
  };
  const chips = CHIP_KEYS.filter((k) => value[k]);

  const w = (desktop: number) => (isMobile ? '100%' : desktop);
  const multi = (key: 'status' | 'category' | 'urgency' | 'light', options: { value: string; label: string }[], width: number) => (
    <div data-testid={`appeals-filter-${key}`} style={{ width: w(width) }}>
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={csv(value[key])}
        onChange={(list: string[]) => onChange({ [key]: joinCsv(list) })}
        options={options}
        placeholder={t(`filters.${key}`)}
        aria-label={t(`filters.${key}`)}
        style={{ width: '100%' }}
      />
    </div>
  );

  const activeCount = (['status', 'category', 'urgency', 'light', 'departmentId', 'from', 'to'] as const).filter((k) => value[k]).length;
  const search = (
    <ListSearch
      value={value.q}
      onSearch={(q) => onChange({ q })}
      placeholder={t('filters.q')}
      width={w(260)}
      testId="appeals-filter-q"
      buttonTestId="appeals-search"
    />
  );

  const rest = (
    <>
      {multi('status', statusOptions, 200)}
      {multi('category', categoryOptions, 200)}
      {multi('urgency', urgencyOptions, 160)}
      {multi('light', lightOptions, 150)}
      {showDepartment && (
        <DepartmentSelect
          data-testid="appeals-filter-department"
          onlyAssignable={false}
          allowClear
          value={value.departmentId}
          onChange={(departmentId) => onChange({ departmentId })}
          placeholder={t('filters.department')}
          style={{ width: w(200) }}
        />
      )}
      <div data-testid="appeals-filter-dates" style={{ width: w(260) }}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })}
          placeholder={[t('filters.dateFrom'), t('filters.dateTo')]}
          style={{ width: '100%' }}
        />
      </div>
      <Button onClick={onReset} data-testid="appeals-filter-reset">
        {t('filters.reset')}
      </Button>
    </>
  );

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {isMobile ? (
        <Flex vertical gap={8}>
          <Flex gap={8}>
            <div style={{ flex: 1, minWidth: 0 }}>{search}</div>
            <Badge count={activeCount} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="appeals-filter-toggle" />
            </Badge>
          </Flex>
          {open && (
            <Flex vertical gap={8}>
              {rest}
            </Flex>
          )}
        </Flex>
      ) : (
        <Flex wrap gap={8}>
          {search}
          {rest}
        </Flex>
      )}
      {chips.length > 0 && (
        <Flex wrap gap={4} align="center" data-testid="appeals-filter-chips">
          {chips.map((k) => (
            <Tag key={k} closable color="blue" onClose={() => onChange({ [k]: undefined })} style={{ marginInlineEnd: 0 }}>
              {chipText(k, value[k]!)}
            </Tag>
          ))}
        </Flex>
      )}
      <AnonymityHint when={!!value.orgId || !!value.employmentCategory} />
    </Flex>
  );
}
