import { Card, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RateStat, Stat } from '../../shared/school/Stat';
import { usePickedSchool } from '../../shared/school/usePickedSchool';
import { studentWeeksTo, useSchoolDashboard } from './api';
import '../../shared/school/school.css';

/** The principal's and academic office's whole school in 心桥 this week. */
export default function SchoolCoverageCard() {
  const { t } = useTranslation('heartBridge');
  const { schoolId, schools, loading } = usePickedSchool();
  const { data, isLoading } = useSchoolDashboard(schoolId, undefined);
  if (!loading && !schoolId) return null;
  const drillTo = schoolId ? studentWeeksTo(schoolId) : undefined;
  const name = schools.find((s) => s.id === schoolId)?.name;
  return (
    <Card
      title={name ? `${t('school.title')} · ${name}` : t('school.title')}
      extra={
        <Link to="/heart-bridge/school" data-testid="home-hb-school-open">
          {t('home.schoolOpen')}
        </Link>
      }
      data-testid="home-hb-school"
    >
      {isLoading || loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Flex wrap gap={24}>
          <RateStat label={t('dash.coverage')} figure={data?.week?.coverage} drillTo={drillTo} testId="home-hb-school-coverage" />
          <RateStat label={t('dash.replyRate')} figure={data?.week?.replyRate} drillTo={drillTo} />
          <Stat label={t('school.noExchangeCount')} value={data?.noExchangeCount ?? '—'} />
        </Flex>
      )}
    </Card>
  );
}
