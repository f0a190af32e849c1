import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Flex, List, Select, Tag } from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { exactRate } from '@common/figure';
import { HEART_BRIDGE_PERMISSIONS } from '@common/heartBridge';
import { useAuth } from '../../shared/auth/AuthContext';
import { Page } from '../../shared/Page';
import { useExport } from '../../shared/useExport';
import { Board } from '../../shared/Board';
import { ClassTable } from '../../shared/school/ClassTable';
import { PagedList } from '../../shared/PagedList';
import { RateBars } from '../../shared/school/RateBars';
import { SchoolSelect } from '../../shared/school/SchoolSelect';
import { RateStat, Stat } from '../../shared/school/Stat';
import { usePickedSchool } from '../../shared/school/usePickedSchool';
import { weekLabel } from '../../shared/dateFormat';
import { pct } from '../../shared/school/weeks';
import { exportCoverage, studentWeeksTo, useNoExchange, useSchoolDashboard, type CoverageRow } from './api';
import { classDashboardPath } from './paths';
import { PhrasesModal } from './PhrasesModal';
import { TrendChart } from './TrendChart';
import '../../shared/school/school.css';

/** A week by its dates: the school's classes may count term weeks differently. */
const weekText = (w: string) => weekLabel(w);

/** The principal's and academic office's view: every class of the school, this week and over the term. */
export default function SchoolDashboardPage() {
  const { t } = useTranslation(['heartBridge', 'school']);
  const { can } = useAuth();
  const { schools, schoolId, pick, loading } = usePickedSchool();
  const [week, setWeek] = useState<string>();
  const { data, isFetching, error } = useSchoolDashboard(schoolId, week);
  const [page, setPage] = useState(1);
  const noExchange = useNoExchange(schoolId, page);
  const [exporting, runExport] = useExport();
  const [phrasesOpen, setPhrasesOpen] = useState(false);
  const w = data?.week;
  // The school week's coverage and reply counts open its student-weeks (the office's list).
  const drillTo = schoolId ? studentWeeksTo(schoolId) : undefined;

  const gradeBars = useMemo(
    () => ({
      categories: (data?.byGrade ?? []).map((g) => g.gradeName ?? ''),
      series: [
        { name: t('dash.coverage'), rates: (data?.byGrade ?? []).map((g) => exactRate(g.coverage)) },
        { name: t('dash.replyRate'), rates: (data?.byGrade ?? []).map((g) => exactRate(g.replyRate)) },
        { name: t('dash.readRate'), rates: (data?.byGrade ?? []).map((g) => exactRate(g.readRate)) },
      ],
    }),
    [data, t],
  );
  const classBars = useMemo(
    () => ({
      categories: (data?.classes ?? []).map((c) => c.className),
      series: [{ name: t('dash.coverage'), rates: (data?.classes ?? []).map((c) => exactRate(c.coverage)) }],
    }),
    [data, t],
  );

  const onExport = () => schoolId && runExport(() => exportCoverage(schoolId, week ?? data?.week?.week));

  const weekOptions = [...(data?.trend ?? [])].reverse().map((x) => ({ value: x.week, label: weekText(x.week) }));

  return (
    <Page
      title={t('school.title')}
      extra={
        <>
          <SchoolSelect value={schoolId} schools={schools} onChange={pick} />
          <Select
            value={week ?? w?.week}
            onChange={setWeek}
            options={weekOptions}
            style={{ minWidth: 150 }}
            placeholder={t('week')}
            aria-label={t('week')}
            data-testid="hb-school-week"
          />
          <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporting} data-testid="hb-export">
            {t('common:actions.export')}
          </Button>
          {can(HEART_BRIDGE_PERMISSIONS.managePhrases) && schoolId && (
            <Button icon={<EditOutlined />} onClick={() => setPhrasesOpen(true)} data-testid="hb-phrases-edit">
              {t('phrases.edit')}
            </Button>
          )}
        </>
      }
    >
      <Board notice={!loading && !schoolId && t('school:noSchool')} error={error} loading={isFetching}>
        {data && (
          <>
            <Col xs={24} md={6}>
              <RateStat label={t('dash.coverage')} figure={w?.coverage} layout="counts" drillTo={drillTo} testId="hb-school-coverage" />
            </Col>
            <Col xs={12} md={6}>
              <RateStat label={t('dash.replyRate')} figure={w?.replyRate} drillTo={drillTo} />
            </Col>
            <Col xs={12} md={6}>
              <RateStat label={t('dash.readRate')} figure={w?.readRate} />
            </Col>
            <Col xs={24} md={6}>
              <Stat label={t('school.noExchangeCount')} value={t('school.people', { n: data.noExchangeCount })} testId="hb-school-noexchange" />
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('school.byGrade')}>
                {data.byGrade.length ? <RateBars {...gradeBars} testId="hb-grade-chart" /> : <Empty />}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('dash.trend')}>
                <TrendChart trend={data.trend} testId="hb-school-trend" />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('school.byClass')}>
                {data.classes.length ? <RateBars {...classBars} manyCategories testId="hb-class-chart" /> : <Empty />}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('school.classes')}>
                <ClassTable<CoverageRow>
                  rows={data.classes}
                  classPath={classDashboardPath}
                  linkTestId="hb-school-class-link"
                  scrollX={520}
                  testId="hb-school-classes"
                  columns={[
                    { title: t('school.students'), dataIndex: 'students', width: 60 },
                    {
                      title: t('dash.coverage'),
                      key: 'coverage',
                      render: (_, r) => `${r.coverage.numerator}/${r.coverage.denominator} · ${pct(exactRate(r.coverage))}`,
                    },
                    { title: t('dash.replyRate'), key: 'reply', render: (_, r) => pct(exactRate(r.replyRate)) },
                    { title: t('dash.readRate'), key: 'read', render: (_, r) => pct(exactRate(r.readRate)) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('school.noExchangeList')} data-testid="hb-school-noexchange-list">
                <PagedList
                  data={noExchange.data}
                  loading={noExchange.isFetching}
                  page={page}
                  onPage={setPage}
                  empty={t('dash.noExchangeEmpty')}
                  renderItem={(r) => (
                    <List.Item>
                      <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
                        <span>
                          {r.studentName} <span style={{ color: 'rgba(0,0,0,.65)' }}>· {r.className}</span>
                        </span>
                        <Tag color="orange">{t('dash.weeks', { n: r.weeks })}</Tag>
                      </Flex>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          </>
        )}
      </Board>
      {schoolId && <PhrasesModal schoolId={schoolId} open={phrasesOpen} onClose={() => setPhrasesOpen(false)} />}
    </Page>
  );
}
