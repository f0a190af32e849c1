import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, List, Pagination, Row, Select, Spin, Table, Tag } from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { weekEnd, weekStart, HEART_BRIDGE_PERMISSIONS } from '@common/school';
import { useAuth } from '../../app/auth/AuthContext';
import { errorText, useShowError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useMySchool } from '../school/api';
import { RateBars } from '../school/RateBars';
import { SchoolSelect } from '../school/SchoolSelect';
import { pct, shortDate } from '../school/weeks';
import { exportCoverage, useNoExchange, useSchoolDashboard, type CoverageRow } from './api';
import { classDashboardPath } from './paths';
import { PhrasesModal } from './PhrasesModal';
import { Stat } from '../school/Stat';
import { TrendChart } from './TrendChart';
import '../school/school.css';

const weekText = (w: string) => `${shortDate(weekStart(w))}–${shortDate(weekEnd(w))}`;

/** The principal's and academic office's view: every class of the school, this week and over the term. */
export default function SchoolDashboardPage() {
  const { t } = useTranslation('heartBridge');
  const { can } = useAuth();
  const showError = useShowError();
  const me = useMySchool();
  const schools = me.data?.schools ?? [];
  const [picked, setPicked] = useState<string>();
  const schoolId = picked ?? schools[0]?.id;
  const [week, setWeek] = useState<string>();
  const { data, isFetching, error } = useSchoolDashboard(schoolId, week);
  const [page, setPage] = useState(1);
  const noExchange = useNoExchange(schoolId, page);
  const [exporting, setExporting] = useState(false);
  const [phrasesOpen, setPhrasesOpen] = useState(false);
  const w = data?.week;

  const gradeBars = useMemo(
    () => ({
      categories: (data?.byGrade ?? []).map((g) => g.gradeName ?? ''),
      series: [
        { name: t('dash.coverage'), rates: (data?.byGrade ?? []).map((g) => g.coverage.rate) },
        { name: t('dash.replyRate'), rates: (data?.byGrade ?? []).map((g) => g.replyRate.rate) },
        { name: t('dash.readRate'), rates: (data?.byGrade ?? []).map((g) => g.readRate.rate) },
      ],
    }),
    [data, t],
  );
  const classBars = useMemo(
    () => ({ categories: (data?.classes ?? []).map((c) => c.className), series: [{ name: t('dash.coverage'), rates: (data?.classes ?? []).map((c) => c.coverage.rate) }] }),
    [data, t],
  );

  const onExport = async () => {
    if (!schoolId) return;
    setExporting(true);
    try {
      await exportCoverage(schoolId, week ?? data?.week?.week);
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };

  const weekOptions = [...(data?.trend ?? [])].reverse().map((x) => ({ value: x.week, label: weekText(x.week) }));

  return (
    <Page
      title={t('school.title')}
      extra={
        <>
          <SchoolSelect value={schoolId} schools={schools} onChange={setPicked} />
          <Select value={week ?? w?.week} onChange={setWeek} options={weekOptions} style={{ minWidth: 150 }} placeholder={t('week')} data-testid="hb-school-week" />
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
      {!me.isLoading && !schoolId && <Alert type="info" showIcon title={t('school:noSchool')} />}
      {error && <Alert type="error" showIcon title={errorText(error, t)} />}
      <Spin spinning={isFetching}>
        {data && (
          <Row gutter={[16, 16]}>
            <Col xs={24} md={6}>
              <Stat label={t('dash.coverage')} value={w ? `${w.coverage.num} / ${w.coverage.den}` : '—'} sub={pct(w?.coverage.rate)} testId="hb-school-coverage" />
            </Col>
            <Col xs={12} md={6}>
              <Stat label={t('dash.replyRate')} value={pct(w?.replyRate.rate)} sub={w ? `${w.replyRate.num} / ${w.replyRate.den}` : undefined} />
            </Col>
            <Col xs={12} md={6}>
              <Stat label={t('dash.readRate')} value={pct(w?.readRate.rate)} sub={w ? `${w.readRate.num} / ${w.readRate.den}` : undefined} />
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
                <Table<CoverageRow>
                  rowKey="classId"
                  size="small"
                  dataSource={data.classes}
                  pagination={false}
                  scroll={{ x: 520 }}
                  data-testid="hb-school-classes"
                  columns={[
                    { title: t('school.grade'), dataIndex: 'gradeName', width: 70 },
                    {
                      title: t('school.className'),
                      dataIndex: 'className',
                      render: (name: string, r) => (
                        <Link to={classDashboardPath(r.classId)} data-testid="hb-school-class-link">
                          {name}
                        </Link>
                      ),
                    },
                    { title: t('school.students'), dataIndex: 'students', width: 60 },
                    { title: t('dash.coverage'), key: 'coverage', render: (_, r) => `${r.coverage.num}/${r.coverage.den} · ${pct(r.coverage.rate)}` },
                    { title: t('dash.replyRate'), key: 'reply', render: (_, r) => pct(r.replyRate.rate) },
                    { title: t('dash.readRate'), key: 'read', render: (_, r) => pct(r.readRate.rate) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('school.noExchangeList')} data-testid="hb-school-noexchange-list">
                <List
                  size="small"
                  loading={noExchange.isFetching}
                  dataSource={noExchange.data?.items ?? []}
                  locale={{ emptyText: <Empty description={t('dash.noExchangeEmpty')} /> }}
                  renderItem={(r) => (
                    <List.Item>
                      <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
                        <span>
                          {r.studentName} <span style={{ color: 'rgba(0,0,0,.45)' }}>· {r.className}</span>
                        </span>
                        <Tag color="orange">{t('dash.weeks', { n: r.weeks })}</Tag>
                      </Flex>
                    </List.Item>
                  )}
                />
                {(noExchange.data?.total ?? 0) > 10 && (
                  <Pagination simple showSizeChanger={false} align="center" current={page} pageSize={10} total={noExchange.data?.total ?? 0} onChange={setPage} />
                )}
              </Card>
            </Col>
          </Row>
        )}
      </Spin>
      {schoolId && <PhrasesModal schoolId={schoolId} open={phrasesOpen} onClose={() => setPhrasesOpen(false)} />}
    </Page>
  );
}
