import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { storedPath } from '../../core/files/storage.js';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld, wageAppeal } from './appeals.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 32)]);

function multipart(filename: string, content: Buffer, type = 'image/png') {
  const boundary = '----xqtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('attachments', () => {
  it('accepts images and PDFs by their bytes, stores them under random names and serves them safely', async () => {
    const worker = await w.worker();
    const png = multipart('工资条.png', PNG);
    const up = await worker.post('/api/v1/appeals/attachments', png.body, png.headers);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: '工资条.png', contentType: 'image/png', size: PNG.length });
    const pdf = multipart('考勤表.pdf', PDF, 'application/pdf');
    const upPdf = await worker.post('/api/v1/appeals/attachments', pdf.body, pdf.headers);
    expect(upPdf.body.contentType).toBe('application/pdf');

    const html = multipart('photo.png', Buffer.from('<html><script>alert(1)</script></html>'));
    const bad = await worker.post('/api/v1/appeals/attachments', html.body, html.headers);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'body.file', message: '附件只能是图片（JPG、PNG、GIF、WebP）或 PDF 文件' });
    const huge = multipart('big.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    expect((await worker.post('/api/v1/appeals/attachments', huge.body, huge.headers)).status).toBe(413);

    const submitted = await worker.post('/api/v1/appeals', wageAppeal({ attachmentIds: [up.body.id, upPdf.body.id] }));
    expect(submitted.status).toBe(201);
    const created = await worker.get(submitted.headers.location);
    expect(created.body.attachments.map((a: any) => a.fileName)).toEqual(['工资条.png', '考勤表.pdf']);
    // Stored by core/files, owned by the appeal, under a name made of hex digits only.
    const stored = await t.db.selectFrom('files').select(['storage_key', 'owner_kind', 'owner_id']).where('id', '=', up.body.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ storage_key: expect.stringMatching(/^[0-9a-f]{32}$/), owner_kind: 'appeals.appeal', owner_id: submitted.body.id });

    const img = await worker.get(created.body.attachments[0].url);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['x-content-type-options']).toBe('nosniff');
    expect(img.headers['content-disposition']).toMatch(/^inline;/);
    const doc = await worker.get(created.body.attachments[1].url);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.headers['content-disposition']).toMatch(/^attachment;/);

    // Used once; and nobody else's upload can be claimed.
    expect((await worker.post('/api/v1/appeals', wageAppeal({ attachmentIds: [up.body.id] }))).status).toBe(422);
    const other = await w.worker();
    expect((await other.get(created.body.attachments[0].url)).status).toBe(404);
    expect((await other.post('/api/v1/appeals', wageAppeal({ attachmentIds: [upPdf.body.id] }))).status).toBe(422);
  });

  it('says in words when a stored file is missing, instead of failing', async () => {
    const worker = await w.worker();
    const png = multipart('现场照片.png', PNG);
    const up = await worker.post('/api/v1/appeals/attachments', png.body, png.headers);
    const created = await worker.get((await worker.post('/api/v1/appeals', wageAppeal({ attachmentIds: [up.body.id] }))).headers.location);
    const row = await t.db.selectFrom('files').select('storage_key').where('id', '=', up.body.id).executeTakeFirstOrThrow();
    fs.rmSync(storedPath(t.app.deps.config.dataDir, row.storage_key));
    const gone = await worker.get(created.body.attachments[0].url);
    expect(gone.status).toBe(410);
    expect(gone.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(gone.body.detail).toContain('备份');
  });
});
