/**
 * `xq seed --demo`: writes the demo organisation into an empty database. Safe to repeat:
 * a seeded or otherwise non-empty database is left as it is.
 */
import type { Database } from '../../core/db/database.js';
import { modules } from '../../modules/registry.js';
import { seedDemoData } from './demo.js';

export async function seedCommand(database: Database, args: string[]): Promise<void> {
  if (!args.includes('--demo')) throw new Error('用法 / usage: seed --demo');
  const res = await seedDemoData(database.db, { modules });
  if (res.status === 'alreadySeeded') {
    console.log('演示数据已存在，未做任何更改 / demo data already present; nothing changed');
  } else if (res.status === 'notEmpty') {
    console.log('数据库中已有组织数据，未写入演示数据 / the database already holds organisations; demo data not written');
  } else {
    const c = res.counts;
    console.log(
      `已写入演示数据 / demo data written: ${c.orgs} 个组织 orgs, ${c.workers} 名职工 workers, ${c.teachers} 名教师 teachers, ` +
        `${c.students} 名学生 students, ${c.guardians} 名家长 guardians, ${c.accounts} 个账号 accounts (${res.ms} ms)`,
    );
    console.log('演示账号密码 / demo password: demo1234 — 见 / see docs/demo-accounts.md');
  }
}
