/**
 * 职工最关心的问题 Top concerns: the "pick your top 3 concerns" answers of every survey opened in
 * a period, ranked over the office's subtree (a chart of shares) and per unit (each unit's own
 * top 3). Anonymous surveys' small cells are left out by the server; the page says how many.
 * The period, unit and one concern (the figure's `concern=` drill) live in the address, so a
 * figure's drill-down can link here.
 */
import { useMemo } from 'react';
import { Alert, Card, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EChart, type ChartOption } from '../../shared/EChart';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { Page } from '../../shared/Page';
import { useConcerns, type ConcernRanking } from './api';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

function RankingChart({ rows }: { rows: ConcernRanking['rows'] }) {
  const { t } = useTranslation('surveys');
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map((r) => r.concern), inverse: true },
      series: [
        {
          type: 'bar',
          name: t('concerns.share'),
          data: rows.map((r) => (r.share === null ? 0 : Math.round(r.share * 1000) / 10)),
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    }),
    [rows, t],
  );
  return <EChart option={option} height={Math.max(160, rows.length * 30 + 40)} data-testid="surveys-concerns-chart" />;
}

export default function ConcernsPage() {
  const { t } = useTranslation('surveys');
  const [params, setParams] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const from = params.get('from') ?? `${today.slice(0, 4)}-01-01`;
  const to = params.get('to') ?? today;
  const orgId = params.get('orgId') ?? undefined;
  const concern = params.get('concern') ?? undefined;
  const { data, isFetching } = useConcerns({ from, to, orgId, concern });
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams({ from, to, ...(orgId ? { orgId } : {}), ...(concern ? { concern } : {}) });
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  return (
    <Page title={t('concerns.title')}>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={[dayjs(from), dayjs(to)]}
          allowClear={false}
          onChange={(r) => r?.[0] && r[1] && set({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
          aria-label={t('concerns.period')}
        />
        <OrgTreeSelect value={orgId} onChange={(v) => set({ orgId: v })} allowClear placeholder={t('concerns.allUnits')} style={{ minWidth: 220 }} />
        {concern && (
          <Tag closable onClose={() => set({ concern: undefined })} style={{ alignSelf: 'center' }}>
            {t('concerns.only', { concern })}
          </Tag>
        )}
      </Flex>
      <Flex vertical gap={12}>
        <Card size="small" title={t('concerns.overall', { n: data?.answers ?? 0 })} loading={!data && isFetching}>
          <Typography.Paragraph type="secondary">{t('concerns.hint')}</Typography.Paragraph>
          {data && data.hiddenCells > 0 && (
            <Alert
              type="info"
              showIcon
              message={t('concerns.hidden', { n: data.hiddenCells })}
              style={{ marginBottom: 8 }}
              data-testid="surveys-concerns-hidden"
            />
          )}
          {data && data.rows.length > 0 ? <RankingChart rows={data.rows} /> : <Typography.Text type="secondary">{t('concerns.none')}</Typography.Text>}
        </Card>
        <Card size="small" title={t('concerns.byUnit')}>
          <Table
            rowKey="unitId"
            size="small"
            loading={isFetching}
            dataSource={data?.units ?? []}
            pagination={false}
            scroll={{ x: true }}
            locale={{ emptyText: t('concerns.none') }}
            data-testid="surveys-concerns-units"
            columns={[
              { title: t('concerns.unit'), dataIndex: 'unitName' },
              { title: t('concerns.answers'), dataIndex: 'answers', align: 'right' },
              {
                title: t('concerns.top'),
                render: (_, u: ConcernRanking['units'][number]) =>
                  u.top.map((c, i) => (
                    <Tag key={c.concern} color={i === 0 ? 'red' : 'blue'}>
                      {`${i + 1}. ${c.concern} ${pct(c.share)}`}
                    </Tag>
                  )),
              },
            ]}
          />
        </Card>
      </Flex>
    </Page>
  );
}
