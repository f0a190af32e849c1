/**
 * An SVG picture in a .docx, as Word 2016+ writes one: the `asvg:svgBlip` extension points at
 * the SVG, which Word 2016+ draws; the main blip, which every reader draws (LibreOffice 7.4
 * reads only this one), is the same drawing as an EMF — vector too, with its text as text.
 */
import { esc, type MediaPart } from './docx.js';
import { emfOfSvg } from './emf.js';

/**
 * A centred paragraph holding the SVG (width × height in CSS pixels), scaled to `widthCm`;
 * `n` numbers the picture (unique in the document), `title` is its alternative text.
 * Returns the paragraph and the two media parts to pass to docxOf.
 */
export function svgPicture(svg: string, width: number, height: number, n: number, title: string, widthCm = 15): { xml: string; media: MediaPart[] } {
  const cx = Math.round((widthCm / 2.54) * 914_400);
  const cy = Math.round((cx * height) / width);
  const emf: MediaPart = { rId: `rIdPic${n}e`, name: `picture${n}.emf`, contentType: 'image/x-emf', data: emfOfSvg(svg, width, height) };
  const vector: MediaPart = { rId: `rIdPic${n}s`, name: `picture${n}.svg`, contentType: 'image/svg+xml', data: Buffer.from(svg, 'utf8') };
  const blip = `<a:blip r:embed="${emf.rId}"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${vector.rId}"/></a:ext></a:extLst></a:blip>`;
  const pic =
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="${n}" name="${vector.name}" descr="${esc(title)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill>${blip}<a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>`;
  const inline =
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${n}" name="图 ${n}" descr="${esc(title)}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">${pic}</a:graphicData></a:graphic></wp:inline>`;
  return { xml: `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing>${inline}</w:drawing></w:r></w:p>`, media: [emf, vector] };
}
