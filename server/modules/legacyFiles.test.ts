/**
 * The upgrade of a data directory from before core/files: appeals' attachments under
 * DATA_DIR/files/appeals and session photos at DATA_DIR/files/moral-<hex>.<ext>, with their old
 * rows. After the SQL migrations and a start, each is served with the same bytes and headers,
 * an upload no appeal had claimed yet can still be submitted, and a second start changes nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, useTestApp } from '../../test/app.js';
import { buildApp } from '../app.js';
import { migrateToLatest } from '../core/db/migrate.js';
import { newId } from '../core/ids.js';
import { adoptLegacyFiles } from '../core/files/legacy.js';
import { house } from './registry.js';
import { useAppealsWorld, wageAppeal } from './appeals/appeals.testkit.js';
import { schoolWorld, type SchoolWorld } from './school/school.testkit.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-legacy-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const t = useTestApp({ config: { dataDir } });
const w = useAppealsWorld(t, beforeAll);
let s: SchoolWorld;
beforeAll(async () => {
  s = await schoolWorld(t);
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('考勤表 2026-10')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(48, 9)]);
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40, 3)]);
const hex = () => newId().replace(/-/g, '');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const UPGRADE = ['20261208_1101_appeals_files', '20261208_1102_moralEducation_files'];

describe('a data directory from before core/files', () => {
  it('is served after the migrations and a start with the same bytes and headers, and a second start changes nothing', async () => {
    const worker = await w.worker();
    const appealId = (await worker.post('/api/v1/appeals', wageAppeal())).body.id as string;
    const session = await s.users.headA.post(`/api/v1/moral-education/classes/${s.classA.id}/sessions`, {
      date: '2026-09-16',
      status: 'held',
      topic: '用电安全',
    });
    expect(session.status).toBe(201);

    // The schema as it was: the old table and columns back, the upgrade not yet run.
    for (const name of [...UPGRADE].reverse()) await house.migrations[name].down!(t.db as any);
    await sql`delete from xq_migrations where name in (${sql.join(UPGRADE)})`.execute(t.db);

    // The old layout: a claimed attachment, an upload a form had not submitted yet, a photo.
    const [claimedKey, pendingKey, photoName] = [hex(), hex(), `moral-${hex()}.png`];
    const [claimedId, pendingId] = [newId(), newId()];
    const at = new Date().toISOString();
    const row = (id: string, appeal: string | null, name: string, type: string, bytes: Buffer, key: string) => ({
      id,
      appeal_id: appeal,
      uploader_account_id: worker.accountId,
      file_name: name,
      content_type: type,
      size: bytes.length,
      storage_key: key,
      sha256: sha(bytes),
      created_at: at,
    });
    await (t.db as any)
      .insertInto('appeal_attachments')
      .values([row(claimedId, appealId, '考勤表.pdf', 'application/pdf', PDF, claimedKey), row(pendingId, null, '工资条.jpg', 'image/jpeg', JPG, pendingKey)])
      .execute();
    await (t.db as any)
      .updateTable('moral_sessions')
      .set({ photo_name: photoName, photo_mime: 'image/png', photo_size: PNG.length })
      .where('id', '=', session.body.id)
      .execute();
    fs.mkdirSync(path.join(dataDir, 'files', 'appeals'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'files', 'appeals', claimedKey), PDF);
    fs.writeFileSync(path.join(dataDir, 'files', photoName), PNG);
    // As if an earlier start crashed after moving these bytes and before recording the move.
    fs.mkdirSync(path.join(dataDir, 'files', 'core'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'files', 'core', pendingId.replace(/-/g, '')), JPG);

    expect((await migrateToLatest(t.db, house.migrations)).sort()).toEqual(UPGRADE);
    // The start: building the app adopts the old bytes before any route answers.
    const app = await buildApp({ config: t.app.deps.config, database: t.app.deps.database, logger: false });
    await app.ready();
    try {
      const as = (c: { cookie: string; csrf?: string }) => Object.assign(new Client(app), { cookie: c.cookie, csrf: c.csrf ?? '' });

      const detail = await as(w.staff).get(`/api/v1/appeals/${appealId}`);
      expect(detail.body.attachments).toEqual([
        {
          id: claimedId,
          fileName: '考勤表.pdf',
          contentType: 'application/pdf',
          size: PDF.length,
          url: `/api/v1/appeals/${appealId}/attachments/${claimedId}`,
        },
      ]);
      const pdf = await as(w.staff).get(detail.body.attachments[0].url);
      expect(pdf.status).toBe(200);
      expect(pdf.raw).toEqual(PDF);
      expect(pdf.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' });
      expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);

      const recorded = await as(s.users.subjA).get(`/api/v1/moral-education/sessions/${session.body.id}`);
      expect(recorded.body.photoUrl).toBe(`/api/v1/moral-education/sessions/${session.body.id}/photo`);
      const photo = await as(s.users.subjA).get(recorded.body.photoUrl);
      expect(photo.status).toBe(200);
      expect(photo.raw).toEqual(PNG);
      expect(photo.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
      expect(photo.headers['content-disposition']).toMatch(/^inline;/);

      // The form open across the upgrade submits its upload.
      const later = await as(worker).post('/api/v1/appeals', wageAppeal({ attachmentIds: [pendingId] }));
      expect(later.status).toBe(201);
      const pending = (await as(worker).get(later.headers.location)).body.attachments[0];
      expect(pending.fileName).toBe('工资条.jpg');
      expect((await as(worker).get(pending.url)).raw).toEqual(JPG);
    } finally {
      await app.close();
    }

    // One layout afterwards: the old places are empty, every row has core's key, the photo its hash.
    expect(fs.existsSync(path.join(dataDir, 'files', 'appeals'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'files', photoName))).toBe(false);
    const rows = await t.db.selectFrom('files').select(['id', 'storage_key', 'sha256']).where('id', 'in', [claimedId, pendingId, session.body.id]).execute();
    for (const r of rows) expect(r.storage_key).toBe(r.id.replace(/-/g, ''));
    expect(rows.find((r) => r.id === session.body.id)!.sha256).toBe(sha(PNG));
    expect(await adoptLegacyFiles(t.db, dataDir)).toBe(0);
  });
});
