import { useState } from 'react';
import { Button, Card, Flex, InputNumber, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../shared/Page';
import { useRaiseCuts, useRaiseList, type RaiseCuts, type RaiseRows } from './api';

type Cut = RaiseCuts['total'] & { label: string };
type Drill = { filter: Record<string, string>; title: string };
const thisYear = () => String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
/** The agreed-raise list's filters an address may carry: the work report's wage figure drills here with them. */
const LIST_FILTERS = ['orgId', 'fromYear', 'toYear', 'category', 'reached'];

/**
 * 约定工资增幅达成情况: for the wage agreements of the chosen years, the groups whose average wage grew at least the agreed
 * raise ÷ the groups with wage data for both years, by employment category. Each count opens the groups it counts.
 */
export default function WageRaisesPage() {
  const { t } = useTranslation('contracts');
  const [params] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const [years, setYears] = useState(() => {
    const to = params.get('toYear') ?? thisYear();
    return { fromYear: params.get('fromYear') ?? to, toYear: to };
  });
  const fromAddress = Object.fromEntries(LIST_FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const named = (f: Record<string, string>) =>
    [
      `${f.fromYear}—${f.toYear}`,
      f.category && `${t('raises.filter.category')} ${t(`wages.category.${f.category}`)}`,
      f.reached && t(`raises.filter.reached${f.reached}`),
    ]
      .filter(Boolean)
      .join('，');
  const [drill, setDrill] = useState<Drill | null>(() =>
    fromAddress.fromYear ? { filter: fromAddress, title: `${t('raises.fromReport')}：${named({ ...years, ...fromAddress })}` } : null,
  );
  const [page, setPage] = useState(1);
  const cuts = useRaiseCuts({ ...years, ...(orgId ? { orgId } : {}) });
  const list = useRaiseList(drill?.filter ?? null, page);

  const rows: Cut[] = cuts.data
    ? [{ ...cuts.data.total, label: t('raises.all') }, ...cuts.data.byCategory.map((c) => ({ ...c, label: t(`wages.category.${c.category}`) }))]
    : [];
  const open = (filter: Record<string, string>, label: string) => {
    setDrill({ filter: orgId ? { orgId, ...filter } : filter, title: `${label} · ${named(filter)}` });
    setPage(1);
  };
  const count = (n: number, filter: Record<string, string>, label: string) => (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(filter, label)} disabled={n === 0}>
      {n}
    </Button>
  );
  const year = (key: 'fromYear' | 'toYear') => (
    <InputNumber
      aria-label={t(`raises.${key}`)}
      addonBefore={t(`raises.${key}`)}
      min={1990}
      max={2100}
      value={Number(years[key])}
      onChange={(v) => v && setYears((y) => ({ ...y, [key]: String(v) }))}
      data-testid={`contracts-raises-${key}`}
    />
  );

  return (
    <Page title={t('raises.title')} extra={<Link to="/contracts">{t('list.title')}</Link>}>
      <Flex vertical gap={16}>
        <Flex gap={8} wrap>
          {year('fromYear')}
          {year('toYear')}
        </Flex>
        <Card size="small" title={t('raises.rate')}>
          <Table<Cut>
            size="small"
            rowKey="label"
            loading={cuts.isFetching}
            dataSource={rows[0]?.compared ? rows : []}
            pagination={false}
            locale={{ emptyText: t('raises.none') }}
            data-testid="contracts-raises-cuts"
            columns={[
              { key: 'label', dataIndex: 'label', title: t('raises.category') },
              { key: 'rate', title: t('raises.rateShort'), render: (_, r) => pct(r.rate) },
              { key: 'reached', title: t('raises.reached'), render: (_, r) => count(r.reached, r.drill.numerator, `${r.label} · ${t('raises.reached')}`) },
              {
                key: 'compared',
                title: t('raises.compared'),
                render: (_, r) => count(r.compared, r.drill.denominator, `${r.label} · ${t('raises.compared')}`),
              },
            ]}
          />
        </Card>
        {drill && (
          <Card
            size="small"
            title={drill.title}
            extra={
              <Button size="small" onClick={() => setDrill(null)}>
                {t('raises.close')}
              </Button>
            }
            data-testid="contracts-raises-drill"
          >
            <Table<RaiseRows['items'][number]>
              size="small"
              rowKey={(r) => `${r.contractId}-${r.year}-${r.category}-${r.jobFamily}`}
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              pagination={{
                current: page,
                pageSize: 20,
                total: list.data?.total ?? 0,
                onChange: setPage,
                showSizeChanger: false,
                showTotal: (n) => t('raises.total', { n }),
              }}
              scroll={{ x: true }}
              columns={[
                { key: 'contract', title: t('list.name'), render: (_, r) => <Link to={`/contracts/${r.contractId}`}>{r.contractTitle}</Link> },
                { key: 'year', dataIndex: 'year', title: t('wages.year') },
                { key: 'group', title: t('wages.group'), render: (_, r) => `${t(`wages.category.${r.category}`)} · ${t(`wages.family.${r.jobFamily}`)}` },
                { key: 'agreed', title: t('raises.agreed'), render: (_, r) => `${r.agreedPercent}%` },
                {
                  key: 'actual',
                  title: t('raises.actual'),
                  render: (_, r) => <span title={`${r.actualGrowth.num}/${r.actualGrowth.den}`}>{r.actualGrowth.display}</span>,
                },
                {
                  key: 'reached',
                  title: '',
                  render: (_, r) => <Tag color={r.reached ? 'success' : 'warning'}>{r.reached ? t('raises.yes') : t('raises.no')}</Tag>,
                },
              ]}
            />
          </Card>
        )}
      </Flex>
    </Page>
  );
}
