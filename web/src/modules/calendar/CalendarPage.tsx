import { useMemo, useState } from 'react';
import { Alert, Calendar, Card, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/AuthContext';
import { Page } from '../../shared/Page';
import { shanghaiToday } from '../../shared/time';
import { useIsMobile } from '../../shared/useIsMobile';
import { useCalendarDays, useCalendarStatus, useOverrides, type CalendarDay } from './api';
import { DayCell } from './DayCell';
import { Legend } from './Legend';
import { MonthHeader } from './MonthHeader';
import { NoticeImport } from './NoticeImport';
import { OverrideModal } from './OverrideModal';
import { OverridesTable } from './OverridesTable';
import './calendar.css';

const DAY = 'YYYY-MM-DD';

export default function CalendarPage() {
  const { t } = useTranslation('calendar');
  const { can, session } = useAuth();
  const canManage = can('calendar.manage');
  // The country's holidays belong to the whole deployment: only a deployment-wide admin imports them.
  const canImport = !!session?.roles.some((r) => r.role === 'sysAdmin' && r.orgId === null);
  const { data: status } = useCalendarStatus();
  const isMobile = useIsMobile();
  const today = useMemo(() => shanghaiToday(), []);
  const [value, setValue] = useState<Dayjs>(today);
  const [editing, setEditing] = useState<Dayjs | null>(null);

  // The grid shows up to six weeks, spilling into the months either side.
  const from = value.startOf('month').subtract(7, 'day').format(DAY);
  const to = value.endOf('month').add(14, 'day').format(DAY);
  const { data, isFetching } = useCalendarDays(from, to);
  const days = data?.items;
  const provisionalYears = (data?.years ?? []).filter((y) => y.provisional).map((y) => y.year);
  const { data: overrides } = useOverrides(canManage);

  const byDate = useMemo(() => new Map<string, CalendarDay>((days ?? []).map((d) => [d.date, d])), [days]);
  const editingKey = editing?.format(DAY);

  return (
    <Page title={t('title')}>
      {status?.warning && <Alert type="warning" showIcon message={status.warning.message} style={{ marginBottom: 12 }} data-testid="calendar-warning" />}
      <Card size="small">
        <Legend />
        {provisionalYears.length > 0 && (
          <Alert
            type="info"
            showIcon
            message={t('provisionalHint', { years: provisionalYears.join('、') })}
            style={{ marginBottom: 12 }}
            data-testid="calendar-provisional"
          />
        )}
        {canManage && <Typography.Paragraph type="secondary">{t('manageHint')}</Typography.Paragraph>}
        <Spin spinning={isFetching}>
          <div className={`${isMobile ? 'xq-cal-compact' : ''} ${canManage ? 'xq-cal-clickable' : ''}`} data-testid="calendar">
            <Calendar
              fullscreen={!isMobile}
              value={value}
              onPanelChange={(d) => setValue(d)}
              onSelect={(d, info) => {
                setValue(d);
                if (canManage && info.source === 'date') setEditing(d);
              }}
              headerRender={({ value: v }) => <MonthHeader value={v} onChange={setValue} today={today} />}
              fullCellRender={(d, info) =>
                info.type === 'date' ? (
                  <DayCell
                    date={d}
                    day={byDate.get(d.format(DAY))}
                    inMonth={d.month() === value.month()}
                    isToday={d.isSame(today, 'day')}
                    isSelected={d.isSame(value, 'day')}
                    compact={isMobile}
                  />
                ) : (
                  info.originNode
                )
              }
            />
          </div>
        </Spin>
      </Card>
      {canImport && <NoticeImport />}
      {canManage && <OverridesTable />}
      <OverrideModal
        date={editing}
        day={editingKey ? byDate.get(editingKey) : undefined}
        existing={(overrides ?? []).filter((o) => o.date === editingKey)}
        onClose={() => setEditing(null)}
      />
    </Page>
  );
}
