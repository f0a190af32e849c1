import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../shared/enumOptions';
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
  // The text box is local until submitted, so typing does not query on every key.
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);

  const width = isMobile ? '100%' : undefined;
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
      <div data-testid="people-filter-kind" style={{ width }}>
        <Select
          value={value.kind}
          onChange={(kind) => onChange({ kind })}
          options={kindOptions}
          placeholder={t('filters.kind')}
          allowClear
          style={{ width: isMobile ? '100%' : 140 }}
        />
      </div>
      <div data-testid="people-filter-category" style={{ width }}>
        <Select
          value={value.category}
          onChange={(category) => onChange({ category })}
          options={categoryOptions}
          placeholder={t('filters.category')}
          allowClear
          style={{ width: isMobile ? '100%' : 160 }}
        />
      </div>
      {/* Not Input.Search: it puts extra props on its wrapper, and tests need the input itself. */}
      <Space.Compact style={{ width: isMobile ? '100%' : 280 }}>
        <Input
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            // Clearing the box (×) clears the filter at once, as users expect.
            if (!e.target.value && value.q) onChange({ q: undefined });
          }}
          onPressEnter={() => onChange({ q: q.trim() || undefined })}
          placeholder={t('filters.q')}
          allowClear
          data-testid="people-filter-q"
        />
        <Button
          icon={<SearchOutlined />}
          aria-label={t('common:actions.search')}
          onClick={() => onChange({ q: q.trim() || undefined })}
          data-testid="people-search"
        />
      </Space.Compact>
    </Flex>
  );
}
