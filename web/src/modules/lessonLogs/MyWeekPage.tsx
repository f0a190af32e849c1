import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { weekDates, weekOf } from '@common/school';
import { Page } from '../../shared/Page';
import { shanghaiToday } from '../../shared/time';
import { useMyWeek } from './api';

const shiftWeek = (week: string, n: number) =>
  weekOf(
    dayjs(weekDates(week)[0])
      .add(n * 7, 'day')
      .format('YYYY-MM-DD'),
  );

/**
 * The teacher's phone start page: this week's timetabled lessons, day by day; a lesson not
 * logged opens the log form with its class, date and period filled in.
 */
export default function MyWeekPage() {
  const { t } = useTranslation('lessonLogs');
  const today = shanghaiToday().format('YYYY-MM-DD');
  const [week, setWeek] = useState(() => weekOf(today));
  const { data, isLoading } = useMyWeek(week);
  const days = (data?.days ?? []).filter((d) => d.lessons.length || (d.schoolDay && d.date <= today));
  const lessons = days.reduce((n, d) => n + d.lessons.length, 0);

  return (
    <Page
      title={t('week.title')}
      extra={
        <Flex gap={4}>
          <Button aria-label={t('week.prev')} icon={<LeftOutlined />} onClick={() => setWeek(shiftWeek(week, -1))} />
          <Button onClick={() => setWeek(weekOf(today))}>{t('week.thisWeek')}</Button>
          <Button aria-label={t('week.next')} icon={<RightOutlined />} onClick={() => setWeek(shiftWeek(week, 1))} />
        </Flex>
      }
    >
      <Spin spinning={isLoading}>
        {!isLoading && !lessons && <Alert type="info" showIcon title={t('week.noLessons')} />}
        <Flex vertical gap={12}>
          {days
            .filter((d) => d.lessons.length)
            .map((d) => (
              <Card
                key={d.date}
                size="small"
                title={`${dayjs(d.date).format('MM-DD ddd')}${d.note ? ` · ${d.note}` : ''}`}
                data-testid="lessons-day"
                data-date={d.date}
              >
                <List
                  dataSource={d.lessons}
                  locale={{ emptyText: <Empty description={t('week.noSchool')} /> }}
                  renderItem={(l) => (
                    <List.Item
                      data-testid="lessons-slot"
                      data-logged={l.logId ? 'yes' : 'no'}
                      actions={[
                        l.logId ? (
                          <Link key="v" to={`/lessons/log?logId=${l.logId}`}>
                            <CheckCircleFilled style={{ color: '#52a36b' }} /> {t('week.logged')}
                          </Link>
                        ) : d.date <= today ? (
                          <Link key="l" to={`/lessons/log?classId=${l.classId}&date=${l.date}&period=${l.period}`}>
                            <Button type="primary" size="small">
                              {t('week.open')}
                            </Button>
                          </Link>
                        ) : null,
                      ]}
                    >
                      <Flex vertical>
                        <Typography.Text strong>
                          {t('week.period', { n: l.period })} · {l.subject}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {l.className} {l.afterClassOpen && <Tag color="orange">{t('week.afterClassOpen')}</Tag>}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              </Card>
            ))}
        </Flex>
      </Spin>
    </Page>
  );
}
