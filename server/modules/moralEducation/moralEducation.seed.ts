/**
 * Demo topic calendar for every school (a theme per week, a topic per school day, both
 * terms of the current school year) and, for the demo school, a session record for every
 * class and school day of the term so far: mostly held with one or two presenters, a few
 * skipped with a reason, a few never recorded. Deterministic.
 */
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import { weekOf } from '../../../common/school.js';
import { allSchools, classesUnder, loadSchoolCalendarSource, studentsOfClasses, teachersOfClasses } from '../school/index.js';
import * as repo from './moralEducation.repository.js';
import { loadPlan } from './moralEducation.plan.js';
import { defaultAsOf, schoolDaysSoFar } from './moralEducation.indicators.js';
import { Rng } from '../../core/random.js';

const THEMES: [string, string[]][] = [
  ['开学第一课：新学期新目标', ['我的新学期计划', '认识新同学、新老师', '班规我来定', '时间管理小妙招', '整理书包与书桌']],
  ['爱国主义教育', ['国旗国歌的故事', '我心中的英雄', '家乡的变化', '祖国的科技成就', '少年强则国强']],
  ['文明礼仪', ['校园里的礼貌用语', '食堂文明就餐', '网络文明我先行', '尊敬师长', '公共场所的规则']],
  ['安全教育', ['上下学交通安全', '防溺水', '用电与消防安全', '校园防欺凌', '识别电信诈骗']],
  ['诚实守信', ['考试诚信', '说到就要做到', '借东西要按时还', '诚实的小故事', '勇于承认错误']],
  ['感恩教育', ['感谢父母的付出', '给老师写一句话', '同学之间的互相帮助', '矿工父辈的辛劳', '感恩身边的人']],
  ['劳动教育', ['我会做的家务', '班级卫生责任区', '劳动最光荣', '学做一道家常菜', '爱护劳动成果']],
  ['心理健康', ['认识自己的情绪', '考试前如何放松', '与同伴好好沟通', '遇到烦恼找谁说', '欣赏自己的优点']],
  ['法治教育', ['未成年人保护法', '校园里的规则与权利', '远离不良行为', '知法守法', '宪法小常识']],
  ['中华优秀传统文化', ['二十四节气', '中秋与团圆', '古诗里的家国情怀', '书法之美', '传统节日习俗']],
  ['生态环保', ['垃圾分类', '节约用水用电', '爱护校园绿化', '煤矿与绿色发展', '低碳出行']],
  ['学习方法', ['课前预习怎么做', '错题本的用法', '高效听课', '合作学习', '阅读的好习惯']],
];

const REFLECTIONS = [
  '同学们讨论热烈，多名学生主动发言。',
  '结合身边事例展开，学生印象深刻。',
  '学生分享了自己的经历，课堂气氛很好。',
  '时间较紧，下次提前准备材料。',
  '播放了短视频，学生注意力集中。',
  '',
];
const SKIP_REASONS = ['期中考试调整作息', '全校大会占用时间', '运动会彩排', '年级统一活动', '班主任外出培训，未安排代课'];

async function seedPlan(db: Db, school: { id: string; path: string }, stamp: string) {
  if (await repo.hasPlan(db, school.id)) return;
  const src = await loadSchoolCalendarSource(db, school.id);
  const cal = await src.forOrg(school.path);
  const themes: repo.MoralTopicWeekTable[] = [];
  const topics: repo.MoralTopicTable[] = [];
  for (const term of src.terms) {
    const weeks = cal.weeksOfTerm(term);
    weeks.forEach((week, wi) => {
      const [theme, list] = THEMES[wi % THEMES.length];
      themes.push({ id: newId(), school_id: school.id, week, theme, created_at: stamp, updated_at: stamp });
      cal.weekSchoolDays(week).forEach((date, di) => {
        if (date < term.start_date || date > term.end_date) return;
        topics.push({ id: newId(), school_id: school.id, date, topic: list[di % list.length], created_at: stamp, updated_at: stamp });
      });
    });
  }
  await repo.insertThemes(
    db,
    themes.filter((t, i) => themes.findIndex((x) => x.week === t.week) === i),
  );
  await repo.insertTopics(db, topics);
}

export async function seedMoralEducationDemo(db: Db, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const schools = await allSchools(db);
  for (const s of schools) await seedPlan(db, s, stamp);
  const school = schools.find((s) => s.name === '实验中学') ?? schools[0];
  if (!school || (await repo.hasSessions(db, school.id))) return;
  const src = await loadSchoolCalendarSource(db, school.id);
  const asOf = defaultAsOf(now);
  const term = (await src.forOrg(school.path)).currentOrLastTerm(asOf);
  if (!term) return;
  const classes = await classesUnder(db, school.path);
  const students = await studentsOfClasses(
    db,
    classes.map((c) => c.id),
  );
  const heads = (
    await teachersOfClasses(
      db,
      classes.map((c) => c.id),
    )
  ).filter((t) => t.duty === 'head');
  const plan = await loadPlan(
    db,
    school.id,
    classes.map((c) => c.id),
    term.start_date,
    term.end_date,
  );
  const random = new Rng(20261125);
  const rand = () => random.next();
  const rows: repo.SessionRow[] = [];
  const presenters: { session_id: string; student_id: string }[] = [];
  for (const cls of classes) {
    const cal = await src.forOrg(cls.path);
    const roster = students.filter((s) => s.org_id === cls.id);
    const head = heads.find((h) => h.class_id === cls.id);
    // Sessions are recorded by the class's head teacher, under their name: no head, no record.
    if (!head) continue;
    let next = 0;
    for (const date of schoolDaysSoFar(cal, term, asOf)) {
      const r = rand();
      if (r > 0.96) continue; // never recorded
      const held = r < 0.92;
      const planned = plan.topicFor(cls.id, date);
      const own =
        held && rand() < 0.05 ? `${weekOf(date)} 班级自选：${['班级近期小结', '同学之间的矛盾怎么解决', '期中复习动员'][Math.floor(rand() * 3)]}` : null;
      const id = newId();
      const at = new Date(Date.parse(`${date}T14:0${Math.floor(rand() * 9)}:00+08:00`)).toISOString();
      rows.push({
        id,
        school_id: school.id,
        class_id: cls.id,
        date,
        status: held ? 'held' : 'skipped',
        skip_reason: held ? null : SKIP_REASONS[Math.floor(rand() * SKIP_REASONS.length)],
        topic: held ? (own ?? planned ?? '班会小结') : null,
        planned_topic: planned,
        reflection: held ? REFLECTIONS[Math.floor(rand() * REFLECTIONS.length)] : '',
        recorded_by: head.account_id,
        recorded_by_name: head.display_name ?? head.name,
        created_at: at > stamp ? stamp : at,
        updated_at: at > stamp ? stamp : at,
      });
      // Presenters take turns through the roster, so by the end of term most have spoken.
      if (held && roster.length) {
        const n = rand() < 0.4 ? 2 : 1;
        for (let k = 0; k < n; k++) presenters.push({ session_id: id, student_id: roster[next++ % roster.length].id });
      }
    }
  }
  const unique = presenters.filter((p, i) => presenters.findIndex((x) => x.session_id === p.session_id && x.student_id === p.student_id) === i);
  await repo.insertSessions(db, rows, unique);
}
