/**
 * Builds an org tree and its people in memory, as the rows the core tables hold, so the
 * demo seed and the benchmark generator can write them in a few bulk statements.
 */
import type { Tx } from '../../core/db/database.js';
import type { ClassTeacherTable, GuardianLinkTable, OrgTable, PersonTable } from '../../core/db/schema.js';
import { newId } from '../../core/ids.js';
import { insertChunked } from './bulk.js';
import { BLANK_PERSON } from '../../core/people/people.repository.js';

export type OrgNode = Pick<OrgTable, 'id' | 'path' | 'depth' | 'name' | 'kind'>;

export type PersonFields = Partial<Omit<PersonTable, 'id' | 'org_id' | 'created_at' | 'updated_at'>> & Pick<PersonTable, 'kind' | 'name'>;

export class Roster {
  readonly orgs: OrgTable[] = [];
  readonly persons: PersonTable[] = [];
  readonly guardianLinks: GuardianLinkTable[] = [];
  readonly classTeachers: ClassTeacherTable[] = [];
  private siblings = new Map<string, number>();

  constructor(readonly now: string) {}

  org(parent: OrgNode | null, kind: string, name: string, code: string | null = null): OrgNode {
    const id = newId();
    const key = parent?.id ?? '';
    const sortOrder = (this.siblings.get(key) ?? 0) + 1;
    this.siblings.set(key, sortOrder);
    const row: OrgTable = {
      id,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      kind,
      name,
      code,
      sort_order: sortOrder,
      created_at: this.now,
      updated_at: this.now,
    };
    this.orgs.push(row);
    return row;
  }

  person(org: OrgNode, fields: PersonFields): PersonTable {
    const row: PersonTable = {
      id: newId(),
      org_id: org.id,
      ...BLANK_PERSON,
      ...fields,
      created_at: this.now,
      updated_at: this.now,
    };
    this.persons.push(row);
    return row;
  }

  guardian(guardianId: string, studentId: string, relation: string) {
    this.guardianLinks.push({ guardian_id: guardianId, student_id: studentId, relation, created_at: this.now });
  }

  teach(classId: string, teacherId: string, duty: 'head' | 'subject', subject: string | null) {
    this.classTeachers.push({ class_id: classId, teacher_id: teacherId, duty, subject, created_at: this.now });
  }

  /** Parents before children and people before their links, as the foreign keys require. */
  async write(db: Tx): Promise<void> {
    await insertChunked(db, 'orgs', this.orgs);
    await insertChunked(db, 'persons', this.persons);
    await insertChunked(db, 'guardian_links', this.guardianLinks);
    await insertChunked(db, 'class_teachers', this.classTeachers);
  }
}
