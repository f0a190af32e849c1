import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Segmented, Select, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { COMPLIANCE_CUTS, TENS, type ComplianceCut } from '@common/lessonLogs';
import { shiftWeek, weekDates, weekOf } from '@common/school';
import type { ComplianceRow } from '@common/schemas/lessonLogs';
import { Page } from '../../shared/Page';
import { Tabs } from '../../shared/Tabs';
import { shanghaiToday } from '../../shared/time';
import { useMySchool } from '../../shared/school/api';
import { errorText } from '../../shared/errors';
import { exportCompliance, useCompliance, useNotLogged } from './api';
import { ComplianceHeatMap } from './ComplianceHeatMap';
import { ComplianceTrend } from './ComplianceTrend';
import { Heat } from './Heat';

/** The table's cuts; teacher × week is the heat-map's own tab. */
const TABLE_CUTS = COMPLIANCE_CUTS.filter((c) => c !== 'teacherWeek');

const DAY = 'YYYY-MM-DD';

/**
 * The academic office's view of the 35+10 routine: compliance by teacher, subject, grade or
 * week as a table of heat cells (rows in name order — no ranking) with its Excel export, the
 * weekly trend, the teacher × week heat-map, and the lessons not logged. A drill-down
 * from the work report arrives with orgId, from, to and view in the address.
 */
/** The page opens on this week and the three before it, from a Monday: whole weeks are what the server keeps counted. */
const fourWeeksFrom = (today: string) => weekDates(shiftWeek(weekOf(today), -3))[0]!;

export default function OfficePage() {
  const { t } = useTranslation('lessonLogs');
  const [params] = useSearchParams();
  const { data: me } = useMySchool();
  const today = shanghaiToday();
  const [schoolPick, setSchool] = useState<string>();
  const schoolId = schoolPick ?? me?.schools.find((s) => s.id === params.get('orgId'))?.id ?? me?.schools[0]?.id;
  const [range, setRange] = useState<[string, string]>([params.get('from') ?? fourWeeksFrom(today.format(DAY)), params.get('to') ?? today.format(DAY)]);
  const [cut, setCut] = useState<ComplianceCut>('teacher');
  const [tab, setTab] = useState(params.get('view') === 'notLogged' ? 'notLogged' : 'compliance');
  const q = { from: range[0], to: range[1] };
  const { message } = App.useApp();
  const { data, isFetching } = useCompliance(schoolId, { ...q, cut });
  const trend = useCompliance(tab === 'trend' ? schoolId : undefined, { ...q, cut: 'week' });
  const grid = useCompliance(tab === 'heatmap' ? schoolId : undefined, { ...q, cut: 'teacherWeek' });
  const download = () => schoolId && exportCompliance(schoolId, { ...q, cut }).catch((err: unknown) => message.error(errorText(err, t)));
  const { data: missing, isFetching: missingLoading } = useNotLogged(schoolId, q, tab === 'notLogged');

  const columns = [
    { key: 'label', title: t(`office.cuts.${cut}`), dataIndex: 'label', fixed: 'left' as const, width: 110 },
    { key: 'logged', title: t('office.logged'), render: (_: unknown, r: ComplianceRow) => <Heat n={r.logged} of={r.timetabled} />, width: 90 },
    { key: 'standard', title: t('office.standard'), render: (_: unknown, r: ComplianceRow) => <Heat n={r.standardMet} of={r.logged} />, width: 90 },
    ...TENS.map((k) => ({ key: k, title: t(`tens.${k}`), render: (_: unknown, r: ComplianceRow) => <Heat n={r.tens[k]} of={r.logged} />, width: 90 })),
    { key: 'reached', title: t('office.reached'), dataIndex: 'studentsReached', width: 90, align: 'right' as const },
  ];

  return (
    <Page
      title={t('office.title')}
      extra={
        <Flex gap={8} wrap>
          {(me?.schools.length ?? 0) > 1 && (
            <Select
              aria-label={t('office.school')}
              value={schoolId}
              onChange={setSchool}
              options={me!.schools.map((s) => ({ value: s.id, label: s.name }))}
              style={{ minWidth: 140 }}
            />
          )}
          <DatePicker.RangePicker
            aria-label={t('office.period')}
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].format(DAY), v[1].format(DAY)])}
          />
        </Flex>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'compliance',
            label: t('office.compliance'),
            children: (
              <Flex vertical gap={12}>
                <Flex gap={8} wrap justify="space-between">
                  <Segmented
                    value={cut}
                    onChange={(v) => setCut(v as ComplianceCut)}
                    options={TABLE_CUTS.map((c) => ({ value: c, label: t(`office.cuts.${c}`) }))}
                  />
                  <Button icon={<DownloadOutlined />} onClick={download} data-testid="lessons-export">
                    {t('office.export')}
                  </Button>
                </Flex>
                {data?.own && <Alert type="info" showIcon title={t('office.own')} />}
                <Typography.Text type="secondary">{t('office.noRanking')}</Typography.Text>
                <Table
                  data-testid="lessons-compliance"
                  rowKey="key"
                  size="small"
                  loading={isFetching}
                  columns={columns}
                  dataSource={data?.rows ?? []}
                  pagination={false}
                  scroll={{ x: 900 }}
                />
              </Flex>
            ),
          },
          { key: 'trend', label: t('office.trend'), children: <ComplianceTrend weeks={trend.data?.rows ?? []} /> },
          { key: 'heatmap', label: t('office.heatmap'), children: <ComplianceHeatMap rows={grid.data?.rows ?? []} loading={grid.isFetching} /> },
          {
            key: 'notLogged',
            label: t('office.notLogged'),
            children: (
              <Table
                data-testid="lessons-not-logged"
                rowKey={(r) => `${r.classId}:${r.date}:${r.period}`}
                size="small"
                loading={missingLoading}
                locale={{ emptyText: t('office.none') }}
                dataSource={missing?.items ?? []}
                footer={() => t('office.total', { n: missing?.total ?? 0 })}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                scroll={{ x: 600 }}
                columns={[
                  { key: 'date', title: t('office.date'), dataIndex: 'date', width: 110 },
                  { key: 'period', title: '#', dataIndex: 'period', width: 50 },
                  { key: 'class', title: t('office.className'), dataIndex: 'className' },
                  { key: 'subject', title: t('office.subject'), dataIndex: 'subject' },
                  { key: 'teacher', title: t('office.teacher'), dataIndex: 'teacherName' },
                ]}
              />
            ),
          },
        ]}
      />
    </Page>
  );
}
