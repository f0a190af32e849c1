/**
 * A .docx written as OOXML by hand (jszip only, no new dependency): the building blocks the
 * documents of several modules share — runs and paragraphs in the fonts of official Chinese
 * documents (仿宋 body, 黑体 headings, 楷体 subtitles), bordered tables, A4 with the GB/T 9704
 * margins — and the package around a body. Each module composes its own document from these.
 */
import JSZip from 'jszip';

// Characters XML 1.0 cannot carry; a pasted text may hold them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
export const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(CONTROL, '');

export interface RunStyle {
  font?: '仿宋' | '黑体' | '楷体';
  size?: number; // half-points
  bold?: boolean;
}

export function run(text: string, s: RunStyle = {}): string {
  const font = s.font ?? '仿宋';
  const props = `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>${s.bold ? '<w:b/>' : ''}<w:sz w:val="${s.size ?? 32}"/><w:szCs w:val="${s.size ?? 32}"/></w:rPr>`;
  return `<w:r>${props}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

export function para(text: string, opts: RunStyle & { align?: 'center' | 'left' | 'right'; indent?: boolean } = {}): string {
  const pPr = `<w:pPr>${opts.align ? `<w:jc w:val="${opts.align}"/>` : ''}${opts.indent ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : ''}<w:spacing w:line="560" w:lineRule="exact"/></w:pPr>`;
  return `<w:p>${pPr}${run(text, opts)}</w:p>`;
}

/** Narrative text: one paragraph per line the author wrote, first-line indented two characters. */
export function prose(text: string, empty: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.length ? lines : [empty]).map((l) => para(l, { indent: true })).join('');
}

function cell(text: string, width: number, header = false): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:jc w:val="${header ? 'center' : 'left'}"/></w:pPr>${run(text, { size: 24, font: header ? '黑体' : '仿宋' })}</w:p></w:tc>`;
}

/** A bordered table, widths in twentieths of a point; the header row repeats on every page. */
export function table(widths: number[], header: string[], rows: string[][]): string {
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const tr = (cells: string[], h = false) => `<w:tr>${h ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map((c, i) => cell(c, widths[i], h)).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${border}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>${grid}${tr(header, true)}${rows.map((r) => tr(r)).join('')}</w:tbl>`;
}

/** The whole word/document.xml around body parts: A4, GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
export function documentOf(body: string[]): string {
  const sect =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>${body.join('')}${sect}</w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋" w:hAnsi="仿宋" w:eastAsia="仿宋" w:cs="仿宋"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

/** A file packed into word/media/ and referenced from the document by its relationship id (see picture.ts). */
export interface MediaPart {
  rId: string;
  /** The name under word/media/. */
  name: string;
  contentType: string;
  data: Buffer;
}

/** Packs a word/document.xml (from documentOf) and the media its pictures reference into the bytes of a .docx. */
export async function docxOf(documentXml: string, media: readonly MediaPart[] = []): Promise<Buffer> {
  const zip = new JSZip();
  const types = [...new Map(media.map((m) => [m.name.slice(m.name.lastIndexOf('.') + 1), m.contentType]))]
    .map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`)
    .join('');
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${types}<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const images = media
    .map((m) => `<Relationship Id="${m.rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/${m.name}"/>`)
    .join('');
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${images}</Relationships>`,
  );
  for (const m of media) zip.file(`word/media/${m.name}`, m.data);
  zip.file('word/document.xml', documentXml);
  zip.file('word/styles.xml', STYLES);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
