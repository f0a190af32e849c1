/**
 * Who reaches which class and which student, shared by both school practices.
 * Three ways in, each needing its permission:
 *  - oversight (principal, academic office): every class under the org where it is granted;
 *  - teaching: the classes the caller's person teaches (class_teachers), as head or subject teacher;
 *  - guardianship: the caller's person's own children (guardian_links), wherever they study.
 * A role without the matching relation reaches nothing, so a teacher of another class or a
 * guardian of another child sees no record (404).
 */
import type { Db } from '../../core/db/database.js';
import { hasPermission, inScope, scopeOf, type Actor, type Scope } from '../../core/rbac/actor.js';
import { SCHOOL_PERMISSIONS } from '../../../common/school.js';
import { orgContext } from '../../core/org/context.js';
import { ancestorIds } from '../../core/org/lookups.js';
import * as repo from './school.repository.js';

export type Duty = 'head' | 'subject';

export interface ClassInfo {
  id: string;
  name: string;
  path: string;
  schoolId: string;
  schoolName: string;
  schoolPath: string;
  gradeId: string | null;
  gradeName: string | null;
}

export interface StudentInfo {
  id: string;
  name: string;
  cls: ClassInfo;
}

/** The class's description from its org chain (root first, the class last); undefined outside a school. */
function classInfo(c: repo.OrgRef, chain: readonly repo.OrgRef[]): ClassInfo | undefined {
  const school = [...chain].reverse().find((o) => o.kind === 'school');
  if (!school) return undefined;
  const grade = [...chain].reverse().find((o) => o.kind === 'grade' && o.path.startsWith(school.path));
  return {
    id: c.id,
    name: c.name,
    path: c.path,
    schoolId: school.id,
    schoolName: school.name,
    schoolPath: school.path,
    gradeId: grade?.id ?? null,
    gradeName: grade?.name ?? null,
  };
}

/**
 * One class through core `orgContext`: the chain is read once per transaction (a second question
 * about the class, its school or grade inside one write reads nothing).
 */
async function describeClass(db: Db, c: repo.OrgRef): Promise<ClassInfo | undefined> {
  const ctx = await orgContext(db, c.path);
  return ctx ? classInfo(c, ctx.chain.slice(0, -1)) : undefined;
}

/** A class with its school and grade; undefined when the id is not a class inside a school. */
export async function loadClass(db: Db, classId: string): Promise<ClassInfo | undefined> {
  const cls = await repo.findOrg(db, classId);
  if (!cls || cls.kind !== 'class') return undefined;
  return describeClass(db, cls);
}

/** Many classes at once: their ancestors in one read (a list would otherwise read a chain per class). */
export async function describeClasses(db: Db, classes: repo.OrgRef[]): Promise<ClassInfo[]> {
  const ids = [...new Set(classes.flatMap((c) => ancestorIds(c.path).slice(0, -1)))];
  const byId = new Map((await repo.findOrgs(db, ids)).map((o) => [o.id, o]));
  return classes.flatMap((c) => {
    const chain = ancestorIds(c.path)
      .slice(0, -1)
      .map((id) => byId.get(id))
      .filter((o): o is repo.OrgRef => !!o);
    return classInfo(c, chain) ?? [];
  });
}

export async function loadStudent(db: Db, studentId: string): Promise<StudentInfo | undefined> {
  const s = await repo.findStudent(db, studentId);
  if (!s || s.org_kind !== 'class') return undefined;
  const cls = await describeClass(db, { id: s.org_id, name: s.org_name, path: s.org_path, kind: s.org_kind });
  return cls ? { id: s.id, name: s.name, cls } : undefined;
}

export async function loadSchool(db: Db, schoolId: string): Promise<repo.OrgRef | undefined> {
  const o = await repo.findOrg(db, schoolId);
  return o && o.kind === 'school' ? o : undefined;
}

