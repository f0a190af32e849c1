import { useMemo, useState } from 'react';
import { Button, Card, Flex, Input, Segmented, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EChart, type ChartOption } from '../../shared/EChart';
import { Page } from '../../shared/Page';
import { useClauseCuts, useClauseList, type ClauseRows, type Cuts } from './api';
import { todayInShanghai as today } from '../../shared/time';

type By = 'category' | 'owner';
type Cut = Cuts['total'] & { label: string };
type Drill = { filter: Record<string, string>; title: string };
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
/** The clause list's filters an address may carry (a work report's honoured-rate drill lands here with them). */
const LIST_FILTERS = ['orgId', 'asOf', 'category', 'ownerOrgId', 'lastStatus', 'checked'];

/**
 * 条款履约情况: across the contracts in force on a day, clauses honoured at their last checkpoint ÷ clauses checked, by
 * clause category or owner department. Every count and bar opens the clauses it counts (the server's drill filter).
 */
export default function ClausesPage() {
  const { t } = useTranslation('contracts');
  const [params] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const [asOf, setAsOf] = useState(params.get('asOf') ?? today());
  const [by, setBy] = useState<By>(params.get('ownerOrgId') ? 'owner' : 'category');
  const fromAddress = Object.fromEntries(LIST_FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const [drill, setDrill] = useState<Drill | null>(
    Object.keys(fromAddress).length > (orgId ? 1 : 0) ? { filter: fromAddress, title: t('clauses.fromReport') } : null,
  );
  const [page, setPage] = useState(1);
  const cuts = useClauseCuts({ asOf, orgId });
  const list = useClauseList(drill?.filter ?? {}, page);

  const rows: Cut[] = useMemo(() => {
    if (!cuts.data) return [];
    return by === 'category'
      ? cuts.data.byCategory.map((c) => ({ ...c, label: t(`category.${c.category}`) }))
      : cuts.data.byOwner.map((c) => ({ ...c, label: c.ownerOrgName }));
  }, [cuts.data, by, t]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
      series: [
        {
          type: 'bar',
          name: t('clauses.rate'),
          data: rows.map((r) => (r.rate === null ? 0 : Math.round(r.rate * 1000) / 10)),
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    }),
    [rows, t],
  );
  const open = (filter: Record<string, string>, title: string) => {
    setDrill({ filter: orgId ? { orgId, ...filter } : filter, title });
    setPage(1);
  };
  const count = (n: number, filter: Record<string, string>, title: string) => (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(filter, title)} disabled={n === 0}>
      {n}
    </Button>
  );
  const total = cuts.data?.total;

  return (
    <Page title={t('clauses.title')} extra={<Link to="/contracts">{t('list.title')}</Link>}>
      <Flex vertical gap={16}>
        <Flex gap={16} wrap align="center">
          <Input
            type="date"
            aria-label={t('clauses.asOf')}
            value={asOf}
            onChange={(e) => e.target.value && setAsOf(e.target.value)}
            style={{ width: 160 }}
            data-testid="contracts-clauses-asOf"
          />
          <Segmented<By> value={by} onChange={setBy} options={(['category', 'owner'] as const).map((k) => ({ value: k, label: t(`clauses.by.${k}`) }))} />
          {total && (
            <Statistic
              title={t('clauses.rate')}
              value={pct(total.rate)}
              suffix={<Typography.Text type="secondary">{`${total.honoured}/${total.checked}`}</Typography.Text>}
              data-testid="contracts-clauses-total"
            />
          )}
        </Flex>
        <Card size="small" title={t(`clauses.by.${by}`)}>
          {rows.length > 0 && (
            <EChart
              option={option}
              height={Math.max(160, rows.length * 36 + 40)}
              onClick={(p) => rows[p.dataIndex] && open(rows[p.dataIndex].drill.denominator, `${rows[p.dataIndex].label} · ${t('clauses.checked')}`)}
            />
          )}
          <Table<Cut>
            size="small"
            rowKey="label"
            loading={cuts.isFetching}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('clauses.none') }}
            data-testid="contracts-cuts"
            columns={[
              { key: 'label', dataIndex: 'label', title: t(`clauses.by.${by}`) },
              { key: 'rate', title: t('clauses.rate'), render: (_, r) => pct(r.rate) },
              { key: 'honoured', title: t('check.honoured'), render: (_, r) => count(r.honoured, r.drill.numerator, `${r.label} · ${t('check.honoured')}`) },
              { key: 'checked', title: t('clauses.checked'), render: (_, r) => count(r.checked, r.drill.denominator, `${r.label} · ${t('clauses.checked')}`) },
            ]}
          />
        </Card>
        {drill && (
          <Card
            size="small"
            title={drill.title}
            extra={
              <Button size="small" onClick={() => setDrill(null)}>
                {t('clauses.close')}
              </Button>
            }
            data-testid="contracts-clauses-drill"
          >
            <Table<ClauseRows['items'][number]>
              size="small"
              rowKey="id"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              pagination={{
                current: page,
                pageSize: 20,
                total: list.data?.total ?? 0,
                onChange: setPage,
                showSizeChanger: false,
                // The server stops counting at 2 000: a capped total reads 「共 2000+ 条」.
                showTotal: (n) => t('clauses.total', { n: list.data?.totalCapped ? `${n}+` : n }),
              }}
              scroll={{ x: true }}
              columns={[
                { key: 'contract', title: t('list.name'), render: (_, r) => <Link to={`/contracts/${r.contractId}`}>{r.contractTitle}</Link> },
                { key: 'org', dataIndex: 'orgName', title: t('create.org') },
                { key: 'n', title: t('board.clause'), render: (_, r) => t('board.number', { n: r.number }), width: 80 },
                { key: 'text', dataIndex: 'text', title: t('board.text') },
                { key: 'cat', title: t('board.category'), render: (_, r) => t(`category.${r.category}`) },
                { key: 'owner', title: t('board.owner'), render: (_, r) => r.ownerOrgName ?? '—' },
                { key: 'last', title: t('board.state'), render: (_, r) => (r.lastStatus ? t(`check.${r.lastStatus}`) : t('board.unchecked')) },
              ]}
            />
          </Card>
        )}
      </Flex>
    </Page>
  );
}
