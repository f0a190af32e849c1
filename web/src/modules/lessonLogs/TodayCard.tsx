import { Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { weekOf } from '@common/school';
import { shanghaiToday } from '../../shared/time';
import { useMyWeek } from './api';

/** A teacher's home card: today's timetabled lessons not logged yet, each one tap from its log form. */
export default function TodayCard() {
  const { t } = useTranslation('lessonLogs');
  const today = shanghaiToday().format('YYYY-MM-DD');
  const { data, isLoading } = useMyWeek(weekOf(today));
  const lessons = data?.days.find((d) => d.date === today)?.lessons ?? [];
  const open = lessons.filter((l) => !l.logId);
  return (
    <Card title={t('home.today')} loading={isLoading} extra={<Link to="/lessons">{t('home.openWeek')}</Link>} data-testid="home-lessons-today">
      {open.length ? (
        <List
          size="small"
          dataSource={open}
          renderItem={(l) => (
            <List.Item>
              <Link to={`/lessons/log?classId=${l.classId}&date=${l.date}&period=${l.period}`} data-testid="home-lessons-slot">
                {t('week.period', { n: l.period })} · {l.subject} · {l.className}
              </Link>
            </List.Item>
          )}
        />
      ) : (
        <Flex vertical>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={lessons.length ? t('home.allLogged', { n: lessons.length }) : t('home.noLessons')} />
        </Flex>
      )}
      {open.length > 0 && <Typography.Text type="secondary">{t('home.toLog', { n: open.length, of: lessons.length })}</Typography.Text>}
    </Card>
  );
}
