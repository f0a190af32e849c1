/**
 * The report as a .docx, written as OOXML by hand (jszip only): A4 with the margins of
 * official documents (GB/T 9704: 37/35/28/26 mm), 仿宋 三号 body, 黑体 headings, tables of the
 * snapshot's real numbers, and every figure followed by its bracketed reference code, which
 * the appendix (数据附注) resolves to the definition, the counts and the list filters behind it.
 * Charts are not embedded: no server-side renderer of ECharts is available without a new
 * dependency, so each practice gets its table instead.
 */
import JSZip from 'jszip';
import type { Report, SnapshotFigure } from '../../../common/schemas/workReport.js';
import { chineseOrdinal, formatFigure, moduleLabel, PERIOD_KIND_LABELS } from '../../../common/workReport.js';
import { sectionsOf } from './workReport.service.js';

// Characters XML 1.0 cannot carry; a pasted narrative may hold them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(CONTROL, '');

interface RunStyle {
  font?: '仿宋' | '黑体' | '楷体';
  size?: number; // half-points
  bold?: boolean;
}

function run(text: string, s: RunStyle = {}): string {
  const font = s.font ?? '仿宋';
  const props = `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>${s.bold ? '<w:b/>' : ''}<w:sz w:val="${s.size ?? 32}"/><w:szCs w:val="${s.size ?? 32}"/></w:rPr>`;
  return `<w:r>${props}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function para(text: string, opts: RunStyle & { align?: 'center' | 'left' | 'right'; indent?: boolean } = {}): string {
  const pPr = `<w:pPr>${opts.align ? `<w:jc w:val="${opts.align}"/>` : ''}${opts.indent ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : ''}<w:spacing w:line="560" w:lineRule="exact"/></w:pPr>`;
  return `<w:p>${pPr}${run(text, opts)}</w:p>`;
}

/** Narrative text: one paragraph per line the author wrote, first-line indented two characters. */
function prose(text: string, empty: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return (lines.length ? lines : [empty]).map((l) => para(l, { indent: true })).join('');
}

function cell(text: string, width: number, header = false): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:jc w:val="${header ? 'center' : 'left'}"/></w:pPr>${run(text, { size: 24, font: header ? '黑体' : '仿宋' })}</w:p></w:tc>`;
}

function table(widths: number[], header: string[], rows: string[][]): string {
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const tr = (cells: string[], h = false) => `<w:tr>${h ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map((c, i) => cell(c, widths[i], h)).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${border}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>${grid}${tr(header, true)}${rows.map((r) => tr(r)).join('')}</w:tbl>`;
}

/** The ideographic space between the parts of a document's subtitle. */
const WIDE_SPACE = '\u3000';
const fmt = (f: Pick<SnapshotFigure, 'unit'>, value: number | null) => formatFigure(f.unit, value);
const counts = (f: SnapshotFigure) => (f.unit === 'count' ? String(f.numerator) : `${f.numerator} / ${f.denominator}`);
const drillText = (f: SnapshotFigure) =>
  f.drill ? `分子：${Object.entries(f.drill.numerator).map(([k, v]) => `${k}=${v}`).join('；')}；分母：${Object.entries(f.drill.denominator).map(([k, v]) => `${k}=${v}`).join('；')}` : '该项工作暂无明细列表，按计数留存';

export function documentXml(r: Report): string {
  const body: string[] = [];
  body.push(para(r.title, { font: '黑体', size: 44, align: 'center' }));
  const versionText = r.status === 'issued' ? `第 ${r.version} 版` : '草稿';
  body.push(para([r.orgName, PERIOD_KIND_LABELS[r.kind].zh, `${r.from} 至 ${r.to}`, versionText].join(WIDE_SPACE), { font: '楷体', size: 28, align: 'center' }));
  body.push(para(`文中数据均为 ${(r.generatedAt ?? '').slice(0, 10)} 生成时的快照，方括号内为数据附注编号。`, { size: 24, align: 'center' }));

  let n = 1;
  body.push(para(`${chineseOrdinal(n++)}、总体情况`, { font: '黑体' }));
  body.push(prose(r.narrative.summary, '（总体情况待填写）'));
  for (const s of sectionsOf(r.figures)) {
    body.push(para(`${chineseOrdinal(n++)}、${moduleLabel(s.module).zh}`, { font: '黑体' }));
    const lead = s.figures.map((f) => `${f.label.zh}${fmt(f, f.value)}[${f.ref}]`).join('，');
    body.push(para(`本期${lead}。`, { indent: true }));
    body.push(prose(r.narrative.sections[s.module] ?? '', '（工作情况、典型案例和存在问题待填写）'));
    body.push(
      table(
        [2900, 1500, 1500, 1900, 1000],
        ['指标', '本期', '上期', '分子 / 分母', '附注'],
        s.figures.map((f) => [f.label.zh, fmt(f, f.value), fmt(f, f.previous.value), counts(f), f.ref]),
      ),
    );
  }
  body.push(para(`${chineseOrdinal(n++)}、下一步工作计划`, { font: '黑体' }));
  body.push(prose(r.narrative.plan, '（工作计划待填写）'));

  body.push(para('附：数据附注', { font: '黑体' }));
  body.push(
    table(
      [900, 1900, 2700, 1300, 2000],
      ['编号', '指标', '口径', '分子 / 分母', '明细'],
      r.figures.map((f) => [f.ref, f.label.zh, `${f.definition.zh}（${f.query.from} 至 ${f.query.to}）`, counts(f), drillText(f)]),
    ),
  );

  // A4, GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
  const sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}${sect}</w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋" w:hAnsi="仿宋" w:eastAsia="仿宋" w:cs="仿宋"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

export async function reportDocx(r: Report): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
  );
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('word/document.xml', documentXml(r));
  zip.file('word/styles.xml', STYLES);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
