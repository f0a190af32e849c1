import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../shared/enumOptions';
import { ListSearch } from '../../shared/ListSearch';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import type { PeopleFilters as Filters } from './api';

interface Props {
  value: Filters;
  onChange: (patch: Partial<Filters>) => void;
  isMobile: boolean;
}

export function PeopleFilters({ value, onChange, isMobile }: Props) {
  const { t } = useTranslation('people');
  const kindOptions = useEnumOptions('personKind');
  const categoryOptions = useEnumOptions('employmentCategory');

  const width = isMobile ? '100%' : undefined;
  const select = (key: 'kind' | 'category', options: { value: string; label: string }[], desktopWidth: number) => (
    <div data-testid={`people-filter-${key}`} style={{ width }}>
      <Select
        value={value[key]}
        onChange={(v) => onChange({ [key]: v })}
        options={options}
        placeholder={t(`filters.${key}`)}
        aria-label={t(`filters.${key}`)}
        allowClear
        style={{ width: isMobile ? '100%' : desktopWidth }}
      />
    </div>
  );
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} vertical={isMobile}>
      <div data-testid="people-filter-org" style={{ width }}>
        <OrgTreeSelect
          value={value.orgId}
          onChange={(orgId) => onChange({ orgId })}
          placeholder={t('filters.org')}
          allowClear
          style={{ width: isMobile ? '100%' : 220 }}
        />
      </div>
      {select('kind', kindOptions, 140)}
      {select('category', categoryOptions, 160)}
      <ListSearch
        value={value.q}
        onSearch={(q) => onChange({ q })}
        placeholder={t('filters.q')}
        width={isMobile ? '100%' : 280}
        testId="people-filter-q"
        buttonTestId="people-search"
      />
    </Flex>
  );
}
