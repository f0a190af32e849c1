import { useMemo } from 'react';
import { Card, Descriptions, Flex, Input, Segmented, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EChart, type ChartOption } from '../../shared/EChart';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { Page } from '../../shared/Page';
import { shanghaiToday } from '../../shared/time';
import { useFigures, type CutRow } from './api';

type Count = 'cases' | 'outcomes' | 'agreed' | 'within15';
const COUNTS: Count[] = ['cases', 'outcomes', 'agreed', 'within15'];
const CUTS = ['claimType', 'unit'] as const;
type Cut = (typeof CUTS)[number];

const caseList = (drill: Record<string, string>) => `/mediation?${new URLSearchParams(drill)}`;
const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—');

/**
 * 调解统计: the committee's figures of a period (union chair and staff) — cases applied, outcomes,
 * agreements, closed within 15 days and the median working days to an outcome — for the whole org
 * and cut by claim type or by its child units, with the definitions beside them. Every count opens
 * the case list filtered to exactly the cases it counts (the server's drill filters in the address).
 */
export default function FiguresPage() {
  const { t } = useTranslation('mediation');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = shanghaiToday();
  const from = params.get('from') || `${today.year()}-01-01`;
  const to = params.get('to') || today.format('YYYY-MM-DD');
  const orgId = params.get('orgId') || undefined;
  const cut: Cut = params.get('by') === 'unit' ? 'unit' : 'claimType';
  const set = (k: string, v: string | undefined) =>
    setParams(
      (cur) => {
        const next = new URLSearchParams(cur);
        if (v) next.set(k, v);
        else next.delete(k);
        return next;
      },
      { replace: true },
    );
  const { data, isFetching } = useFigures({ from, to, ...(orgId ? { orgId } : {}) });
  const rows = (cut === 'unit' ? data?.byUnit : data?.byClaimType) ?? [];

  const chart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', name: t('figures.days'), minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        ...COUNTS.map((c) => ({ type: 'bar' as const, name: t(`figures.${c}`), data: rows.map((r) => r[c]) })),
        { type: 'line' as const, name: t('figures.median'), yAxisIndex: 1, data: rows.map((r) => r.medianWorkingDays) },
      ],
    }),
    [rows, t],
  );

  const count = (r: CutRow, c: Count) =>
    r[c] ? (
      <Link to={caseList(r.drill[c])} data-testid={`mediation-figure-${c}`}>
        {r[c]}
      </Link>
    ) : (
      0
    );
  const total = data?.total;

  return (
    <Page title={t('figures.title')}>
      <Flex vertical gap={16}>
        <Flex gap={8} wrap align="center">
          <Input type="date" aria-label={t('figures.from')} value={from} onChange={(e) => set('from', e.target.value)} style={{ width: 160 }} />
          <Typography.Text>—</Typography.Text>
          <Input type="date" aria-label={t('figures.to')} value={to} onChange={(e) => set('to', e.target.value)} style={{ width: 160 }} />
          <OrgTreeSelect
            aria-label={t('figures.org')}
            placeholder={t('figures.org')}
            value={orgId}
            onChange={(v) => set('orgId', v)}
            allowClear
            style={{ minWidth: 200 }}
          />
        </Flex>
        {total && (
          <Card size="small" title={total.label} data-testid="mediation-figures-total">
            <Flex gap={32} wrap>
              {COUNTS.map((c) => (
                <Statistic key={c} title={t(`figures.${c}`)} valueRender={() => count(total, c)} />
              ))}
              <Statistic title={t('figures.successRate')} value={pct(total.agreed, total.outcomes)} />
              <Statistic title={t('figures.within15Rate')} value={pct(total.within15, total.outcomes)} />
              <Statistic
                title={t('figures.median')}
                value={total.medianWorkingDays ?? '—'}
                suffix={total.medianWorkingDays === null ? undefined : t('figures.daysUnit')}
              />
            </Flex>
          </Card>
        )}
        <Card
          size="small"
          title={
            <Segmented<Cut>
              value={cut}
              onChange={(v) => set('by', v === 'unit' ? 'unit' : undefined)}
              options={CUTS.map((c) => ({ value: c, label: t(`figures.by.${c}`) }))}
            />
          }
        >
          <EChart
            option={chart}
            data-testid="mediation-figures-chart"
            onClick={(e) => {
              const r = rows[e.dataIndex];
              const c = COUNTS[e.seriesIndex ?? -1];
              if (r && c && r[c]) void navigate(caseList(r.drill[c]));
            }}
          />
          <Table<CutRow>
            size="small"
            rowKey="key"
            loading={isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: true }}
            data-testid="mediation-figures-table"
            columns={[
              { key: 'label', dataIndex: 'label', title: t(`figures.by.${cut}`) },
              ...COUNTS.map((c) => ({ key: c, title: t(`figures.${c}`), align: 'right' as const, render: (_: unknown, r: CutRow) => count(r, c) })),
              { key: 'success', title: t('figures.successRate'), align: 'right', render: (_, r) => pct(r.agreed, r.outcomes) },
              { key: 'within15Rate', title: t('figures.within15Rate'), align: 'right', render: (_, r) => pct(r.within15, r.outcomes) },
              { key: 'median', title: t('figures.median'), align: 'right', render: (_, r) => r.medianWorkingDays ?? '—' },
            ]}
          />
          {cut === 'claimType' && <Typography.Paragraph type="secondary">{t('figures.claimTypeNote')}</Typography.Paragraph>}
        </Card>
        <Card size="small" title={t('figures.definitions')}>
          <Descriptions column={1} size="small" data-testid="mediation-figures-definitions">
            {[...COUNTS, 'successRate', 'within15Rate', 'median'].map((k) => (
              <Descriptions.Item key={k} label={t(`figures.${k}`)}>
                {t(`figures.define.${k}`)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      </Flex>
    </Page>
  );
}
