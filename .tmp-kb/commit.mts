import Database from 'better-sqlite3';
import fs from 'node:fs';
for (const f of ['/tmp/ip/c.sqlite', '/tmp/ip/c.sqlite-wal', '/tmp/ip/c.sqlite-shm']) fs.rmSync(f, { force: true });
const db = new Database('/tmp/ip/c.sqlite');
db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.pragma('wal_autocheckpoint = 0');
const T = 60;
for (let i = 0; i < T; i++) db.exec(`create table t${i} (id integer primary key, v text)`);
const ins = Array.from({ length: T }, (_, i) => db.prepare(`insert into t${i} (v) values (?)`));
const begin = db.prepare('begin immediate'), commit = db.prepare('commit');
for (const n of [1, 10, 30, 60]) {
  let tc = 0; const R = 2000;
  for (let r = 0; r < R; r++) { begin.run(); for (let i = 0; i < n; i++) ins[i].run('x'.repeat(50)); const t = performance.now(); commit.run(); tc += performance.now() - t; }
  console.log(`${n} pages: commit ${(tc / R * 1000).toFixed(1)} µs = ${(tc / R * 1000 / n).toFixed(2)} µs/page`);
}
