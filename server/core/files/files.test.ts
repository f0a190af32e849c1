import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApp } from '../../../test/app.js';
import { multipart, rosterXlsx } from '../people/people.fixtures.js';
import { writeCallIn, type WriteCall } from '../call.js';
import { systemContext } from '../context.js';
import { SIGNED_IN } from '../http/access.js';
import { readCall } from '../http/call.js';
import { notFound } from '../errors.js';
import type { Actor } from '../rbac/actor.js';
import { claimFiles, fileOf, filesOf, sendFile, XLSX } from './index.js';
import { storedPath, storageKeyOf } from './storage.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-files-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const OWNER = { kind: 'kitProbe.item', id: '0190aaaa-0000-7000-8000-000000000001' };

const t = useTestApp({
  config: { dataDir },
  // How a module serves its files: its own route checks the record, then the file is the record's.
  routes: (app) =>
    app.get(
      '/api/v1/kit-probe/items/:id/files/:fileId',
      { config: SIGNED_IN, schema: { params: z.object({ id: z.string(), fileId: z.string() }) } },
      async (req, reply) => {
        const call = readCall(app.deps.database.db, req);
        const file = req.params.id === OWNER.id ? await fileOf(call, OWNER, req.params.fileId) : null;
        if (!file) throw notFound();
        return sendFile(reply, dataDir, file);
      },
    ),
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 32)]);
type User = Awaited<ReturnType<typeof t.user>>;
const put = (who: User, name: string, content: Buffer, field = 'file') => {
  const m = multipart({}, { name, content, field });
  return who.post('/api/v1/files', m.body, m.headers);
};
const asActor = (who: User): Actor => ({ accountId: who.accountId, displayName: who.username, personId: null, grants: [], via: 'session' });
const inTx = <T>(who: User, work: (call: WriteCall) => Promise<T>) =>
  t.db.transaction().execute((tx) => work(writeCallIn(t.db, tx, asActor(who), { ...systemContext(), actor: asActor(who) })));

describe('POST /api/v1/files', () => {
  it('takes an image or document by its bytes from any signed-in account, and refuses other bytes naming file in Chinese', async () => {
    const who = await t.user([]);
    const up = await put(who, '../../工资条.png', PNG);
    expect(up.status).toBe(201);
    expect(up.body).toEqual({ id: expect.any(String), name: '工资条.png', type: 'image/png', size: PNG.length, createdAt: expect.any(String) });
    expect(fs.readFileSync(storedPath(dataDir, storageKeyOf(up.body.id)))).toEqual(PNG);
    expect((await put(who, '花名册.xlsx', await rosterXlsx([['李四']]))).body).toMatchObject({ name: '花名册.xlsx', type: XLSX });

    const html = await put(who, 'photo.png', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.status).toBe(422);
    expect(html.headers['content-type']).toContain('application/problem+json');
    expect(html.body.errors).toEqual([
      { field: 'file', message: '文件（file）只能是图片（JPG、PNG、GIF、WebP）、PDF、Word（.docx）或 Excel（.xlsx），以文件内容为准' },
    ]);
    expect((await put(who, 'a.png', PNG, 'photo')).body.errors).toEqual([{ field: 'file', message: '请选择要上传的文件（file）' }]);
    expect((await put(who, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]))).status).toBe(413);
    expect((await put(t.client() as User, 'a.png', PNG)).status).toBe(401);
    expect(await t.db.selectFrom('files').select('name').where('uploader_account_id', '=', who.accountId).orderBy('created_at').execute()).toEqual([
      { name: '工资条.png' },
      { name: '花名册.xlsx' },
    ]);
  });
});

