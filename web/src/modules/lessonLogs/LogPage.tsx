import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, InputNumber, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AFTER_CLASS_TENS, TALLY_KINDS, TENS, standardMet, type TallyKind, type Ten } from '@common/lessonLogs';
import { Page } from '../../shared/Page';
import { errorText } from '../../shared/errors';
import { useIdempotencyKey } from '../../shared/idempotency';
import { useClassStudents, useCompleteAfterClass, useLog, useLogLesson, type LessonLog } from './api';
import { Tallies } from './Tallies';

const IN_CLASS: readonly TallyKind[] = ['questioned', 'homeworkChecked', 'demonstrations'];
const AFTER: readonly TallyKind[] = ['corrections', 'tutoring'];

function toggle(tapped: Partial<Record<TallyKind, string[]>>, kind: TallyKind, id: string) {
  const now = tapped[kind] ?? [];
  return { ...tapped, [kind]: now.includes(id) ? now.filter((x) => x !== id) : [...now, id] };
}

function Counter({ label, value, onChange, testId }: { label: string; value: number | null; onChange: (v: number | null) => void; testId: string }) {
  return (
    <Flex vertical style={{ minWidth: 100, flex: '1 1 100px' }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <InputNumber
        aria-label={label}
        data-testid={testId}
        min={0}
        max={500}
        value={value}
        onChange={(v) => onChange(v)}
        inputMode="numeric"
        style={{ width: '100%' }}
      />
    </Flex>
  );
}

/** A new log from a timetable slot (class, date, period in the address), in one screen, defaults at the standard. */
function NewLog({ classId, date, period }: { classId: string; date: string; period: number }) {
  const { t } = useTranslation('lessonLogs');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: roster } = useClassStudents(classId);
  const save = useLogLesson();
  const { keyFor, done } = useIdempotencyKey();
  const [minutes, setMinutes] = useState({ taught: 35 as number | null, checking: 10 as number | null });
  const [counts, setCounts] = useState<Record<Ten, number | null>>({
    questioned: 10,
    homeworkChecked: 10,
    demonstrations: 10,
    practiceMinutes: 10,
    corrections: null,
    tutoring: null,
  });
  const [tapped, setTapped] = useState<Partial<Record<TallyKind, string[]>>>({});
  const [kind, setKind] = useState<TallyKind>('questioned');
  const count = (k: Ten) => Math.max(counts[k] ?? 0, TALLY_KINDS.includes(k as TallyKind) ? (tapped[k as TallyKind]?.length ?? 0) : 0);
  const after = (k: Ten) => (counts[k] === null && !tapped[k as TallyKind]?.length ? undefined : count(k));

  const submit = () => {
    const input = {
      classId,
      date,
      period,
      minutesTaught: minutes.taught ?? 0,
      minutesChecking: minutes.checking ?? 0,
      questioned: count('questioned'),
      homeworkChecked: count('homeworkChecked'),
      demonstrations: count('demonstrations'),
      practiceMinutes: count('practiceMinutes'),
      corrections: after('corrections'),
      tutoring: after('tutoring'),
      students: tapped,
    };
    save.mutate(
      { input, key: keyFor(input) },
      {
        onSuccess: () => {
          done();
          message.success(t('log.saved'));
          navigate('/lessons');
        },
        onError: (err) => message.error(errorText(err, t)),
      },
    );
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Text strong data-testid="lessons-log-slot">
        {roster?.className} · {dayjs(date).format('MM-DD ddd')} · {t('week.period', { n: period })}
      </Typography.Text>
      <Card size="small" title={t('log.standard')}>
        <Flex gap={12} wrap>
          <Counter
            label={t('log.minutesTaught')}
            value={minutes.taught}
            onChange={(v) => setMinutes({ ...minutes, taught: v })}
            testId="lessons-minutes-taught"
          />
          <Counter
            label={t('log.minutesChecking')}
            value={minutes.checking}
            onChange={(v) => setMinutes({ ...minutes, checking: v })}
            testId="lessons-minutes-checking"
          />
        </Flex>
      </Card>
      <Card
        size="small"
        title={TENS.filter((k) => !AFTER_CLASS_TENS.includes(k))
          .map((k) => t(`tens.${k}`))
          .join(' · ')}
      >
        <Flex gap={12} wrap>
          {TENS.filter((k) => !AFTER_CLASS_TENS.includes(k)).map((k) => (
            <Counter key={k} label={t(`tens.${k}`)} value={count(k)} onChange={(v) => setCounts({ ...counts, [k]: v })} testId={`lessons-count-${k}`} />
          ))}
        </Flex>
      </Card>
      {roster && (
        <Card size="small" title={t('log.tap')}>
          <Tallies
            kinds={IN_CLASS}
            kind={IN_CLASS.includes(kind) ? kind : 'questioned'}
            onKind={setKind}
            students={roster.students}
            tapped={tapped}
            onTap={(k, id) => setTapped(toggle(tapped, k, id))}
          />
        </Card>
      )}
      <Card size="small" title={t('log.afterClass')}>
        <Flex gap={12} wrap>
          {AFTER_CLASS_TENS.map((k) => (
            <Counter
              key={k}
              label={t(`tens.${k}`)}
              value={counts[k] === null && !tapped[k as TallyKind]?.length ? null : count(k)}
              onChange={(v) => setCounts({ ...counts, [k]: v })}
              testId={`lessons-count-${k}`}
            />
          ))}
        </Flex>
      </Card>
      <Button type="primary" size="large" block loading={save.isPending} onClick={submit} data-testid="lessons-save">
        {t('log.save')}
      </Button>
    </Flex>
  );
}