export interface ReachPermissions {
  oversee: string;
  teach?: string;
  home?: string;
  /** The caller is the student: their own records, read-only. */
  own?: string;
}

export interface SelfRef {
  studentId: string;
  classId: string;
  classPath: string;
}

export class Reach {
  constructor(
    readonly actor: Actor,
    readonly oversee: Scope,
    /** class id → duties of the caller there, and the class path. */
    readonly classes: Map<string, { duties: Set<Duty>; path: string }>,
    /** student id → class id and path. */
    readonly children: Map<string, { classId: string; classPath: string }>,
    /** The caller's own student record, when the caller is a student. */
    readonly self: SelfRef | null = null,
  ) {}

  isSelf(studentId: string): boolean {
    return this.self?.studentId === studentId;
  }

  oversees(path: string): boolean {
    return inScope(this.oversee, path);
  }

  teaches(classId: string, duty?: Duty): boolean {
    const c = this.classes.get(classId);
    return !!c && (duty === undefined || c.duties.has(duty));
  }

  seesClass(cls: { id: string; path: string }): boolean {
    return this.oversees(cls.path) || this.teaches(cls.id);
  }

  isGuardianOf(studentId: string): boolean {
    return this.children.has(studentId);
  }

  /** True when the caller has a child in the class, or studies there (they know it exists, but may not list it). */
  hasChildIn(classId: string): boolean {
    if (this.self?.classId === classId) return true;
    for (const c of this.children.values()) if (c.classId === classId) return true;
    return false;
  }

  seesStudent(s: StudentInfo): boolean {
    return this.seesClass(s.cls) || this.isGuardianOf(s.id) || this.isSelf(s.id);
  }

  /** Anything of the school within reach: the caller may read school-wide settings like quick phrases. */
  touchesSchool(schoolPath: string): boolean {
    if (this.oversee.all || this.oversee.paths.some((p) => p.startsWith(schoolPath) || schoolPath.startsWith(p))) return true;
    for (const c of this.classes.values()) if (c.path.startsWith(schoolPath)) return true;
    for (const c of this.children.values()) if (c.classPath.startsWith(schoolPath)) return true;
    // A student reads their own pages, not the school's settings for writers.
    return false;
  }
}

export async function reachOf(db: Db, actor: Actor, perms: ReachPermissions): Promise<Reach> {
  const oversee = scopeOf(actor, perms.oversee);
  const classes = new Map<string, { duties: Set<Duty>; path: string }>();
  const children = new Map<string, { classId: string; classPath: string }>();
  if (actor.personId && perms.teach && hasPermission(actor, perms.teach)) {
    for (const r of await repo.teacherClasses(db, actor.personId)) {
      const entry = classes.get(r.class_id) ?? { duties: new Set<Duty>(), path: r.path };
      entry.duties.add(r.duty as Duty);
      classes.set(r.class_id, entry);
    }
  }
  if (actor.personId && perms.home && hasPermission(actor, perms.home)) {
    for (const r of await repo.childrenOf(db, actor.personId)) children.set(r.id, { classId: r.org_id, classPath: r.path });
  }
  let self: SelfRef | null = null;
  if (actor.personId && perms.own && hasPermission(actor, perms.own)) {
    const s = await repo.findStudent(db, actor.personId);
    if (s && s.org_kind === 'class') self = { studentId: s.id, classId: s.org_id, classPath: s.org_path };
  }
  return new Reach(actor, oversee, classes, children, self);
}

/** Reading a school's calendar: any school role granted inside the school or above it. */
export function readsSchool(actor: Actor, schoolPath: string): boolean {
  const s = scopeOf(actor, SCHOOL_PERMISSIONS.read);
  return s.all || s.paths.some((p) => p.startsWith(schoolPath) || schoolPath.startsWith(p));
}

export function managesSchool(actor: Actor, schoolPath: string): boolean {
  return hasPermission(actor, SCHOOL_PERMISSIONS.manage, schoolPath);
}
