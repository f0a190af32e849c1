/**
 * The plain text of a .docx, one line per paragraph of word/document.xml — what a pasted text
 * would be, so the same parsers read both. Tabs and line breaks inside a paragraph are kept;
 * deleted revisions (w:delText), field codes and drawings are not text and are left out.
 * jszip only (already a dependency); the XML is read with a pattern, not a DOM, because only
 * w:p, w:t, w:tab and w:br matter here.
 */
import JSZip from 'jszip';

/** document.xml larger than this (inflated) is refused: no policy text is near it, a zip bomb is. */
export const MAX_DOCUMENT_XML = 30 * 1024 * 1024;

export class DocxUnreadable extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e],
  );

/** Inflates one entry, stopping as soon as it passes `max` bytes. */
function readCapped(file: JSZip.JSZipObject, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      stream.pause();
      stream.removeAllListeners('data');
      reject(new DocxUnreadable('document.xml too large'));
    });
    stream.on('error', (e: Error) => reject(new DocxUnreadable(e.message)));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** The paragraphs of the main document, as text; throws DocxUnreadable when the bytes are no .docx. */
export async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new DocxUnreadable((e as Error).message);
  }
  const entry = zip.file('word/document.xml');
  if (!entry) throw new DocxUnreadable('no word/document.xml');
  const xml = await readCapped(entry, MAX_DOCUMENT_XML);
  const body = /<w:body[\s>][\s\S]*<\/w:body>/.exec(xml)?.[0] ?? '';
  const out: string[] = [];
  for (const p of body.match(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    let text = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:cr\/>/g)) {
      if (m[1] !== undefined) text += decode(m[1]);
      else text += m[0].startsWith('<w:tab') ? '\t' : '\n';
    }
    out.push(text);
  }
  return out;
}
