/**
 * The demo accounts, one per role, as docs/demo-accounts.md lists them. Modules find
 * their demo actors by these usernames.
 */
import type { Role } from '../../../common/roles.js';

export const DEMO_PASSWORD = 'demo1234';

/** Where the grant sits, named by the demo's org names; null = whole deployment. */
export type DemoOrg = 'group' | 'mine1' | 'mine2' | 'mine1Production' | 'mine2Production' | 'school' | 'class1' | 'class2' | null;

/** Which generated person the account is, when it is one. */
export type DemoPerson = 'mine1Worker' | 'mine2Worker' | 'class1Head' | 'class1Teacher' | 'class1Parent' | 'class2Parent' | 'class1Student';

export interface DemoAccount {
  username: string;
  role: Role;
  org: DemoOrg;
  person?: DemoPerson;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'sysAdmin', org: null },
  { username: 'chair', role: 'unionChair', org: 'group' },
  { username: 'staff', role: 'unionStaff', org: 'group' },
  { username: 'handler', role: 'handler', org: 'mine1Production' },
  { username: 'handler2', role: 'handler', org: 'mine2Production' },
  { username: 'rep', role: 'representative', org: 'mine1' },
  { username: 'worker', role: 'worker', org: 'mine1', person: 'mine1Worker' },
  { username: 'worker2', role: 'worker', org: 'mine2', person: 'mine2Worker' },
  { username: 'mediator', role: 'mediator', org: 'group' },
  { username: 'principal', role: 'principal', org: 'school' },
  { username: 'academic', role: 'academicOffice', org: 'school' },
  { username: 'head', role: 'headTeacher', org: 'class1', person: 'class1Head' },
  { username: 'teacher', role: 'subjectTeacher', org: 'class1', person: 'class1Teacher' },
  { username: 'parent', role: 'parent', org: 'class1', person: 'class1Parent' },
  { username: 'parent2', role: 'parent', org: 'class2', person: 'class2Parent' },
  { username: 'student', role: 'student', org: 'class1', person: 'class1Student' },
];

/** The names the demo gives those orgs (also what /auth/me reports as orgName). */
export const DEMO_ORG_NAMES: Record<Exclude<DemoOrg, null>, string> = {
  group: '华能煤业集团',
  mine1: '一号矿',
  mine2: '二号矿',
  mine1Production: '生产部',
  mine2Production: '生产部',
  school: '实验中学',
  class1: '初一（1）班',
  class2: '初一（2）班',
};