describe('claimFiles', () => {
  it('gives one’s own uploads to a record once, and refuses someone else’s, a used one or a type the module does not take with 422 on fileIds', async () => {
    const [me, other] = [await t.user([]), await t.user([])];
    const mine = (await put(me, '照片.png', PNG)).body;
    const pdf = (await put(me, '说明.pdf', PDF)).body;
    const sheet = (await put(me, '工资表.xlsx', await rosterXlsx([['王五']]))).body;
    const theirs = (await put(other, '他人.png', PNG)).body;

    const refused = await inTx(me, (call) => claimFiles(call, [mine.id, theirs.id], OWNER)).catch((e) => e);
    expect(refused).toMatchObject({ status: 422, fields: [{ field: 'fileIds', message: 'files.claim' }] });
    // All or nothing: the refused claim left my own upload unclaimed too.
    expect(await filesOf(t.db, OWNER)).toEqual([]);
    expect(await inTx(me, (call) => claimFiles(call, [sheet.id], OWNER)).catch((e) => e.status)).toBe(422);

    const claimed = await inTx(me, (call) => claimFiles(call, [pdf.id, mine.id, mine.id], OWNER));
    expect(claimed.map((f) => f.name)).toEqual(['说明.pdf', '照片.png']);
    expect((await filesOf(t.db, OWNER)).map((f) => f.name)).toEqual(['照片.png', '说明.pdf']);
    expect(await inTx(me, (call) => claimFiles(call, [mine.id], { kind: OWNER.kind, id: 'another' })).catch((e) => e.status)).toBe(422);
    expect(await inTx(me, (call) => claimFiles(call, [sheet.id], { kind: OWNER.kind, id: 'sheet' }, { types: [XLSX] }))).toMatchObject([
      { name: '工资表.xlsx' },
    ]);
  });
});

describe('sendFile', () => {
  it('serves a record’s file with safe headers, inline only for images, and says in words when the bytes are gone', async () => {
    const me = await t.user([]);
    const png = (await put(me, '现场.png', PNG)).body;
    const pdf = (await put(me, '协议.pdf', PDF)).body;
    const loose = (await put(me, '未认领.png', PNG)).body;
    await inTx(me, (call) => claimFiles(call, [png.id, pdf.id], OWNER));
    const url = (id: string) => `/api/v1/kit-probe/items/${OWNER.id}/files/${id}`;

    const img = await me.get(url(png.id));
    expect(img.status).toBe(200);
    expect(img.raw).toEqual(PNG);
    expect(img.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
    expect(img.headers['cache-control']).toContain('no-store');
    expect(img.headers['content-disposition']).toBe(`inline; filename="file.png"; filename*=UTF-8''${encodeURIComponent('现场.png')}`);
    expect(img.headers['content-security-policy']).toContain('sandbox');
    const doc = await me.get(url(pdf.id));
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await me.get(url(loose.id))).status).toBe(404);

    fs.rmSync(storedPath(dataDir, storageKeyOf(png.id)));
    const gone = await me.get(url(png.id));
    expect(gone.status).toBe(410);
    expect(gone.body.detail).toContain('备份');
  });
});

describe("'core.filesSweep'", () => {
  it('removes an upload nobody claimed within 24 hours, row and bytes, and keeps a claimed one', async () => {
    const me = await t.user([]);
    const loose = (await put(me, '放弃的表单.png', PNG)).body;
    const kept = (await put(me, '已提交.png', PNG)).body;
    await inTx(me, (call) => claimFiles(call, [kept.id], { kind: OWNER.kind, id: 'sweep' }));
    const ids = [loose.id, kept.id];
    const left = () => t.db.selectFrom('files').select('id').where('id', 'in', ids).execute();

    expect(await t.app.deps.scheduler.runOnce('core.filesSweep', new Date(Date.now() + 23 * 3_600_000))).toBe(true);
    expect(await left()).toHaveLength(2);
    expect(await t.app.deps.scheduler.runOnce('core.filesSweep', new Date(Date.now() + 25 * 3_600_000))).toBe(true);
    expect(await left()).toEqual([{ id: kept.id }]);
    expect(fs.existsSync(storedPath(dataDir, storageKeyOf(loose.id)))).toBe(false);
    expect(fs.existsSync(storedPath(dataDir, storageKeyOf(kept.id)))).toBe(true);
  });
});
