import { ROLES, type Role } from '../../common/roles.js';
import { createAccount } from '../core/accounts/accounts.service.js';
import { systemContext } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import { flag } from './args.js';

export async function usersCommand(database: Database, args: string[]) {
  if (args[0] !== 'create') throw new Error('用法: users create --username <u> --password <p> [--name <n>] [--phone <p>] [--role <role> --org <orgId>]');
  const username = flag(args, 'username');
  const password = flag(args, 'password');
  if (!username || !password) throw new Error('需要 --username 和 --password');
  const role = flag(args, 'role') as Role | undefined;
  if (role && !ROLES.includes(role)) throw new Error(`未知角色 ${role}，可选：${ROLES.join(', ')}`);
  const org = flag(args, 'org') ?? null;
  const account = await createAccount(database.db, systemContext(), {
    username,
    password,
    displayName: flag(args, 'name') ?? username,
    phone: flag(args, 'phone') ?? null,
    grants: role ? [{ role, orgId: role === 'sysAdmin' ? org : org }] : [],
  });
  console.log(`已创建账号 / created account ${account.username} (${account.id})`);
}
