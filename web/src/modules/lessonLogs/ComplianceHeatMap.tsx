import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { weekStart } from '@common/school';
import type { ComplianceRow } from '@common/schemas/lessonLogs';
import { monthDay } from '../../shared/dateFormat';
import { Heat } from './Heat';

interface TeacherRow {
  teacherId: string;
  label: string;
  weeks: Map<string, ComplianceRow>;
}

/**
 * Teachers (in name order, as the server sends them) × weeks, each cell the share of timetabled
 * lessons logged; the tooltip carries the counts and the 35+10 share. Rows are never ranked.
 */
export function ComplianceHeatMap({ rows, loading }: { rows: ComplianceRow[]; loading: boolean }) {
  const { t } = useTranslation('lessonLogs');
  const teachers = new Map<string, TeacherRow>();
  const weeks = new Set<string>();
  for (const r of rows) {
    const [teacherId, week] = r.key.split('|') as [string, string];
    weeks.add(week);
    let row = teachers.get(teacherId);
    if (!row) teachers.set(teacherId, (row = { teacherId, label: r.label, weeks: new Map() }));
    row.weeks.set(week, r);
  }
  const columns = [
    { key: 'label', title: t('office.cuts.teacher'), dataIndex: 'label', fixed: 'left' as const, width: 96 },
    ...[...weeks].sort().map((week) => ({
      key: week,
      title: monthDay(weekStart(week)),
      width: 72,
      render: (_: unknown, r: TeacherRow) => {
        const c = r.weeks.get(week);
        return c ? <Heat n={c.logged} of={c.timetabled} /> : null;
      },
    })),
  ];
  return (
    <Table
      data-testid="lessons-heatmap"
      rowKey="teacherId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={[...teachers.values()]}
      pagination={false}
      scroll={{ x: 96 + weeks.size * 72 }}
      caption={t('office.heatCaption')}
    />
  );
}
