import { useState } from 'react';
import { Alert, DatePicker, Flex, Segmented, Select, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { COMPLIANCE_CUTS, TENS, type ComplianceCut } from '@common/lessonLogs';
import type { ComplianceRow } from '@common/schemas/lessonLogs';
import { Page } from '../../shared/Page';
import { shanghaiToday } from '../../shared/time';
import { useMySchool } from '../school/api';
import { useCompliance, useNotLogged } from './api';

const DAY = 'YYYY-MM-DD';

/** A share as a heat-map cell: the warmer, the further from the routine. */
function Heat({ n, of }: { n: number; of: number }) {
  if (!of) return <Typography.Text type="secondary">—</Typography.Text>;
  const rate = n / of;
  const bg = rate >= 0.9 ? '#d9f7be' : rate >= 0.7 ? '#fff1b8' : rate >= 0.5 ? '#ffd8bf' : '#ffccc7';
  return (
    <span style={{ display: 'block', background: bg, padding: '2px 6px', borderRadius: 4, textAlign: 'right' }} title={`${n} / ${of}`}>
      {Math.round(rate * 100)}%
    </span>
  );
}

/**
 * The academic office's view of the 35+10 routine: compliance by teacher, subject, grade or
 * week as a heat-map (rows in name order — no ranking), and the lessons not logged. A drill-down
 * from the work report arrives with orgId, from, to and view in the address.
 */
export default function OfficePage() {
  const { t } = useTranslation('lessonLogs');
  const [params] = useSearchParams();
  const { data: me } = useMySchool();
  const today = shanghaiToday();
  const [schoolPick, setSchool] = useState<string>();
  const schoolId = schoolPick ?? me?.schools.find((s) => s.id === params.get('orgId'))?.id ?? me?.schools[0]?.id;
  const [range, setRange] = useState<[string, string]>([params.get('from') ?? today.subtract(27, 'day').format(DAY), params.get('to') ?? today.format(DAY)]);
  const [cut, setCut] = useState<ComplianceCut>('teacher');
  const [tab, setTab] = useState(params.get('view') === 'notLogged' ? 'notLogged' : 'compliance');
  const q = { from: range[0], to: range[1] };
  const { data, isFetching } = useCompliance(schoolId, { ...q, cut });
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
          {(me?.schools.length ?? 0) > 1 && <Select aria-label={t('office.school')} value={schoolId} onChange={setSchool} options={me!.schools.map((s) => ({ value: s.id, label: s.name }))} style={{ minWidth: 140 }} />}
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
                <Segmented value={cut} onChange={(v) => setCut(v as ComplianceCut)} options={COMPLIANCE_CUTS.map((c) => ({ value: c, label: t(`office.cuts.${c}`) }))} />
                {data?.own && <Alert type="info" showIcon title={t('office.own')} />}
                <Typography.Text type="secondary">{t('office.noRanking')}</Typography.Text>
                <Table data-testid="lessons-compliance" rowKey="key" size="small" loading={isFetching} columns={columns} dataSource={data?.rows ?? []} pagination={false} scroll={{ x: 900 }} />
              </Flex>
            ),
          },
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
