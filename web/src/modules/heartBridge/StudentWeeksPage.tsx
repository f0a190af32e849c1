import { useState } from 'react';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../shared/Page';
import { useIsMobile } from '../../shared/useIsMobile';
import { useStudentWeeks, type StudentWeek } from './api';

/**
 * The student-weeks of a period for a school, with the sides of each page written: the list a work
 * report's 心桥 coverage or reply figure opens (orgId = the school, from, to, and twoWay / schoolSide),
 * so its rows are the figure's count.
 */
export default function StudentWeeksPage() {
  const { t } = useTranslation('heartBridge');
  const isMobile = useIsMobile();
  const [params] = useSearchParams();
  const [page, setPage] = useState(1);
  const q: Record<string, string> = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  for (const k of ['twoWay', 'schoolSide']) if (params.get(k)) q[k] = params.get(k)!;
  const weeks = useStudentWeeks(params.get('orgId') ?? undefined, q, page);
  const total = weeks.data?.total ?? 0;
  const side = (on: boolean) => <Tag color={on ? 'green' : 'default'}>{t(on ? 'studentWeeks.written' : 'studentWeeks.notWritten')}</Tag>;
  return (
    <Page title={t('studentWeeks.title')}>
      <Typography.Paragraph data-testid="hb-student-weeks-total">{t('studentWeeks.total', { from: q.from, to: q.to, n: total })}</Typography.Paragraph>
      <Table<StudentWeek>
        rowKey={(r) => `${r.studentId}|${r.week}`}
        size="small"
        loading={weeks.isFetching}
        dataSource={weeks.data?.items ?? []}
        scroll={{ x: 520 }}
        pagination={{ current: page, pageSize: 20, total, onChange: setPage, showSizeChanger: false, simple: isMobile }}
        columns={[
          { title: t('studentWeeks.week'), dataIndex: 'week', width: 100 },
          { title: t('studentWeeks.className'), dataIndex: 'className', width: 110 },
          { title: t('studentWeeks.student'), dataIndex: 'studentName', width: 100 },
          { title: t('studentWeeks.schoolSide'), dataIndex: 'schoolSide', width: 80, render: side },
          { title: t('studentWeeks.homeSide'), dataIndex: 'homeSide', width: 80, render: side },
        ]}
      />
    </Page>
  );
}
