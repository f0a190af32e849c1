import { lazy, Suspense, useCallback, useMemo } from 'react';
import { Button, Card, Col, DatePicker, Flex, Result, Row, Select, Spin, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { INDICATOR_KEYS, type IndicatorKey } from '@common/appealIndicators';
import { useAuth } from '../../shared/auth/AuthContext';
import { useEnumOptions } from '../../shared/enumOptions';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { Page } from '../../shared/Page';
import { useIsMobile } from '../../shared/useIsMobile';
import { useDashboard, type DashboardQuery, type Figure } from './api';
import { DepartmentSelect } from './DepartmentSelect';
import { useAppealOptions } from './labels';
import { AnonymityHint } from './AnonymityHint';

const DashboardCharts = lazy(() => import('./DashboardCharts'));

const QUERY_KEYS = ['from', 'to', 'category', 'departmentId', 'employmentCategory', 'orgId'] as const;
const RATES = new Set<IndicatorKey>([
  'acceptedOnTimeRate',
  'answerRate',
  'onTimeAnswerRate',
  'closureRate',
  'onTimeClosureRate',
  'satisfactionRate',
  'satisfiedShare',
  'reopenRate',
]);

const csv = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);

/**
 * Appeal indicators over a period and cut (category, department, employment category, org
 * subtree). Every number opens the appeals it counts: the server sends each figure with the
 * list filters that reproduce it, so the list shows exactly what was counted.
 */
export default function DashboardPage() {
  const { t } = useTranslation('appeals');
  const { can } = useAuth();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const categoryOptions = useAppealOptions('category');
  const employmentOptions = useEnumOptions('employmentCategory');
  const allowed = can('appeals.manage') || can('appeals.handle');

  const query = useMemo<DashboardQuery>(() => {
    const q: DashboardQuery = {};
    for (const k of QUERY_KEYS) {
      const v = params.get(k);
      if (v) q[k] = v;
    }
    return q;
  }, [params]);
  const update = (patch: DashboardQuery) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...patch })) if (v) next.set(k, v);
    setParams(next, { replace: true });
  };
  const { data, isFetching, isLoading } = useDashboard(allowed ? query : {});

  // Staff drill into their inbox; handlers into their department's list. Same filters either way.
  const listPath = can('appeals.manage') ? '/appeals' : '/appeals/assigned';
  const drill = useCallback((filters: Record<string, string>) => navigate(`${listPath}?${new URLSearchParams(filters)}`), [listPath, navigate]);

  if (!allowed) return <Result status="403" title={t('common:page.forbiddenTitle')} subTitle={t('common:page.forbidden')} />;

  const w = (desktop: number) => (isMobile ? '100%' : desktop);
  return (
    <Page title={t('dashboard.title')}>
      <Flex wrap gap={8} vertical={isMobile} style={{ marginBottom: 16 }} data-testid="dashboard-filters">
        <div style={{ width: w(260) }} data-testid="dashboard-period">
          <DatePicker.RangePicker
            picker="month"
            allowEmpty={[true, true]}
            value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
            onChange={(r) =>
              update({
                from: r?.[0]?.startOf('month').format('YYYY-MM-DD') ?? undefined,
                to: r?.[1]?.endOf('month').format('YYYY-MM-DD') ?? undefined,
              })
            }
            placeholder={[t('dashboard.periodFrom'), t('dashboard.periodTo')]}
            style={{ width: '100%' }}
          />
        </div>
        <div style={{ width: w(200) }} data-testid="dashboard-category">
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('dashboard.category')}
            aria-label={t('dashboard.category')}
            options={categoryOptions}
            value={csv(query.category)}
            onChange={(l: string[]) => update({ category: l.join(',') || undefined })}
            style={{ width: '100%' }}
          />
        </div>
        <DepartmentSelect
          data-testid="dashboard-department"
          onlyAssignable={false}
          allowClear
          value={query.departmentId}
          onChange={(departmentId) => update({ departmentId })}
          placeholder={t('dashboard.department')}
          style={{ width: w(200) }}
        />
        <div style={{ width: w(200) }} data-testid="dashboard-employment">
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('dashboard.employmentCategory')}
            aria-label={t('dashboard.employmentCategory')}
            options={employmentOptions}
            value={csv(query.employmentCategory)}
            onChange={(l: string[]) => update({ employmentCategory: l.join(',') || undefined })}
            style={{ width: '100%' }}
          />
        </div>
        <div style={{ width: w(220) }} data-testid="dashboard-org">
          <OrgTreeSelect value={query.orgId} onChange={(orgId) => update({ orgId })} placeholder={t('dashboard.org')} allowClear style={{ width: '100%' }} />
        </div>
        <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('dashboard.reset')}</Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {data?.filter.from && data.filter.to ? `${data.filter.from} — ${data.filter.to} · ` : ''}
        {t('dashboard.clickHint')}
      </Typography.Paragraph>
      {(query.orgId || query.employmentCategory) && (
        <Typography.Paragraph style={{ marginTop: -8 }}>
          <AnonymityHint when />
        </Typography.Paragraph>
      )}

      {isLoading || !data ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <Spin spinning={isFetching}>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="dashboard-kpis">
            <Col xs={12} md={8} xl={6}>
              <Kpi
                id="total"
                title={t('dashboard.total')}
                value={String(data.total.value ?? 0)}
                suffix={t('dashboard.items')}
                onClick={() => drill(data.total.drill.numerator)}
              />
            </Col>
            {INDICATOR_KEYS.map((k) => (
              <Col xs={12} md={8} xl={6} key={k}>
                <IndicatorCard id={k} figure={data.indicators[k]} onDrill={drill} />
              </Col>
            ))}
          </Row>
          <Suspense fallback={<Spin />}>
            <DashboardCharts data={data} onDrill={drill} />
          </Suspense>
        </Spin>
      )}
    </Page>
  );
}

