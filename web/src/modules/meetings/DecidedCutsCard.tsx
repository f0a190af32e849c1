import { useState } from 'react';
import { Button, Card, Flex, Segmented, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiToday } from '../../shared/time';
import { useDecidedCuts, type CutRow, type Cuts } from './api';

/**
 * 分项统计: the items due in a year per owner, per source (one meeting, proposal or resolution) or per kind of
 * source — due, done, done on time, overdue, average progress. A count opens the board filtered to exactly its items.
 */
export function DecidedCutsCard({ onDrill }: { onDrill: (filter: Record<string, string>) => void }) {
  const { t } = useTranslation('meetings');
  const thisYear = shanghaiToday().year();
  const [year, setYear] = useState(thisYear);
  const [cut, setCut] = useState<Cuts['by']>('owner');
  const { data, isFetching } = useDecidedCuts({ from: `${year}-01-01`, to: `${year}-12-31`, cut });
  const count = (n: number, filter: Record<string, string>, testId?: string) =>
    n ? (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(filter)} data-testid={testId}>
        {n}
      </Button>
    ) : (
      0
    );
  const label = (r: CutRow) => (cut === 'sourceKind' ? t(`board.sources.${r.key}`, { defaultValue: r.key }) : r.label);
  return (
    <Card
      size="small"
      title={t('cuts.title')}
      style={{ marginBottom: 12 }}
      extra={
        <Flex gap={8} wrap>
          <Segmented<Cuts['by']>
            size="small"
            value={cut}
            onChange={setCut}
            options={(['owner', 'source', 'sourceKind'] as const).map((c) => ({ value: c, label: t(`cuts.by.${c}`) }))}
          />
          <Select
            size="small"
            aria-label={t('cuts.year')}
            value={year}
            onChange={setYear}
            style={{ width: 96 }}
            options={[0, 1, 2].map((k) => ({ value: thisYear - k, label: t('cuts.yearLabel', { year: thisYear - k }) }))}
          />
        </Flex>
      }
    >
      <Table<CutRow>
        size="small"
        rowKey="key"
        loading={isFetching}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('cuts.empty') }}
        data-testid="decided-cuts"
        columns={[
          { key: 'label', title: t(`cuts.by.${cut}`), render: (_, r) => label(r) },
          { key: 'items', title: t('cuts.items'), render: (_, r) => count(r.items, r.drill, `cut-items-${r.key}`) },
          { key: 'done', title: t('cuts.done'), render: (_, r) => count(r.done, { ...r.drill, status: 'done' }) },
          { key: 'onTime', title: t('cuts.onTime'), render: (_, r) => count(r.onTime, { ...r.drill, onTime: '1' }) },
          { key: 'overdue', title: t('cuts.overdue'), render: (_, r) => count(r.overdue, { ...r.drill, status: 'overdue' }) },
          {
            key: 'progress',
            title: t('cuts.progress'),
            render: (_, r) => (r.averageProgress === null ? '—' : `${Math.round(r.averageProgress * 1000) / 10}%`),
          },
        ]}
      />
    </Card>
  );
}
