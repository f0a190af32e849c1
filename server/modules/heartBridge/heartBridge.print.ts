/**
 * The printable week of a class: one A5-like block per student, two to an A4 sheet, for
 * families who keep the paper book. Server-rendered HTML; every text a person typed goes
 * through `esc`, so a note can never inject markup into the page.
 */
import type { HeartBridgeNote } from '../../../common/schemas/heartBridge.js';

export function esc(s: string | null | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const stamp = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** An unwritten side gets ruled lines to fill in by hand; a written side shows "—" for a field left empty. */
function field(label: string, text: string | undefined, lines: number, written: boolean) {
  const body = text
    ? `<div class="text">${esc(text)}</div>`
    : written
      ? '<div class="text">—</div>'
      : `<div class="blank" style="height:${lines * 1.9}em"></div>`;
  return `<div class="field"><div class="label">${esc(label)}</div>${body}</div>`;
}

function page(n: HeartBridgeNote, weekLabel: string): string {
  const s = n.school;
  const h = n.home;
  return `<section class="page">
  <header><h2>${esc(n.studentName)}</h2><span>${esc(n.className)} · ${esc(weekLabel)}</span></header>
  <div class="side">
    <h3>学校一栏${s?.authorName ? `<small>${esc(s.authorName)} ${esc(stamp(s.writtenAt))}</small>` : ''}</h3>
    ${field('在校表现', s?.atSchool, 3, !!s)}
    ${field('给家长的建议', s?.suggestion, 2, !!s)}
    ${field('鼓励的话', s?.encouragement, 1, !!s)}
    ${n.readByHomeAt ? `<p class="receipt">家长已阅 ${esc(stamp(n.readByHomeAt))}</p>` : ''}
  </div>
  <div class="side">
    <h3>家庭一栏${h?.authorName ? `<small>${esc(h.authorName)} ${esc(stamp(h.writtenAt))}</small>` : ''}</h3>
    ${field('在家表现', h?.atHome, 3, !!h)}
    ${field('给学校的建议', h?.suggestion, 2, !!h)}
    ${field('对孩子的鼓励', h?.encouragement, 1, !!h)}
    ${n.readBySchoolAt ? `<p class="receipt">老师已阅 ${esc(stamp(n.readBySchoolAt))}</p>` : ''}
  </div>
  <footer>家长签字：________________</footer>
</section>`;
}

/** `weekLabel` as people say it, '第 14 周（11月30日—12月6日）': a printed page never shows the ISO key. */
export function renderWeek(className: string, weekLabel: string, pages: HeartBridgeNote[]): string {
  const title = `《心桥》联系本 · ${className} · ${weekLabel}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
  @page { size: A4; margin: 12mm; }
  * { box-sizing: border-box; }
  body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #222; margin: 0; font-size: 11pt; line-height: 1.6; }
  .cover { padding: 8mm 0 4mm; border-bottom: 2px solid #c0392b; margin-bottom: 6mm; }
  .cover h1 { margin: 0; font-size: 18pt; color: #c0392b; }
  .cover p { margin: 2mm 0 0; color: #555; }
  .page { border: 1px solid #999; border-radius: 3mm; padding: 5mm 6mm; margin-bottom: 6mm; break-inside: avoid; page-break-inside: avoid; }
  .page:nth-of-type(2n) { break-after: page; page-break-after: always; }
  header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 1px dashed #bbb; margin-bottom: 3mm; }
  header h2 { margin: 0; font-size: 14pt; }
  header span { color: #555; font-size: 10pt; }
  .side { margin-bottom: 3mm; }
  .side h3 { margin: 0 0 1mm; font-size: 11pt; color: #c0392b; }
  .side h3 small { color: #777; font-weight: normal; margin-left: 3mm; font-size: 9pt; }
  .field { display: flex; gap: 3mm; }
  .label { flex: 0 0 24mm; color: #555; }
  .text { flex: 1; white-space: pre-wrap; word-break: break-all; }
  .blank { flex: 1; background-image: linear-gradient(#ccc 1px, transparent 1px); background-size: 100% 1.9em; background-position: 0 1.8em; }
  .receipt { margin: 1mm 0 0; font-size: 9pt; color: #2e7d32; text-align: right; }
  footer { text-align: right; color: #555; font-size: 10pt; }
  @media screen { body { max-width: 190mm; margin: 8mm auto; } }
  @media print { .cover { break-after: avoid; } }
</style>
</head>
<body>
<div class="cover"><h1>《心桥》联系本</h1><p>${esc(className)} · ${esc(weekLabel)} · 共 ${pages.length} 名学生</p></div>
${pages.map((n) => page(n, weekLabel)).join('\n')}
</body>
</html>`;
}