function IndicatorCard({ id, figure, onDrill }: { id: IndicatorKey; figure: Figure; onDrill: (d: Record<string, string>) => void }) {
  const { t } = useTranslation('appeals');
  const value = figure.value === null ? t('dashboard.noData') : RATES.has(id) ? (figure.value * 100).toFixed(1) : String(figure.value);
  const suffix = figure.value === null ? undefined : RATES.has(id) ? '%' : id === 'acceptanceHours' ? t('dashboard.hours') : t('dashboard.items');
  // The counts behind the figure; the denominator opens its own list.
  const footer = RATES.has(id) ? (
    <Typography.Link
      onClick={(e) => {
        e.stopPropagation();
        onDrill(figure.drill.denominator);
      }}
      data-testid={`kpi-${id}-denominator`}
    >
      {t('dashboard.ratio', { num: figure.numerator, den: figure.denominator })}
    </Typography.Link>
  ) : id === 'acceptanceHours' ? (
    t('dashboard.acceptedCount', { count: figure.numerator })
  ) : (
    <Typography.Link
      onClick={(e) => {
        e.stopPropagation();
        onDrill(figure.drill.denominator);
      }}
      data-testid={`kpi-${id}-denominator`}
    >
      {t('dashboard.openCount', { count: figure.denominator })}
    </Typography.Link>
  );
  return (
    <Kpi
      id={id}
      title={t(`dashboard.kpi.${id}`)}
      hint={t(`dashboard.kpiHint.${id}`)}
      value={value}
      suffix={suffix}
      footer={footer}
      danger={id === 'overdueCount' && (figure.value ?? 0) > 0}
      onClick={() => onDrill(figure.drill.numerator)}
    />
  );
}

interface KpiProps {
  id: string;
  title: string;
  hint?: string;
  value: string;
  suffix?: string;
  footer?: React.ReactNode;
  danger?: boolean;
  onClick: () => void;
}

function Kpi({ id, title, hint, value, suffix, footer, danger, onClick }: KpiProps) {
  return (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      onClick={onClick}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onClick();
        }
      }}
      style={{ height: '100%', cursor: 'pointer' }}
      data-testid={`kpi-${id}`}
    >
      <Statistic title={title} value={value} suffix={suffix} styles={{ content: { color: danger ? '#cf1322' : undefined, fontSize: 22 } }} />
      {hint && (
        // The figure's definition: one line, the whole of it on hover or tap.
        <Typography.Text type="secondary" ellipsis={{ tooltip: hint }} style={{ fontSize: 12, display: 'block' }} data-testid={`kpi-${id}-definition`}>
          {hint}
        </Typography.Text>
      )}
      {footer && <div style={{ fontSize: 12, marginTop: 2 }}>{footer}</div>}
    </Card>
  );
}
