import { Card, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { weekDates, weekOf } from '@common/school';
import { shanghaiToday } from '../../shared/time';
import { Stat } from '../../shared/school/Stat';
import { usePickedSchool } from '../../shared/school/usePickedSchool';
import { pct } from '../../shared/school/weeks';
import { useCompliance } from './api';
import '../../shared/school/school.css';

/** The academic office's and principal's home card: this week's 35+10 compliance for the whole school. */
export default function WeekComplianceCard() {
  const { t } = useTranslation('lessonLogs');
  const { schoolId, schools, loading } = usePickedSchool();
  const today = shanghaiToday().format('YYYY-MM-DD');
  const { data, isLoading } = useCompliance(schoolId, { from: weekDates(weekOf(today))[0]!, to: today, cut: 'week' });
  if (!loading && !schoolId) return null;
  const name = schools.find((s) => s.id === schoolId)?.name;
  // One week asked for, so at most one row; none while nothing is timetabled yet this week.
  const w = data?.rows[0];
  const rate = (n: number | undefined, of: number | undefined) => pct(of ? (n ?? 0) / of : undefined);
  return (
    <Card
      title={name ? `${t('home.week')} · ${name}` : t('home.week')}
      extra={<Link to="/lesson-logs">{t('home.openOffice')}</Link>}
      data-testid="home-lessons-week"
    >
      {isLoading || loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Flex wrap gap={24}>
          <Stat
            label={t('office.logged')}
            value={rate(w?.logged, w?.timetabled)}
            sub={w ? `${w.logged} / ${w.timetabled}` : undefined}
            testId="home-lessons-week-logged"
          />
          <Stat label={t('office.standard')} value={rate(w?.standardMet, w?.logged)} sub={w ? `${w.standardMet} / ${w.logged}` : undefined} />
          <Stat label={t('office.reached')} value={w?.studentsReached ?? '—'} />
        </Flex>
      )}
    </Card>
  );
}
