/**
 * The streamed export (issue #16): a list read by cursor goes out batch by batch. What a user
 * notices: every row arrives, in order, as cells a spreadsheet reads; and a dropped download
 * stops the server reading the list (a slow or gone client never makes it read on).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendXlsx, streamCsv, streamXlsx, type Column, type ListExport } from './export.js';
import { readCsv } from './csv.testkit.js';

type Row = { n: number; text: string };
const BATCH = 500;
const columns: Column<Row>[] = [
  { header: '序号', value: (r) => r.n },
  { header: '内容', value: (r) => r.text },
];

/** `count` batches of rows that do not compress (so the file outgrows every buffer), counting what was read. */
function batches(count: number, read: { batches: number }, finished?: () => void): AsyncIterable<Row[]> {
  return (async function* () {
    try {
      for (let b = 0; b < count; b++) {
        read.batches++;
        yield Array.from({ length: BATCH }, (_, i) => ({ n: b * BATCH + i, text: randomBytes(48).toString('base64') }));
      }
    } finally {
      finished?.();
    }
  })();
}

describe('streamed .xlsx export', () => {
  it('writes every row of every batch, in order, as number and text cells', async () => {
    const app = Fastify();
    app.get('/x', (_req, reply) => streamXlsx(reply, '职工诉求.xlsx', '职工诉求', columns, batches(3, { batches: 0 })));
    const res = await app.inject({ method: 'GET', url: '/x' });
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E8%81%8C%E5%B7%A5%E8%AF%89%E6%B1%82.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('职工诉求');
    expect(ws.rowCount).toBe(1 + 3 * BATCH);
    expect(ws.getRow(1).getCell(1).value).toBe('序号');
    const firstColumn = ws.getColumn(1).values.slice(2);
    expect(firstColumn).toEqual(Array.from({ length: 3 * BATCH }, (_, i) => i));
  });

  it('stops reading the list when the download is dropped', async () => {
    const TOTAL = 400;
    const read = { batches: 0 };
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const app = Fastify();
    app.get('/x', (_req, reply) => streamXlsx(reply, 'x.xlsx', 'x', columns, batches(TOTAL, read, finished)));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    // The client takes the first bytes and hangs up, as a phone that loses its network would.
    await new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/x' }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
    });
    await done;
    await app.close();
    expect(read.batches).toBeLessThan(TOTAL / 4);
  });
});

describe('streamed .csv export', () => {
  it('writes UTF-8 with a byte-order mark, every row in order, quoted where a field needs it, formulas defused', async () => {
    type R = { text: string; at: string | null; n: number };
    const cols: Column<R>[] = [
      { header: '内容', value: (r) => r.text },
      { header: '提交时间', value: (r) => r.at },
      { header: '序号', value: (r) => r.n },
    ];
    const rows: R[] = [
      { text: '工资，拖欠"三个月"\n请协调', at: '2026-12-06T01:30:00Z', n: -2 },
      { text: '=HYPERLINK("x")', at: null, n: 0 },
    ];
    const app = Fastify();
    app.get('/x', (_req, reply) =>
      streamCsv(
        reply,
        '职工诉求.csv',
        cols,
        (async function* () {
          yield rows;
          yield Array.from({ length: BATCH }, (_, i) => ({ text: `第${i}条`, at: null, n: i }));
        })(),
      ),
    );
    const res = await app.inject({ method: 'GET', url: '/x' });
    await app.close();
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E8%81%8C%E5%B7%A5%E8%AF%89%E6%B1%82.csv");
    const { bom, rows: back } = readCsv(res.rawPayload);
    expect(bom).toBe(true);
    expect(back[0]).toEqual(['内容', '提交时间', '序号']);
    // Beijing wall-clock time, as in the sheet; a formula is shown as the text typed.
    expect(back[1]).toEqual(['工资，拖欠"三个月"\n请协调', '2026-12-06 09:30', '-2']);
    expect(back[2]).toEqual(['\'=HYPERLINK("x")', '', '0']);
    expect(back.slice(3).map((r) => r[2])).toEqual(Array.from({ length: BATCH }, (_, i) => String(i)));
  });

  it('stops reading the list when the download is dropped', async () => {
    // Plain text goes straight to the socket, whose loopback buffers take a few MB (~150
    // batches) before the client's hang-up is seen: the list is longer, so stopping shows.
    const TOTAL = 1000;
    const read = { batches: 0 };
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const app = Fastify();
    app.get('/x', (_req, reply) => streamCsv(reply, 'x.csv', columns, batches(TOTAL, read, finished)));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/x' }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
    });
    await done;
    await app.close();
    expect(read.batches).toBeLessThan(TOTAL / 4);
  });
});

describe('a declared export (ListExport sent by sendXlsx)', () => {
  const rows: Row[] = [
    { n: 1, text: '甲' },
    { n: 2, text: '乙' },
  ];
  async function get(list: ListExport<Row>, format: 'xlsx' | 'csv') {
    const app = Fastify();
    app.get('/x', (_req, reply) => sendXlsx(reply, list, format));
    const res = await app.inject({ method: 'GET', url: '/x' });
    await app.close();
    return res;
  }

  it('sends one declaration as .xlsx and as .csv with the same rows, and says when the list was cut', async () => {
    const list = { fileName: '名单', sheet: '名单', columns, rows, readsAny: true, truncated: true };
    const xlsx = await get(list, 'xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''%E5%90%8D%E5%8D%95.xlsx");
    expect(xlsx.headers['x-truncated']).toBe('true');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(
      wb.worksheets[0]!.getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1)),
    ).toEqual([
      ['序号', '内容'],
      [1, '甲'],
      [2, '乙'],
    ]);
    const csv = await get({ ...list, truncated: false }, 'csv');
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''%E5%90%8D%E5%8D%95.csv");
    expect(csv.headers['x-truncated']).toBeUndefined();
    expect(readCsv(csv.rawPayload).rows).toEqual([
      ['序号', '内容'],
      ['1', '甲'],
      ['2', '乙'],
    ]);
  });

  it('refuses (403) a caller who may read none of the list, in both formats, before reading a row', async () => {
    const read = { batches: 0 };
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await get({ fileName: 'x', sheet: 'x', columns, rows: batches(2, read), readsAny: false }, format);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-disposition']).toBeUndefined();
    }
    expect(read.batches).toBe(0);
    // Someone who may read the list but whose filter matches nothing still gets a file: that is an answer, not a refusal.
    const empty = await get({ fileName: 'x', sheet: 'x', columns, rows: [], readsAny: true }, 'csv');
    expect(empty.statusCode).toBe(200);
    expect(readCsv(empty.rawPayload).rows).toEqual([['序号', '内容']]);
  });
});
