import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Select, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { exactRate } from '@common/figure';
import { Page } from '../../shared/Page';
import { useExport } from '../../shared/useExport';
import { useIsMobile } from '../../shared/useIsMobile';
import { useTerms } from '../../shared/school/api';
import { Board } from '../../shared/Board';
import { ClassTable } from '../../shared/school/ClassTable';
import { RateBars } from '../../shared/school/RateBars';
import { SchoolSelect } from '../../shared/school/SchoolSelect';
import { RateStat, Stat } from '../../shared/school/Stat';
import { usePickedSchool } from '../../shared/school/usePickedSchool';
import { pct } from '../../shared/school/weeks';
import { classDaysTo, exportCoverage, exportMissed, useMissed, useSchoolCoverage, type Coverage, type Missed, type MissedQuery } from './api';
import '../../shared/school/school.css';

type Row = Coverage['items'][number];

/** The office's view of the ten-minute sessions: coverage by grade and class, and what was missed. */
export default function OverviewPage() {
  const { t } = useTranslation(['moralEducation', 'school']);
  const isMobile = useIsMobile();
  const { schools, schoolId, pick, loading } = usePickedSchool();
  const terms = useTerms(schoolId);
  const [termId, setTermId] = useState<string>();
  const { data, isFetching, error } = useSchoolCoverage(schoolId, { termId });
  const [missedQ, setMissedQ] = useState<MissedQuery>({});
  const [page, setPage] = useState(1);
  const missed = useMissed(schoolId, { ...missedQ, termId }, page);
  const [exportingCoverage, runCoverageExport] = useExport();
  const [exportingMissed, runMissedExport] = useExport();

  const gradeBars = useMemo(
    () => ({
      categories: (data?.grades ?? []).map((g) => g.gradeName ?? ''),
      series: [{ name: t('klass.coverage'), rates: (data?.grades ?? []).map((g) => exactRate(g.coverage)) }],
    }),
    [data, t],
  );
  const classBars = useMemo(
    () => ({
      categories: (data?.items ?? []).map((c) => c.className),
      series: [{ name: t('klass.coverage'), rates: (data?.items ?? []).map((c) => exactRate(c.coverage)) }],
    }),
    [data, t],
  );

  const grades = data?.grades ?? [];
  return (
    <Page
      title={t('overview.title')}
      extra={
        <>
          <SchoolSelect value={schoolId} schools={schools} onChange={pick} />
          <Select
            value={termId ?? data?.termId}
            onChange={(v) => {
              setTermId(v);
              setPage(1);
            }}
            options={(terms.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            placeholder={t('overview.term')}
            aria-label={t('overview.term')}
            style={{ minWidth: 200, maxWidth: '100%' }}
            data-testid="me-term"
          />
        </>
      }
    >
      <Board notice={!loading && !schoolId && t('school:noSchool')} error={error} loading={isFetching}>
        {data && (
          <>
            <Col xs={24} md={8}>
              <RateStat
                label={t('overview.school')}
                figure={data.school.coverage}
                drillTo={schoolId ? classDaysTo(schoolId) : undefined}
                hint={t('klass.asOf', { date: data.asOf })}
                testId="me-school-coverage"
              />
            </Col>
            {grades.map((g) => (
              <Col xs={12} md={Math.max(4, Math.floor(16 / Math.max(1, grades.length)))} key={g.gradeId ?? ''}>
                <Stat label={g.gradeName ?? ''} value={pct(exactRate(g.coverage))} sub={`${g.held} / ${g.schoolDays}`} />
              </Col>
            ))}
            <Col xs={24} lg={10}>
              <Card size="small" title={t('overview.byGrade')}>
                {grades.length ? <RateBars {...gradeBars} valueLabels testId="me-grade-chart" /> : <Empty />}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('overview.byClass')}>
                {data.items.length ? <RateBars {...classBars} manyCategories testId="me-class-chart" /> : <Empty />}
              </Card>
            </Col>
            <Col xs={24}>
              <Card
                size="small"
                title={t('overview.classes')}
                extra={
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    loading={exportingCoverage}
                    onClick={() => schoolId && runCoverageExport(() => exportCoverage(schoolId, { termId }))}
                    data-testid="me-export-coverage"
                  >
                    {t('overview.exportCoverage')}
                  </Button>
                }
              >
                <ClassTable<Row>
                  rows={data.items}
                  classPath={(classId) => `/moral-education/class?class=${classId}`}
                  linkTestId="me-class-link"
                  scrollX={560}
                  testId="me-classes"
                  columns={[
                    { title: t('overview.schoolDays'), dataIndex: 'schoolDays', width: 70 },
                    { title: t('overview.held'), dataIndex: 'held', width: 70 },
                    { title: t('overview.skipped'), dataIndex: 'skipped', width: 70 },
                    { title: t('overview.unrecorded'), dataIndex: 'unrecorded', width: 70 },
                    { title: t('klass.coverage'), key: 'coverage', width: 90, render: (_, r) => pct(exactRate(r.coverage)) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card
                size="small"
                title={t('overview.missed')}
                data-testid="me-missed"
                extra={
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    loading={exportingMissed}
                    onClick={() => schoolId && runMissedExport(() => exportMissed(schoolId, { ...missedQ, termId }))}
                    data-testid="me-export-missed"
                  >
                    {t('overview.exportMissed')}
                  </Button>
                }
              >
                <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                  <Select
                    allowClear
                    placeholder={t('overview.allKinds')}
                    aria-label={t('overview.allKinds')}
                    value={missedQ.kind}
                    onChange={(kind) => {
                      setMissedQ((q) => ({ ...q, kind }));
                      setPage(1);
                    }}
                    options={[
                      { value: 'skipped', label: t('status.skipped') },
                      { value: 'unrecorded', label: t('status.unrecorded') },
                    ]}
                    style={{ minWidth: 120 }}
                    data-testid="me-missed-kind"
                  />
                  <Select
                    allowClear
                    placeholder={t('overview.allGrades')}
                    aria-label={t('overview.allGrades')}
                    value={missedQ.gradeId}
                    onChange={(gradeId) => {
                      setMissedQ((q) => ({ ...q, gradeId }));
                      setPage(1);
                    }}
                    options={grades.filter((g) => g.gradeId).map((g) => ({ value: g.gradeId!, label: g.gradeName ?? '' }))}
                    style={{ minWidth: 120 }}
                  />
                </Flex>
                <Table<Missed>
                  rowKey={(r) => `${r.classId}|${r.date}`}
                  size="small"
                  loading={missed.isFetching}
                  dataSource={missed.data?.items ?? []}
                  scroll={{ x: 560 }}
                  pagination={{ current: page, pageSize: 10, total: missed.data?.total ?? 0, onChange: setPage, showSizeChanger: false, simple: isMobile }}
                  columns={[
                    { title: t('overview.date'), dataIndex: 'date', width: 100 },
                    { title: t('overview.className'), dataIndex: 'className', width: 110 },
                    {
                      title: t('overview.kind'),
                      dataIndex: 'kind',
                      width: 90,
                      render: (k: Missed['kind']) => <Tag color={k === 'skipped' ? 'orange' : 'default'}>{t(`status.${k}`)}</Tag>,
                    },
                    { title: t('overview.reason'), dataIndex: 'reason' },
                    { title: t('overview.plannedTopic'), dataIndex: 'plannedTopic' },
                  ]}
                />
              </Card>
            </Col>
          </>
        )}
      </Board>
    </Page>
  );
}