/** A saved log; its teacher completes the after-class items while the window is open. */
function SavedLog({ log }: { log: LessonLog }) {
  const { t } = useTranslation('lessonLogs');
  const { message } = App.useApp();
  const { data: roster } = useClassStudents(log.canCompleteAfterClass ? log.classId : undefined);
  const complete = useCompleteAfterClass(log.id);
  const [counts, setCounts] = useState({ corrections: log.counts.corrections ?? 0, tutoring: log.counts.tutoring ?? 0 });
  const [tapped, setTapped] = useState<Partial<Record<TallyKind, string[]>>>({
    corrections: log.students.corrections.map((s) => s.id),
    tutoring: log.students.tutoring.map((s) => s.id),
  });
  const [kind, setKind] = useState<TallyKind>('corrections');
  const n = (k: 'corrections' | 'tutoring') => Math.max(counts[k], tapped[k]?.length ?? 0);
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={log.className}>
          {dayjs(log.date).format('MM-DD ddd')} · {t('week.period', { n: log.period })} · {log.subject} · {log.teacherName}
        </Descriptions.Item>
        <Descriptions.Item label={t('log.standard')}>
          {log.minutesTaught} + {log.minutesChecking}{' '}
          <Tag color={standardMet(log.minutesTaught, log.minutesChecking) ? 'green' : 'orange'}>{log.standardMet ? '✓' : '✗'}</Tag>
        </Descriptions.Item>
        {TENS.map((k) => (
          <Descriptions.Item key={k} label={t(`tens.${k}`)}>
            {log.counts[k] ?? '—'}{' '}
            {TALLY_KINDS.includes(k as TallyKind) && log.students[k as TallyKind].length > 0 && (
              <Typography.Text type="secondary">（{log.students[k as TallyKind].map((s) => s.name).join('、')}）</Typography.Text>
            )}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {log.canCompleteAfterClass ? (
        <Card size="small" title={t('log.afterClass')} extra={t('log.until', { date: log.afterClassUntil })}>
          <Flex vertical gap={12}>
            <Flex gap={12} wrap>
              <Counter
                label={t('tens.corrections')}
                value={n('corrections')}
                onChange={(v) => setCounts({ ...counts, corrections: v ?? 0 })}
                testId="lessons-count-corrections"
              />
              <Counter
                label={t('tens.tutoring')}
                value={n('tutoring')}
                onChange={(v) => setCounts({ ...counts, tutoring: v ?? 0 })}
                testId="lessons-count-tutoring"
              />
            </Flex>
            {roster && (
              <Tallies
                kinds={AFTER}
                kind={kind}
                onKind={setKind}
                students={roster.students}
                tapped={tapped}
                onTap={(k, id) => setTapped(toggle(tapped, k, id))}
              />
            )}
            <Button
              type="primary"
              loading={complete.isPending}
              onClick={() =>
                complete.mutate(
                  {
                    corrections: n('corrections'),
                    tutoring: n('tutoring'),
                    students: { corrections: tapped.corrections ?? [], tutoring: tapped.tutoring ?? [] },
                  },
                  { onSuccess: () => message.success(t('log.saved')), onError: (err) => message.error(errorText(err, t)) },
                )
              }
            >
              {t('log.completeAfterClass')}
            </Button>
          </Flex>
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('log.closed')} />
      )}
    </Flex>
  );
}

export default function LogPage() {
  const { t } = useTranslation('lessonLogs');
  const [params] = useSearchParams();
  const logId = params.get('logId') ?? undefined;
  const { data: log, isLoading } = useLog(logId);
  const classId = params.get('classId');
  const date = params.get('date');
  const period = Number(params.get('period'));
  return (
    <Page title={t('log.title')}>
      <div style={{ maxWidth: 640 }}>
        {logId ? (
          <Spin spinning={isLoading}>{log && <SavedLog log={log} />}</Spin>
        ) : classId && date && period ? (
          <NewLog classId={classId} date={date} period={period} />
        ) : null}
      </div>
    </Page>
  );
}
