/**
 * The topic a class is meant to discuss on a day: the head teacher's replacement for the
 * class if there is one, else the school-wide topic. The school calendar is fanned out to
 * every class by reading it, not by copying rows per class.
 */
import type { Db } from '../../core/db/database.js';
import { weekOf } from '../../../common/school.js';
import * as repo from './moralEducation.repository.js';

export class TopicPlan {
  constructor(
    private readonly themes: Map<string, string>,
    private readonly topics: Map<string, string>,
    private readonly overrides: Map<string, string>,
  ) {}

  theme(date: string): string | null {
    return this.themes.get(weekOf(date)) ?? null;
  }

  schoolTopic(date: string): string | null {
    return this.topics.get(date) ?? null;
  }

  replaced(classId: string, date: string): boolean {
    return this.overrides.has(`${classId}|${date}`);
  }

  topicFor(classId: string, date: string): string | null {
    return this.overrides.get(`${classId}|${date}`) ?? this.schoolTopic(date);
  }
}

export async function loadPlan(db: Db, schoolId: string, classIds: string[], from: string, to: string): Promise<TopicPlan> {
  const [themes, topics, overrides] = await Promise.all([
    repo.weekThemes(db, schoolId, weekOf(from), weekOf(to)),
    repo.dayTopics(db, schoolId, from, to),
    repo.overridesOf(db, classIds, from, to),
  ]);
  return new TopicPlan(
    new Map(themes.map((t) => [t.week, t.theme])),
    new Map(topics.map((t) => [t.date, t.topic])),
    new Map(overrides.map((o) => [`${o.class_id}|${o.date}`, o.topic])),
  );
}
