import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Spin, Typography } from 'antd';
import { LeftOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { weekOf, weekStart } from '@common/school';
import { useShowError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { shanghaiToday } from '../../shared/time';
import { SchoolSelect } from '../../shared/school/SchoolSelect';
import { usePickedSchool } from '../../shared/school/usePickedSchool';
import { dayRange } from '../../shared/dateFormat';
import { usePutPlan, useSchoolPlan, type SchoolDay } from './api';
import '../../shared/school/school.css';

const DAY = 'YYYY-MM-DD';

/** Monday of the first week touching the month to Sunday of the last one. */
function monthRange(month: dayjs.Dayjs) {
  const first = month.startOf('month').format(DAY);
  const last = month.endOf('month').format(DAY);
  const from = weekStart(weekOf(first));
  const to = dayjs(weekStart(weekOf(last)))
    .add(6, 'day')
    .format(DAY);
  return { from, to };
}

/**
 * The school's topic calendar, a month at a time: a theme per week and a topic per school
 * day. Edits collect locally and go in one save.
 */
export default function PlanPage() {
  const { t } = useTranslation(['moralEducation', 'school']);
  const { message } = App.useApp();
  const showError = useShowError();
  const { schools, schoolId, pick, loading } = usePickedSchool();
  const [month, setMonth] = useState(() => shanghaiToday().startOf('month'));
  const { from, to } = monthRange(month);
  const { data, isFetching } = useSchoolPlan(schoolId, from, to);
  const save = usePutPlan(schoolId ?? '');
  const [themes, setThemes] = useState<Record<string, string>>({});
  const [topics, setTopics] = useState<Record<string, string>>({});
  useEffect(() => {
    setThemes({});
    setTopics({});
  }, [schoolId, from]);

  const weeks = useMemo(() => {
    const by = new Map<string, SchoolDay[]>();
    for (const d of data ?? []) by.set(d.week, [...(by.get(d.week) ?? []), d]);
    return [...by.entries()];
  }, [data]);

  const changedWeeks = weeks
    .filter(([w, days]) => themes[w] !== undefined && themes[w].trim() !== (days[0]?.theme ?? ''))
    .map(([week]) => ({ week, theme: themes[week].trim() }));
  const changedDays = (data ?? [])
    .filter((d) => topics[d.date] !== undefined && topics[d.date].trim() !== (d.topic ?? ''))
    .map((d) => ({ date: d.date, topic: topics[d.date].trim() }));
  const changes = changedWeeks.length + changedDays.length;

  const onSave = async () => {
    if (!changes) {
      void message.info(t('plan.nothing'));
      return;
    }
    try {
      await save.mutateAsync({ weeks: changedWeeks, days: changedDays });
      void message.success(t('plan.saved', { n: changes }));
      setThemes({});
      setTopics({});
    } catch (err) {
      showError(err);
    }
  };

  const monthTitle = month.format('YYYY-MM');
  return (
    <Page
      title={t('plan.title')}
      extra={
        <>
          <SchoolSelect value={schoolId} schools={schools} onChange={pick} />
          <Button type="primary" icon={<SaveOutlined />} onClick={() => void onSave()} loading={save.isPending} disabled={!schoolId} data-testid="me-plan-save">
            {t('common:actions.save')}
            {changes ? `（${changes}）` : ''}
          </Button>
        </>
      }
    >
      {!loading && !schoolId && <Alert type="info" showIcon title={t('school:noSchool')} />}
      {schoolId && (
        <>
          <Typography.Paragraph type="secondary">{t('plan.hint')}</Typography.Paragraph>
          <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
            <Button icon={<LeftOutlined />} onClick={() => setMonth((m) => m.subtract(1, 'month'))} aria-label={t('plan.prevMonth')} disabled={changes > 0} />
            <Typography.Text strong style={{ minWidth: 80, textAlign: 'center' }} data-testid="me-plan-month">
              {monthTitle}
            </Typography.Text>
            <Button icon={<RightOutlined />} onClick={() => setMonth((m) => m.add(1, 'month'))} aria-label={t('plan.nextMonth')} disabled={changes > 0} />
            <Button onClick={() => setMonth(shanghaiToday().startOf('month'))} disabled={changes > 0}>
              {t('plan.thisMonth')}
            </Button>
            {changes > 0 && <Typography.Text type="warning">{t('plan.changed', { n: changes })}</Typography.Text>}
          </Flex>
          <Spin spinning={isFetching}>
            <Flex vertical gap={12} data-testid="me-plan">
              {weeks.map(([week, days]) => (
                <Card key={week} size="small" className="me-plan-week" data-testid="me-plan-week">
                  <Flex vertical gap={8}>
                    <Flex align="center" gap={8} wrap>
                      <Typography.Text strong style={{ minWidth: 92 }}>
                        {dayRange(days[0].date, days[days.length - 1].date)}
                      </Typography.Text>
                      <Input
                        value={themes[week] ?? days[0].theme ?? ''}
                        onChange={(e) => setThemes((m) => ({ ...m, [week]: e.target.value }))}
                        maxLength={60}
                        placeholder={t('plan.themePlaceholder')}
                        addonBefore={t('plan.theme')}
                        style={{ flex: 1, minWidth: 0 }}
                        data-testid="me-plan-theme"
                      />
                    </Flex>
                    {days
                      .filter((d) => d.schoolDay || dayjs(d.date).day() % 6 !== 0)
                      .map((d) => (
                        <div key={d.date} className="me-plan-day">
                          <Typography.Text type={d.schoolDay ? undefined : 'secondary'}>{dayjs(d.date).format('MM-DD ddd')}</Typography.Text>
                          {d.schoolDay ? (
                            <Input
                              value={topics[d.date] ?? d.topic ?? ''}
                              onChange={(e) => setTopics((m) => ({ ...m, [d.date]: e.target.value }))}
                              maxLength={100}
                              placeholder={t('plan.topicPlaceholder')}
                              data-testid="me-plan-topic"
                              data-date={d.date}
                            />
                          ) : (
                            <Typography.Text type="secondary">{t('plan.notSchoolDay')}</Typography.Text>
                          )}
                        </div>
                      ))}
                  </Flex>
                </Card>
              ))}
            </Flex>
          </Spin>
        </>
      )}
    </Page>
  );
}
