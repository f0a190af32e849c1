import { Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { weekEnd, weekOf, weekStart } from '@common/school';
import { Page } from '../../shared/Page';
import { shanghaiToday } from '../../shared/time';
import { monthDay, weekLabel } from '../../shared/dateFormat';
import { useMyClassPlan, type MyPlan } from './api';

const DAY = 'YYYY-MM-DD';

/** This week and next of the student's own class: each school day's topic, the week's theme. */
export default function MyClassPage() {
  const { t } = useTranslation('moralEducation');
  const today = shanghaiToday().format(DAY);
  const thisWeek = weekOf(today);
  const nextWeek = weekOf(shanghaiToday().add(7, 'day').format(DAY));
  const { data, isLoading } = useMyClassPlan(weekStart(thisWeek), weekEnd(nextWeek));
  return (
    <Page title={data ? `${t('mine.title')} · ${data.className}` : t('mine.title')}>
      <Typography.Paragraph type="secondary">{t('mine.intro')}</Typography.Paragraph>
      {isLoading ? (
        <Skeleton active />
      ) : !data ? (
        <Empty />
      ) : (
        [thisWeek, nextWeek].map((week) => (
          <WeekCard key={week} week={week} title={t(week === thisWeek ? 'mine.thisWeek' : 'mine.nextWeek')} days={data.items} today={today} />
        ))
      )}
    </Page>
  );
}

function WeekCard({ week, title, days, today }: { week: string; title: string; days: MyPlan['items']; today: string }) {
  const { t } = useTranslation('moralEducation');
  const mine = days.filter((d) => d.week === week && (d.schoolDay || d.topic));
  const theme = mine.find((d) => d.theme)?.theme;
  return (
    <Card
      size="small"
      title={`${title} · ${weekLabel(week)}`}
      extra={theme ? t('mine.theme', { theme }) : undefined}
      style={{ marginBottom: 12 }}
      data-testid={`my-class-week-${week}`}
    >
      <List
        dataSource={mine}
        locale={{ emptyText: t('mine.noSchool') }}
        renderItem={(d) => (
          <List.Item data-testid={`my-class-day-${d.date}`}>
            <Typography.Text strong={d.date === today}>
              {monthDay(d.date)}
              {d.date === today && (
                <Tag color="blue" style={{ marginInlineStart: 8 }}>
                  {t('mine.today')}
                </Tag>
              )}
            </Typography.Text>
            <Typography.Text type={d.topic ? undefined : 'secondary'}>{d.topic ?? t('mine.noTopic')}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
