#!/usr/bin/env node
/**
 * CLI entry: serve | migrate | seed --demo | backup <file> | restore <file> |
 * import people <file.xlsx> --org <id> | users create …
 */
import fs from 'node:fs';
import { loadConfig } from './core/config.js';
import { openDatabase } from './core/db/database.js';
import { migrateToLatest } from './core/db/migrate.js';
import { backup, restorePostgres, restoreSqlite, restoreUploads } from './core/db/backup.js';
import { house } from './modules/registry.js';
import { installHouse } from './modules/compose.js';
import { installSecretSource } from './core/secrets.js';
import { commands } from './cli/commands.js';

const USAGE = `用法 / usage: xq <command>
  serve                         启动服务（默认 http://127.0.0.1:3000）
  migrate                       执行数据库迁移
  seed --demo                   写入演示组织（仅在空库时）
  backup <file>                 在线备份
  restore <file>                从备份恢复（需先停止服务）
  import people <file.xlsx> --org <orgId>
  users create --username <u> --password <p> [--name <n>] [--role <role> --org <orgId>]
  notices verify                核验厂务公开记录链（哈希链），指出第一条被破坏的记录`;

async function main(argv: string[]) {
  const [cmd, ...rest] = argv;
  const config = loadConfig();
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(USAGE);
    return;
  }
  if (cmd === 'restore') {
    const file = rest[0];
    if (!file) throw new Error('请指定备份文件');
    if (config.databaseUrl.startsWith('postgres')) restorePostgres(file, config.databaseUrl);
    else restoreSqlite(file, config.databaseUrl);
    const files = restoreUploads(file, config.dataDir);
    console.log(`已恢复 / restored (上传文件 / uploaded files: ${files})`);
    return;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase({ url: config.databaseUrl });
  try {
    await migrateToLatest(database.db, house.migrations);
    installHouse(house);
    installSecretSource({ dataDir: config.dataDir, keyText: config.secretKey });
    switch (cmd) {
      case 'migrate':
        console.log('迁移完成 / migrated');
        return;
      case 'backup': {
        if (!rest[0]) throw new Error('请指定备份文件');
        const { files } = await backup(database, rest[0], config.dataDir);
        console.log(`已备份 / backed up: ${rest[0]} (上传文件 / uploaded files: ${files}, ${rest[0]}.files/)`);
        return;
      }
      case 'serve': {
        const { serve } = await import('./serve.js');
        await serve(config, database);
        return new Promise(() => {}); // runs until a signal
      }
      default: {
        // A module's own commands (defineModule `commands`), after core's.
        const run = commands[cmd] ?? house.modules.find((m) => m.commands?.[cmd])?.commands?.[cmd];
        if (!run) {
          console.error(USAGE);
          process.exitCode = 2;
          return;
        }
        await run(database, rest);
      }
    }
  } finally {
    if (cmd !== 'serve') await database.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
