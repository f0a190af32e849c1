import { Card, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RateStat } from '../../shared/school/Stat';
import { usePickedSchool } from '../../shared/school/usePickedSchool';
import { classDaysTo, useSchoolCoverage } from './api';
import '../../shared/school/school.css';

/** The school's ten-minute sessions held so far this term, for the principal and academic office. */
export default function SchoolTodayCard() {
  const { t } = useTranslation('moralEducation');
  const { schoolId, loading } = usePickedSchool();
  const { data, isLoading } = useSchoolCoverage(schoolId, {});
  if (!loading && !schoolId) return null;
  return (
    <Card
      title={t('menuOverview')}
      extra={
        <Link to="/moral-education/overview" data-testid="home-me-school-open">
          {t('home.view')}
        </Link>
      }
      data-testid="home-me-school"
    >
      {isLoading || loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Flex wrap gap={24}>
          <RateStat
            label={t('home.held')}
            figure={data?.school.coverage}
            drillTo={schoolId ? classDaysTo(schoolId) : undefined}
            testId="home-me-school-coverage"
          />
        </Flex>
      )}
    </Card>
  );
}
