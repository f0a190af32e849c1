import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Row, Spin, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatFigure, formatTarget, moduleLabel } from '@common/workReport';
import { chartedFigures, chartHeight, comparisonOption } from '@common/workReportChart';
import { Page } from '../../shared/Page';
import { EChart } from '../../shared/EChart';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { errorText } from '../../shared/errors';
import { useAuth } from '../../shared/auth/AuthContext';
import { useDashboard, type Dashboard } from './api';
import { PeriodPicker } from './PeriodPicker';
import { ThresholdsModal } from './ThresholdsModal';
import { drillPath } from './drill';
import { thisYear, yearPeriod, type Period } from './period';
import { useDefaultOrg } from './useDefaultOrg';

type Item = Dashboard['groups'][number]['items'][number];

/** Every registered indicator of an org and period, by practice: value, previous period, trend, alert, records. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation('workReport');
  const { can } = useAuth();
  const [orgId, setOrgId] = useDefaultOrg();
  const [period, setPeriod] = useState<Period>(yearPeriod(thisYear()));
  const [editing, setEditing] = useState(false);
  const { data, isFetching, error } = useDashboard(orgId, period.from, period.to);
  const en = i18n.language === 'en';

  return (
    <Page
      title={t('dashboard.title')}
      extra={
        <>
          <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder={t('dashboard.pickOrg')} style={{ minWidth: 200, maxWidth: '100%' }} />
          <PeriodPicker value={period} onChange={setPeriod} />
          {can('workReport.write') && orgId && (
            <Button icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="wr-thresholds">
              {t('dashboard.setThresholds')}
            </Button>
          )}
        </>
      }
    >
      {error && <Alert type="error" showIcon message={errorText(error, t)} style={{ marginBottom: 16 }} />}
      <Spin spinning={isFetching}>
        {data && !data.groups.length && <Empty description={t('dashboard.empty')} />}
        {data?.groups.map((g) => (
          <Card
            key={g.module}
            size="small"
            title={en ? moduleLabel(g.module).en : moduleLabel(g.module).zh}
            style={{ marginBottom: 16 }}
            data-testid={`wr-group-${g.module}`}
          >
            <ComparisonChart items={g.items} en={en} />
            <Row gutter={[12, 12]}>
              {g.items.map((item) => (
                <Col key={item.key} xs={24} sm={12} lg={8}>
                  <FigureCard item={item} module={g.module} query={{ orgId: data.org.id, from: data.from, to: data.to }} />
                </Col>
              ))}
            </Row>
          </Card>
        ))}
      </Spin>
      {editing && orgId && <ThresholdsModal orgId={orgId} onClose={() => setEditing(false)} />}
    </Page>
  );
}

/** The practice's figures against the previous period: the chart the .docx embeds, from the same options. */
function ComparisonChart({ items, en }: { items: Item[]; en: boolean }) {
  const compared = items.map((i) => ({ label: i.label, unit: i.unit, current: i.current.value, previous: i.previous.value }));
  const n = chartedFigures(compared).length;
  return n ? <EChart height={chartHeight(n)} option={comparisonOption(compared, en)} /> : null;
}

function FigureCard({ item, module, query }: { item: Item; module: string; query: { orgId: string; from: string; to: string } }) {
  const { t, i18n } = useTranslation('workReport');
  const navigate = useNavigate();
  const label = i18n.language === 'en' ? item.label.en : item.label.zh;
  const delta = item.current.value !== null && item.previous.value !== null ? item.current.value - item.previous.value : null;
  return (
    <Card size="small" style={{ height: '100%', borderColor: item.alert ? '#ff4d4f' : undefined }} data-testid={`wr-figure-${item.key}`}>
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text type="secondary" title={i18n.language === 'en' ? item.definition.en : item.definition.zh}>
          {label}
        </Typography.Text>
        {item.alert && (
          <Tag
            color="red"
            title={item.alertWeeks?.map((w) => `${w.from}～${w.to} ${formatFigure(item.unit, w.value)}`).join('\n')}
            data-testid={`wr-alert-${item.key}`}
          >
            {item.alertWeeks ? t('dashboard.alertWeeks', { n: item.alertWeeks.length }) : t('dashboard.alert')}
          </Tag>
        )}
      </Flex>
      <Flex align="baseline" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {formatFigure(item.unit, item.current.value)}
        </Typography.Title>
        {item.unit !== 'count' && (
          <Typography.Text type="secondary">{t('dashboard.counts', { num: item.current.numerator, den: item.current.denominator })}</Typography.Text>
        )}
        {delta !== null && delta !== 0 && <Typography.Text type={delta > 0 ? 'success' : 'danger'}>{delta > 0 ? '▲' : '▼'}</Typography.Text>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.previous', { value: formatFigure(item.unit, item.previous.value) })}
        {item.threshold && (
          // The threshold read as the target it sets; the alert rule itself on hover.
          <span
            title={t(item.threshold.direction === 'below' ? 'dashboard.thresholdBelow' : 'dashboard.thresholdAbove', {
              value: formatFigure(item.unit, item.threshold.value),
            })}
            data-testid={`wr-target-${item.key}`}
          >
            {` · ${t('dashboard.target', { value: formatTarget(item.unit, item.threshold) })}${item.threshold.weeks ? t('dashboard.forWeeks', { n: item.threshold.weeks }) : ''}`}
          </span>
        )}
      </Typography.Text>
      <EChart
        height={70}
        option={{
          grid: { left: 2, right: 2, top: 6, bottom: 2 },
          xAxis: { type: 'category', show: false, data: item.trend.map((p) => p.label) },
          yAxis: { type: 'value', show: false },
          tooltip: { trigger: 'axis' },
          series: [
            {
              type: 'line',
              data: item.trend.map((p) => (p.value === null ? null : item.unit === 'rate' ? Math.round(p.value * 1000) / 10 : p.value)),
              smooth: true,
              symbol: 'none',
              areaStyle: { opacity: 0.15 },
            },
          ],
        }}
      />
      {item.drill ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => navigate(drillPath(module, item.drill!.numerator, query, item.drillPage))}
          data-testid={`wr-drill-${item.key}`}
        >
          {t('dashboard.records')}
        </Button>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.noDrill')}
        </Typography.Text>
      )}
    </Card>
  );
}
