import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Col, Empty, Flex, Row, Segmented, Select, Spin, Table } from 'antd';
import { BarChartOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../shared/Page';
import { useIsMobile } from '../../shared/useIsMobile';
import { ClassSelect } from '../../shared/school/ClassSelect';
import { useWeekLabel } from '../../shared/school/useWeekLabel';
import { printUrl, useClassWeek, type WeekRow } from './api';
import { Stat } from '../../shared/school/Stat';
import { classDashboardPath, editorPath } from './paths';
import { StatusTags } from './StatusTags';
import { useClassRoute } from './useClassRoute';
import '../../shared/school/school.css';

/** Filters as a teacher thinks of them: whom have I not written for, who has not answered yet. */
type Filter = 'all' | 'schoolMissing' | 'awaitingHome' | 'twoWay';

const FILTERS: Record<Filter, (r: WeekRow) => boolean> = {
  all: () => true,
  schoolMissing: (r) => !r.schoolWrittenAt,
  awaitingHome: (r) => r.status === 'schoolOnly',
  twoWay: (r) => r.status === 'twoWay',
};

/** A teacher's week: every student of the class and where their page stands. */
export default function ClassWeekPage() {
  const { t } = useTranslation(['heartBridge', 'school']);
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const route = useClassRoute();
  const { classId, week } = route;
  const { data, isFetching } = useClassWeek(classId, week);
  const label = useWeekLabel(route.weeks);
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useMemo(() => data?.items ?? [], [data]);
  const shown = rows.filter(FILTERS[filter]);
  const count = (f: (r: WeekRow) => boolean) => rows.filter(f).length;
  const n = rows.length;
  const open = (r: WeekRow) => classId && week && navigate(editorPath(classId, week, r.studentId));
  const firstUnwritten = rows.find((r) => !r.schoolWrittenAt) ?? rows[0];

  const weekOptions = [...route.begun].reverse().map((w) => ({ value: w.week, label: label(w.week) }));
  if (week && !weekOptions.some((o) => o.value === week)) weekOptions.unshift({ value: week, label: label(week) });

  return (
    <Page
      title={t('klass.title')}
      extra={
        <>
          {route.options.length > 1 && (
            <ClassSelect value={classId} options={route.options} onChange={(id) => route.set({ class: id })} loading={route.loading} />
          )}
          <Select
            value={week}
            onChange={(w) => route.set({ week: w })}
            options={weekOptions}
            style={{ minWidth: 170 }}
            aria-label={t('week')}
            data-testid="hb-week-select"
          />
        </>
      }
    >
      {!route.loading && !classId && <Alert type="info" showIcon title={t('school:noClass')} />}
      {classId && week && (
        <Flex vertical gap={16}>
          <Row gutter={[8, 8]} data-testid="hb-class-counts">
            <Col xs={12} md={6}>
              <Stat label={t('klass.schoolWritten')} value={`${count((r) => !!r.schoolWrittenAt)} / ${n}`} testId="hb-count-school" />
            </Col>
            <Col xs={12} md={6}>
              <Stat label={t('klass.homeWritten')} value={`${count((r) => !!r.homeWrittenAt)} / ${n}`} testId="hb-count-home" />
            </Col>
            <Col xs={12} md={6}>
              <Stat label={t('klass.twoWay')} value={`${count((r) => r.status === 'twoWay')} / ${n}`} testId="hb-count-twoway" />
            </Col>
            <Col xs={12} md={6}>
              <Stat label={t('klass.readByHome')} value={`${count((r) => !!r.readByHomeAt)} / ${count((r) => !!r.schoolWrittenAt)}`} testId="hb-count-read" />
            </Col>
          </Row>
          <Flex gap={8} wrap justify="space-between">
            <Flex gap={8} wrap>
              {firstUnwritten && (
                <Button type="primary" icon={<EditOutlined />} onClick={() => open(firstUnwritten)} data-testid="hb-write-next">
                  {t('klass.writeNext')}
                </Button>
              )}
              <Link to={classDashboardPath(classId)}>
                <Button icon={<BarChartOutlined />} data-testid="hb-open-dashboard">
                  {t('klass.dashboard')}
                </Button>
              </Link>
              <Button icon={<PrinterOutlined />} href={printUrl(classId, week)} target="_blank" rel="noopener" data-testid="hb-print">
                {t('klass.print')}
              </Button>
            </Flex>
            <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
              <Segmented<Filter>
                value={filter}
                onChange={setFilter}
                size={isMobile ? 'small' : 'middle'}
                options={[
                  { value: 'all', label: t('klass.all') },
                  { value: 'schoolMissing', label: t('klass.schoolNot') },
                  { value: 'awaitingHome', label: t('klass.awaitingHome') },
                  { value: 'twoWay', label: t('status.twoWay') },
                ]}
                data-testid="hb-filter"
              />
            </div>
          </Flex>
          <Spin spinning={isFetching}>
            {isMobile ? (
              <Flex vertical gap={6} data-testid="hb-class-list">
                {!shown.length && <Empty description={t('klass.noStudents')} />}
                {shown.map((r) => (
                  <div key={r.studentId} className="hb-row" onClick={() => open(r)} data-testid="hb-student-row" role="button">
                    <span className="hb-row-name">{r.studentName}</span>
                    <StatusTags row={r} />
                  </div>
                ))}
              </Flex>
            ) : (
              <Table<WeekRow>
                rowKey="studentId"
                size="middle"
                dataSource={shown}
                pagination={false}
                data-testid="hb-class-list"
                onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' }, 'data-testid': 'hb-student-row' }) as HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t('klass.student'), dataIndex: 'studentName', width: 140 },
                  { title: '', key: 'status', render: (_, r) => <StatusTags row={r} /> },
                ]}
              />
            )}
          </Spin>
        </Flex>
      )}
    </Page>
  );
}
