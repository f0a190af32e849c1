import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Select, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_PERIODS, WEEKDAY_LABELS } from '@common/timetable';
import { Page } from '../../shared/Page';
import { errorText } from '../../shared/errors';
import { ClassSelect } from '../../shared/school/ClassSelect';
import { useClassOptions } from '../../shared/school/useClassOptions';
import { useClassTimetable, useSaveTimetable, type Slot } from './api';
import { ClassTeachersCard } from './ClassTeachersCard';
import { ImportCard } from './ImportCard';

const PERIODS = 8;
const cell = (weekday: number, period: number) => `${weekday}:${period}`;

/** The academic office's grid: period × weekday → one of the class's teachers with the subject they teach there. */
export default function TimetablePage() {
  const { t } = useTranslation('timetable');
  const { message } = App.useApp();
  const { options, loading } = useClassOptions({ oversee: true });
  const [picked, setPicked] = useState<string>();
  const classId = picked ?? options[0]?.id;
  const schoolId = options.find((o) => o.id === classId)?.schoolId;
  const { data, isLoading } = useClassTimetable(classId);
  const save = useSaveTimetable(classId ?? '');
  const [grid, setGrid] = useState(new Map<string, Slot>());
  const [weekend, setWeekend] = useState(false);
  useEffect(() => {
    setGrid(
      new Map(
        (data?.slots ?? []).map((s) => [cell(s.weekday, s.period), { weekday: s.weekday, period: s.period, subject: s.subject, teacherId: s.teacherId }]),
      ),
    );
    setWeekend((data?.slots ?? []).some((s) => s.weekday >= 6));
  }, [data]);

  // A choice is a teacher with a subject: their assigned subject, or each subject already in the grid.
  const choices = useMemo(() => {
    const subjects = new Set((data?.slots ?? []).map((s) => s.subject));
    const out = new Map<string, { teacherId: string; subject: string; label: string }>();
    for (const tch of data?.teachers ?? []) {
      const own = tch.subject ? [tch.subject] : [...subjects];
      for (const subject of own) out.set(`${tch.id}|${subject}`, { teacherId: tch.id, subject, label: `${subject} · ${tch.name}` });
    }
    for (const s of data?.slots ?? [])
      out.set(`${s.teacherId}|${s.subject}`, { teacherId: s.teacherId, subject: s.subject, label: `${s.subject} · ${s.teacherName}` });
    return [...out.entries()].map(([value, c]) => ({ value, label: c.label }));
  }, [data]);
  const days = weekend ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5];
  const periods = Math.max(PERIODS, ...[...grid.values()].map((s) => s.period));

  const columns = [
    { key: 'p', title: '', width: 70, render: (_: unknown, row: { period: number }) => t('period', { n: row.period }) },
    ...days.map((d) => ({
      key: String(d),
      title: WEEKDAY_LABELS[d],
      render: (_: unknown, row: { period: number }) => {
        const s = grid.get(cell(d, row.period));
        return (
          <Select
            aria-label={`${WEEKDAY_LABELS[d]} ${t('period', { n: row.period })}`}
            allowClear
            placeholder={t('free')}
            value={s ? `${s.teacherId}|${s.subject}` : undefined}
            options={choices}
            style={{ width: '100%', minWidth: 110 }}
            onChange={(v?: string) => {
              const next = new Map(grid);
              if (!v) next.delete(cell(d, row.period));
              else {
                const [teacherId, subject] = v.split('|');
                next.set(cell(d, row.period), { weekday: d, period: row.period, subject, teacherId });
              }
              setGrid(next);
            }}
          />
        );
      },
    })),
  ];

  return (
    <Page title={t('title')} extra={<ClassSelect value={classId} options={options} onChange={setPicked} loading={loading} />}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
        {schoolId && <ImportCard schoolId={schoolId} />}
        {data && !data.teachers.length && <Alert type="warning" showIcon title={t('noTeachers')} />}
        {classId && data && <ClassTeachersCard classId={classId} teachers={data.teachers} />}
        <Checkbox checked={weekend} onChange={(e) => setWeekend(e.target.checked)}>
          {t('weekend')}
        </Checkbox>
        <Spin spinning={isLoading}>
          <Table
            rowKey="period"
            size="small"
            pagination={false}
            scroll={{ x: 700 }}
            columns={columns}
            dataSource={Array.from({ length: Math.min(periods, MAX_PERIODS) }, (_, i) => ({ period: i + 1 }))}
          />
        </Spin>
        <Button
          type="primary"
          disabled={!classId}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              [...grid.values()].filter((s) => weekend || s.weekday <= 5),
              { onSuccess: () => message.success(t('saved')), onError: (err) => message.error(errorText(err, t)) },
            )
          }
        >
          {t('save')}
        </Button>
      </Flex>
    </Page>
  );
}
