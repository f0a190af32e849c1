import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from './api';

interface Props {
  date: Dayjs;
  day: CalendarDay | undefined;
  inMonth: boolean;
  isToday: boolean;
  isSelected: boolean;
  compact: boolean;
}

/** One date, coloured by kind; the holiday name on wide screens, one character on phones. */
export function DayCell({ date, day, inMonth, isToday, isSelected, compact }: Props) {
  const { t } = useTranslation('calendar');
  const classes = ['xq-cal-cell', day ? `xq-cal-${day.kind}` : ''];
  if (!inMonth) classes.push('is-outside');
  if (isToday) classes.push('is-today');
  if (isSelected) classes.push('is-selected');

  const label = day ? (compact ? t(`short.${day.kind}`) : (day.name ?? t(`kind.${day.kind}`))) : '';
  return (
    <div
      className={classes.join(' ')}
      data-testid={`calendar-day-${date.format('YYYY-MM-DD')}`}
      data-kind={day?.kind}
      data-provisional={day?.provisional ? 'true' : undefined}
      title={
        day
          ? [day.name, t(`kind.${day.kind}`), day.override ? t('overridden') : '', day.provisional ? t('provisional') : ''].filter(Boolean).join(' · ')
          : undefined
      }
    >
      <span className="xq-cal-day">{date.date()}</span>
      {day?.override && <span className="xq-cal-override-mark">*</span>}
      {day?.provisional && <span className="xq-cal-provisional-mark">暂</span>}
      {/* Plain working days need no words: the colour says it, and fewer words read faster. */}
      {day && (day.kind !== 'workday' || compact) && <span className="xq-cal-label">{label}</span>}
    </div>
  );
}
