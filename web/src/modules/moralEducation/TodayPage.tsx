import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Spin, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined, ExclamationCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shared/Page';
import { shanghaiToday } from '../../shared/time';
import { ClassSelect } from '../../shared/school/ClassSelect';
import { useClassOptions } from '../../shared/school/useClassOptions';
import { useClassPlan, useSession, type PlanDay } from './api';
import { SessionForm } from './SessionForm';
import { SessionView } from './SessionView';
import { TopicBox } from './TopicBox';
import '../../shared/school/school.css';

const DAY = 'YYYY-MM-DD';
const RECENT = 5;

function DayChip({ day, selected, today, onClick }: { day: PlanDay; selected: boolean; today: string; onClick: () => void }) {
  const { t } = useTranslation('moralEducation');
  const icon =
    day.session?.status === 'held' ? (
      <CheckCircleFilled style={{ color: '#52a36b' }} />
    ) : day.session?.status === 'skipped' ? (
      <MinusCircleOutlined style={{ color: '#d48806' }} />
    ) : (
      <ExclamationCircleFilled style={{ color: '#d9d9d9' }} />
    );
  return (
    <Button
      type={selected ? 'primary' : 'default'}
      ghost={selected}
      onClick={onClick}
      data-testid="me-day-chip"
      data-date={day.date}
      data-recorded={day.session ? 'yes' : 'no'}
      style={{ flex: 'none' }}
    >
      {icon} {day.date === today ? t('today.today') : dayjs(day.date).format('MM-DD ddd')}
    </Button>
  );
}

/**
 * The head teacher's card for 13:50: today's topic and, in one screen, the record of how
 * the session went. When today is not a school day the latest school day is offered, and
 * the last few school days stay one tap away for a late record.
 */
export default function TodayPage() {
  const { t } = useTranslation('moralEducation');
  const { options, loading } = useClassOptions();
  const heads = options.filter((o) => o.head);
  const [picked, setPicked] = useState<string>();
  const classId = picked ?? heads[0]?.id;
  const today = useMemo(() => shanghaiToday(), []);
  const todayText = today.format(DAY);
  const { data: days, isLoading } = useClassPlan(classId, today.subtract(30, 'day').format(DAY), todayText);
  const schoolDays = useMemo(() => (days ?? []).filter((d) => d.schoolDay), [days]);
  // Newest first: today sits at the left edge of a phone screen.
  const recent = schoolDays.slice(-RECENT).reverse();
  const [date, setDate] = useState<string>();
  const day = schoolDays.find((d) => d.date === date) ?? schoolDays[schoolDays.length - 1];
  const { data: session, isLoading: sessionLoading } = useSession(day?.session?.id);
  const [editing, setEditing] = useState(false);
  useEffect(() => setEditing(false), [day?.date, classId]);

  const title = day ? (day.date === todayText ? `${t('today.today')} · ${dayjs(day.date).format('MM-DD ddd')}` : dayjs(day.date).format('YYYY-MM-DD ddd')) : '';

  return (
    <Page title={t('today.title')} extra={heads.length > 1 && <ClassSelect value={classId} options={heads} onChange={setPicked} />}>
      <div className="me-today">
        {!loading && !classId && <Alert type="info" showIcon title={t('today.notHead')} />}
        {classId && (
          <Spin spinning={isLoading}>
            {!isLoading && !day && <Alert type="info" showIcon title={t('today.noSchoolDay')} />}
            {day && (
              <Flex vertical gap={12}>
                {day.date !== todayText && !date && <Alert type="info" showIcon title={t('today.notSchoolDayToday')} data-testid="me-not-today" />}
                <div className="me-day-chips" data-testid="me-days">
                  {recent.map((d) => (
                    <DayChip key={d.date} day={d} today={todayText} selected={d.date === day.date} onClick={() => setDate(d.date)} />
                  ))}
                </div>
                <Card
                  className="hb-card"
                  data-testid="me-today-card"
                  title={
                    <Flex justify="space-between" align="center" gap={8} wrap>
                      <span data-testid="me-today-date">{title}</span>
                      <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                        {options.find((o) => o.id === classId)?.name} · {t('slot')}
                      </Typography.Text>
                    </Flex>
                  }
                >
                  <Flex vertical gap={16}>
                    <TopicBox classId={classId} day={day} canReplace={!day.session} />
                    {day.session ? (
                      <Spin spinning={sessionLoading}>
                        {session && !editing && (
                          <Flex vertical gap={8}>
                            <SessionView session={session} />
                            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="me-edit">
                              {t('today.edit')}
                            </Button>
                          </Flex>
                        )}
                        {session && editing && (
                          <SessionForm
                            classId={classId}
                            date={day.date}
                            plannedTopic={day.topic}
                            session={session}
                            onDone={() => setEditing(false)}
                            onCancel={() => setEditing(false)}
                          />
                        )}
                      </Spin>
                    ) : (
                      <SessionForm classId={classId} date={day.date} plannedTopic={day.topic} onDone={() => setEditing(false)} />
                    )}
                  </Flex>
                </Card>
                <Link to={`/moral-education/class?class=${classId}`} data-testid="me-open-class">
                  {t('klass.title')}
                </Link>
              </Flex>
            )}
          </Spin>
        )}
      </div>
    </Page>
  );
}
