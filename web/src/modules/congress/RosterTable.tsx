import { Flex, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPRESENTATIVE_CATEGORIES, REPRESENTATIVE_CATEGORY_LABELS, type RepresentativeCategory } from '@common/congress';
import { listTableProps, sortOrderOf } from '../../shared/listTable';
import { useIsMobile } from '../../shared/useIsMobile';
import { useRoster, type Rep, type RosterQuery } from './api';

/** The term's representatives: filter by category or name, sort by name, delegation or category. */
export function RosterTable({ termId }: { termId: string }) {
  const { t, i18n } = useTranslation('congress');
  const isMobile = useIsMobile();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [q, setQ] = useState<RosterQuery>({ page: 1, pageSize: 20, sort: 'delegation' });
  const roster = useRoster(termId, q);
  const patch = (p: Partial<RosterQuery>) => setQ((old) => ({ ...old, page: 1, ...p }));
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Select
          allowClear
          placeholder={t('roster.allCategories')}
          aria-label={t('roster.allCategories')}
          style={{ minWidth: 160 }}
          value={q.category}
          onChange={(v: RepresentativeCategory | undefined) => patch({ category: v })}
          options={REPRESENTATIVE_CATEGORIES.map((c) => ({ value: c, label: REPRESENTATIVE_CATEGORY_LABELS[c][lang] }))}
        />
        <Input.Search allowClear placeholder={t('roster.search')} style={{ maxWidth: 240 }} onSearch={(v) => patch({ q: v || undefined })} />
      </Flex>
      <Table<Rep>
        size="small"
        data-testid="congress-roster"
        {...listTableProps({
          query: q,
          data: roster.data,
          loading: roster.isFetching,
          onChange: (p) => setQ((old) => ({ ...old, ...p })),
          showTotal: (n) => t('roster.totalN', { n }),
          compact: isMobile,
        })}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('roster.name'), sorter: true, sortOrder: sortOrderOf(q, 'name') },
          { key: 'delegation', dataIndex: 'delegation', title: t('roster.delegation'), sorter: true, sortOrder: sortOrderOf(q, 'delegation') },
          {
            key: 'category',
            dataIndex: 'category',
            title: t('roster.category'),
            sorter: true,
            sortOrder: sortOrderOf(q, 'category'),
            render: (c: RepresentativeCategory) => REPRESENTATIVE_CATEGORY_LABELS[c][lang],
          },
          ...(isMobile ? [] : [{ key: 'orgName', dataIndex: 'orgName', title: t('roster.unit') }]),
        ]}
      />
    </Flex>
  );
}
