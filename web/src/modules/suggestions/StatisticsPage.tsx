/**
 * A campaign's statistics for the union side: the headline figures, a chart by month of
 * submission, and a row per unit whose link opens exactly the suggestions the row counts.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Select, Spin, Statistic, Table } from 'antd';
import CampaignForm from './CampaignForm';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart, type ChartOption } from '../../shared/EChart';
import { Page } from '../../shared/Page';
import { useCampaigns, useStatistics, type CampaignStatistics } from './api';
import { money } from './labels';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

export default function StatisticsPage() {
  const { t } = useTranslation('suggestions');
  const campaigns = useCampaigns();
  const [picked, setPicked] = useState<string | undefined>();
  const id = picked ?? campaigns.data?.items[0]?.id;
  const { data, isLoading } = useStatistics(id);
  const [editing, setEditing] = useState(false);
  const current = campaigns.data?.items.find((c) => c.id === id);
  const chart = useMemo<ChartOption | null>(
    () =>
      data
        ? {
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: data.months.map((m) => m.month) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { type: 'bar', name: t('stats.submitted'), data: data.months.map((m) => m.submitted) },
              { type: 'bar', name: t('stats.adopted'), data: data.months.map((m) => m.adopted) },
              { type: 'bar', name: t('stats.implemented'), data: data.months.map((m) => m.implemented) },
            ],
          }
        : null,
    [data, t],
  );
  if (campaigns.isSuccess && !campaigns.data.items.length) return <Empty description={t('stats.empty')} />;
  return (
    <Page
      title={data ? t('stats.title', { title: data.campaign.title }) : t('menu.statistics')}
      extra={
        <Flex gap={8}>
          <Select
            style={{ minWidth: 240 }}
            value={id}
            onChange={setPicked}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
            aria-label={t('stats.pick')}
            data-testid="campaign-pick"
          />
          {current && (
            <Button data-testid="campaign-edit" onClick={() => setEditing(true)}>
              {t('campaign.edit')}
            </Button>
          )}
        </Flex>
      }
    >
      {current && <CampaignForm key={current.id} campaign={current} open={editing} onClose={() => setEditing(false)} />}
      {isLoading || !data ? (
        <Spin />
      ) : (
        <>
          <Headline data={data} />
          <Card title={t('stats.byMonth')} style={{ marginTop: 16 }}>
            {chart && <EChart option={chart} data-testid="suggestion-month-chart" />}
          </Card>
          <Card title={t('stats.byUnit')} style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="orgId"
              pagination={false}
              dataSource={data.units}
              data-testid="suggestion-unit-table"
              columns={[
                { title: t('stats.unit'), dataIndex: 'orgName' },
                { title: t('stats.workers'), dataIndex: 'workers', align: 'right' },
                { title: t('stats.participants'), dataIndex: 'participants', align: 'right' },
                { title: t('stats.participation'), dataIndex: 'participationRate', align: 'right', render: pct },
                {
                  title: t('stats.submitted'),
                  dataIndex: 'submitted',
                  align: 'right',
                  render: (n: number, u) => <Link to={`/suggestions?${new URLSearchParams(u.drill)}`}>{n}</Link>,
                },
                { title: t('stats.adopted'), dataIndex: 'adopted', align: 'right' },
                { title: t('stats.implemented'), dataIndex: 'implemented', align: 'right' },
                { title: t('stats.benefit'), dataIndex: 'benefit', align: 'right', render: money },
                { title: t('stats.rewards'), dataIndex: 'rewards', align: 'right', render: money },
              ]}
            />
          </Card>
        </>
      )}
    </Page>
  );
}

function Headline({ data }: { data: CampaignStatistics }) {
  const { t } = useTranslation('suggestions');
  const items: [string, string | number][] = [
    [t('stats.submitted'), data.submitted],
    [t('stats.per100'), data.per100Workers ?? '—'],
    [t('stats.participation'), pct(data.participationRate)],
    [t('stats.adoption'), pct(data.adoptionRate)],
    [t('stats.implemented'), data.implemented],
    [t('stats.benefit'), money(data.benefit)],
    [t('stats.rewards'), money(data.rewards)],
  ];
  return (
    <Row gutter={[16, 16]}>
      {items.map(([title, value]) => (
        <Col key={title} xs={12} md={6} lg={3}>
          <Card size="small">
            <Statistic title={title} value={value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
