import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { seedDemoData } from '../../cli/seed/demo.js';
import { DEMO_PASSWORD } from '../../cli/seed/demo-accounts.js';
import { modules } from '../registry.js';
import { settleGenerations } from './index.js';

const t = useTestApp();
const NOW = new Date('2026-11-24T08:00:00Z');
let group: any;
let school: any;

beforeAll(async () => {
  let s = Date.now();
  expect((await seedDemoData(t.db, { now: NOW, modules })).status).toBe('seeded');
  console.log('seed ms', Date.now() - s);
  s = Date.now();
  const rows = await t.db.selectFrom('work_reports' as any).selectAll().where('from_date' as any, '=', '2026-01-01').execute() as any[];
  group = rows[0];
  const principal = t.client();
  expect((await principal.login('principal', DEMO_PASSWORD)).status).toBe(200);
  const org = await t.db.selectFrom('orgs').select('id').where('kind', '=', 'school').executeTakeFirstOrThrow();
  const res = await principal.post('/api/v1/work-reports', { orgId: org.id, kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  await settleGenerations();
  school = (await principal.get(`/api/v1/work-reports/${res.body.id}`)).body;
  console.log('gen ms', Date.now() - s);
}, 300_000);

describe('dump', () => {
  it('dumps', () => {
    for (const f of JSON.parse(group.figures)) console.log('G', f.key, f.value, f.numerator, f.denominator, JSON.stringify(f.drill));
    for (const f of school.figures) console.log('S', f.key, f.value, f.numerator, f.denominator);
  });
});
