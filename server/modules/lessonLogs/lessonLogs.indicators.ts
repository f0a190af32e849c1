/**
 * The lesson log's figures for the registry: lessons logged ÷ timetabled, 35+10 met, each of
 * the six tens met, and students reached. Counted over the classes of the scope and the school
 * days of the period, against the timetable (lessonLogs.schedule.ts), as the office's views count.
 */
import type { Db } from '../../core/db/database.js';
import { defineIndicator, sharedRead, type CountedRecords, type IndicatorDefinition, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { foldRecords, sortedIds } from '../../core/indicators/records.js';
import { rateFigure, type Figure } from '../../../common/figure.js';
import { LESSON_LOG_PERMISSIONS, TEN_LABELS, TENS, standardMet } from '../../../common/lessonLogs.js';
import { classesInScope, studentsOfClasses } from '../school/index.js';
import { TEN_OF } from './lessonLogs.office.js';
import * as repo from './lessonLogs.repository.js';
import { dayGroups, timetabledAndLogged } from './lessonLogs.schedule.js';

const COMPLIANCE = { view: 'compliance' };
const STANDARD_MET = (l: Log) => standardMet(l.minutes_taught, l.minutes_checking);

/**
 * The scope's classes and the period's logs are read once for the nine figures of one batch (a
 * dashboard or a report period, `sharedRead`); a single figure asked alone reads them itself.
 */
function scoped(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'lessonLogs.classes', async () => {
    const classes = (await classesInScope(db, q.scope)).map((c) => ({ id: c.id, name: '', gradeId: null, cal: c.cal }));
    return { classes, ids: classes.map((c) => c.id) };
  });
}

async function logsOf(db: Db, q: IndicatorQuery) {
  const { ids } = await scoped(db, q);
  return sharedRead(q, 'lessonLogs.logs', () => repo.logsOfClasses(db, ids, q.from, q.to));
}

export async function loggedRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const { classes } = await scoped(db, q);
  const { timetabled, logged } = await timetabledAndLogged(db, classes, q.from, q.to);
  return rateFigure(logged, timetabled, { numerator: COMPLIANCE, denominator: { view: 'notLogged' } });
}

/** The lessons `loggedRate` counted, named (the same timetable × school days joined with the logs). */
async function loggedRateRecords(db: Db, q: IndicatorQuery): Promise<CountedRecords> {
  const { classes } = await scoped(db, q);
  const { logged, timetabled } = await repo.promisedIds(db, await dayGroups(db, classes, q.from, q.to));
  return { numerator: sortedIds(logged), denominator: sortedIds(timetabled) };
}

type Log = Awaited<ReturnType<typeof repo.logsOfClasses>>[number];

async function shareOfLogs(db: Db, q: IndicatorQuery, met: (l: Log) => boolean): Promise<Figure> {
  const logs = await logsOf(db, q);
  return rateFigure(logs.filter(met).length, logs.length, { numerator: COMPLIANCE, denominator: COMPLIANCE });
}

/** The logs `shareOfLogs` counted: the period's logs (the batch's one read), those meeting `met` in the numerator. */
async function shareRecords(db: Db, q: IndicatorQuery, met: (l: Log) => boolean): Promise<CountedRecords> {
  const logs = await logsOf(db, q);
  return foldRecords(
    logs,
    (l) => l.id,
    (l) => rateFigure(met(l) ? 1 : 0, 1, null),
  );
}

function rosterOf(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'lessonLogs.roster', async () => studentsOfClasses(db, (await scoped(db, q)).ids));
}

export async function studentsReached(db: Db, q: IndicatorQuery): Promise<Figure> {
  const { ids } = await scoped(db, q);
  const roster = (await rosterOf(db, q)).length;
  return rateFigure(await repo.studentsReachedIn(db, ids, q.from, q.to), roster, { numerator: COMPLIANCE, denominator: COMPLIANCE });
}

/** The students `studentsReached` counted: those tapped in the period, and the classes' rolls. */
async function studentsReachedRecords(db: Db, q: IndicatorQuery): Promise<CountedRecords> {
  const { ids } = await scoped(db, q);
  return {
    numerator: sortedIds(await repo.studentsReachedIds(db, ids, q.from, q.to)),
    denominator: sortedIds((await rosterOf(db, q)).map((s) => s.id)),
  };
}

/**
 * A snapshot's lessons and students are shown to the academic office and principal, who read every
 * log of their classes already; a teacher (lessonLogs.log) sees the counts only. The ids name lessons
 * and students, never a teacher, and the list is by id: no ranking of teachers comes out of it.
 */
const RECORDS = { recordsPermission: LESSON_LOG_PERMISSIONS.oversee };

export const lessonLogsIndicators: IndicatorDefinition[] = [
  defineIndicator({
    key: 'lessonLogs.loggedRate',
    label: { zh: '课堂记录率', en: 'Lessons logged' },
    definition: { zh: '已记录的课节 ÷ 课表上应上的课节（上课日）', en: 'Lessons logged ÷ lessons timetabled on school days' },
    period: 'range',
    unit: 'rate',
    compute: loggedRate,
    records: loggedRateRecords,
    ...RECORDS,
  }),
  defineIndicator({
    key: 'lessonLogs.standardMetRate',
    label: { zh: '35+10 达标率', en: '35+10 met' },
    definition: {
      zh: '讲授不超过 35 分钟且当堂检测不少于 10 分钟的课节 ÷ 已记录的课节',
      en: 'Logged lessons with ≤ 35 minutes taught and ≥ 10 of checking ÷ lessons logged',
    },
    period: 'range',
    unit: 'rate',
    compute: (db, q) => shareOfLogs(db, q, STANDARD_MET),
    records: (db, q) => shareRecords(db, q, STANDARD_MET),
    ...RECORDS,
  }),
  ...TENS.map((ten) =>
    defineIndicator({
      key: `lessonLogs.${ten}Met`,
      label: { zh: `「${TEN_LABELS[ten].zh}」达 10`, en: `${TEN_LABELS[ten].en}: ten met` },
      definition: {
        zh: `「${TEN_LABELS[ten].zh}」达到 10 ${TEN_LABELS[ten].unit}的课节 ÷ 已记录的课节`,
        en: `Logged lessons where ${TEN_LABELS[ten].en.toLowerCase()} reached 10 ÷ lessons logged`,
      },
      period: 'range',
      unit: 'rate',
      compute: (db, q) => shareOfLogs(db, q, TEN_OF[ten]),
      records: (db, q) => shareRecords(db, q, TEN_OF[ten]),
      ...RECORDS,
    }),
  ),
  defineIndicator({
    key: 'lessonLogs.studentsReached',
    label: { zh: '学生关注覆盖率', en: 'Students reached' },
    definition: {
      zh: '期间内被提问、检查、展示、面批或辅导过的学生 ÷ 班级学生数（建议按两周统计）',
      en: 'Students questioned, checked, shown, corrected or tutored in the period ÷ students on the rolls (best read per fortnight)',
    },
    period: 'range',
    unit: 'rate',
    compute: studentsReached,
    records: studentsReachedRecords,
    ...RECORDS,
  }),
];
