/**
 * An SVG drawn by ECharts, redrawn as an EMF (Windows enhanced metafile): the picture's main
 * blip in a .docx must be a format every reader draws, and EMF is vector with real text —
 * Word of any version, WPS and LibreOffice (which ignores the SVG extension up to at least
 * 7.4, the version the PDF conversion runs on) draw it with the chart's labels. Covers what
 * ECharts writes for bar and line charts: paths of M/L/l/A/Z (an arc drawn as its chord),
 * rects, and text placed by translate(), x/y, text-anchor and a central baseline.
 */

type Rgb = [number, number, number];
type Pt = [number, number];

const HEX = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;
const RGB = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/i;

function colour(v: string | undefined): Rgb | null {
  const s = (v ?? '').trim();
  const hex = HEX.exec(s);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const rgb = RGB.exec(s);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

function translate(attrs: string): Pt {
  const m = /translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)/.exec(attr(attrs, 'transform') ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** The subpaths of a path's `d`, as absolute points. */
function subpaths(d: string): { points: Pt[]; closed: boolean }[] {
  const out: { points: Pt[]; closed: boolean }[] = [];
  let cur: { points: Pt[]; closed: boolean } | null = null;
  let at: Pt = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([MLlAZz])([^MLlAZz]*)/g)) {
    const n = (args.match(/-?\d*\.?\d+(?:e-?\d+)?/gi) ?? []).map(Number);
    if (cmd === 'M') {
      at = [n[0], n[1]];
      out.push((cur = { points: [at], closed: false }));
      for (let i = 2; i + 1 < n.length; i += 2) cur.points.push((at = [n[i], n[i + 1]]));
    } else if (cmd === 'L' || cmd === 'l') {
      for (let i = 0; i + 1 < n.length; i += 2) cur?.points.push((at = cmd === 'L' ? [n[i], n[i + 1]] : [at[0] + n[i], at[1] + n[i + 1]]));
    } else if (cmd === 'A') {
      for (let i = 0; i + 6 < n.length; i += 7) cur?.points.push((at = [n[i + 5], n[i + 6]]));
    } else if (cur) {
      cur.closed = true;
    }
  }
  return out;
}

/** Records of the metafile, each an EMR type and its payload after the 8-byte header. */
class Records {
  list: Buffer[] = [];
  handles = 1;
  add(type: number, payload: Buffer) {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(type, 0);
    head.writeUInt32LE(8 + payload.length, 4);
    this.list.push(Buffer.concat([head, payload]));
  }
}

const ints = (...v: number[]) => {
  const b = Buffer.alloc(4 * v.length);
  v.forEach((x, i) => b.writeInt32LE(Math.round(x), 4 * i));
  return b;
};
const colorRef = ([r, g, b]: Rgb) => r | (g << 8) | (b << 16);
/** A stock object's index has the high bit set, so it is written unsigned. */
const stock = (index: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(index);
  return b;
};
const NULL_PEN = 0x80000008;
const NULL_BRUSH = 0x80000005;
const EMR = {
  header: 1,
  polygon: 3,
  polyline: 4,
  eof: 14,
  setBkMode: 18,
  setTextAlign: 22,
  setTextColor: 24,
  selectObject: 37,
  createPen: 38,
  createBrush: 39,
  deleteObject: 40,
  createFont: 82,
  extTextOutW: 84,
};

function bounds(points: Pt[]) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return ints(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
}

function shape(rec: Records, points: Pt[], fill: Rgb | null, stroke: Rgb | null, width: number, closed: boolean) {
  if (points.length < 2) return;
  const made: number[] = [];
  const use = (type: number, payload: (h: number) => Buffer) => {
    const h = rec.handles++;
    rec.add(type, payload(h));
    rec.add(EMR.selectObject, ints(h));
    made.push(h);
  };
  if (fill) use(EMR.createBrush, (h) => Buffer.concat([ints(h, 0), ints(colorRef(fill)), ints(0)]));
  else rec.add(EMR.selectObject, stock(NULL_BRUSH));
  if (stroke) use(EMR.createPen, (h) => Buffer.concat([ints(h, 0, Math.max(1, width), 0), ints(colorRef(stroke))]));
  else rec.add(EMR.selectObject, stock(NULL_PEN));
  const pts = Buffer.concat(points.map((p) => ints(p[0], p[1])));
  rec.add(fill || closed ? EMR.polygon : EMR.polyline, Buffer.concat([bounds(points), ints(points.length), pts]));
  for (const h of made) rec.add(EMR.deleteObject, ints(h));
}

function text(rec: Records, s: string, x: number, y: number, size: number, anchor: string, central: boolean, fill: Rgb) {
  const h = rec.handles++;
  const face = Buffer.alloc(64);
  face.write('SimHei', 'utf16le');
  // LOGFONTW: height (negative: the em size), width, escapement, orientation, weight; italic, underline, strikeout, GB2312 charset; precisions, quality, pitch; face.
  rec.add(EMR.createFont, Buffer.concat([ints(h, -size, 0, 0, 0, 400), Buffer.from([0, 0, 0, 134, 0, 0, 0, 0]), face]));
  rec.add(EMR.selectObject, ints(h));
  const TA_TOP = 0;
  const TA_BASELINE = 24;
  rec.add(EMR.setTextAlign, ints((anchor === 'middle' ? 6 : anchor === 'end' ? 2 : 0) | (central ? TA_TOP : TA_BASELINE)));
  rec.add(EMR.setTextColor, ints(colorRef(fill)));
  const chars = [...s];
  const str = Buffer.from(s, 'utf16le');
  const padded = Buffer.concat([str, Buffer.alloc((4 - (str.length % 4)) % 4)]);
  // Advance widths: a CJK character is one em wide, a Latin one about half.
  const dx = ints(...chars.flatMap((c) => (c.length === 2 ? [size, 0] : [c.charCodeAt(0) > 0x2e80 ? size : size * 0.55])));
  const n = str.length / 2;
  const ref: Pt = [x, central ? y - size / 2 : y];
  const fixed = 8 + 16 + 12 + 40;
  const scale = Buffer.alloc(8);
  scale.writeFloatLE(1, 0);
  scale.writeFloatLE(1, 4);
  rec.add(EMR.extTextOutW, Buffer.concat([ints(0, 0, -1, -1, 1), scale, ints(ref[0], ref[1], n, fixed, 0, 0, 0, -1, -1, fixed + padded.length), padded, dx]));
  rec.add(EMR.deleteObject, ints(h));
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The EMF of an SVG of width × height CSS pixels. */
export function emfOfSvg(svg: string, width: number, height: number): Buffer {
  const rec = new Records();
  rec.add(EMR.setBkMode, ints(1)); // transparent behind text
  for (const m of svg.matchAll(/<(path|rect)\b([^>]*)>|<text\b([^>]*)>([^<]*)<\/text>/g)) {
    if (m[3] !== undefined) {
      const a = m[3];
      const [tx, ty] = translate(a);
      const size = Number(/font-size:\s*([\d.]+)px/.exec(attr(a, 'style') ?? '')?.[1] ?? 12);
      const fill = colour(attr(a, 'fill')) ?? [0, 0, 0];
      if (m[4].trim())
        text(
          rec,
          unescape(m[4]),
          tx + Number(attr(a, 'x') ?? 0),
          ty + Number(attr(a, 'y') ?? 0),
          size,
          attr(a, 'text-anchor') ?? 'start',
          attr(a, 'dominant-baseline') === 'central',
          fill,
        );
      continue;
    }
    const a = m[2];
    const invisible = attr(a, 'fill-opacity') === '0' || attr(a, 'opacity') === '0';
    const fill = invisible ? null : colour(attr(a, 'fill'));
    const stroke = attr(a, 'stroke-width') === '0' ? null : colour(attr(a, 'stroke'));
    if (!fill && !stroke) continue;
    const [tx, ty] = translate(a);
    const width = Number(attr(a, 'stroke-width') ?? 1);
    if (m[1] === 'rect') {
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(attr(a, k) ?? 0));
      shape(
        rec,
        [
          [tx + x, ty + y],
          [tx + x + w, ty + y],
          [tx + x + w, ty + y + h],
          [tx + x, ty + y + h],
        ],
        fill,
        stroke,
        width,
        true,
      );
      continue;
    }
    for (const p of subpaths(attr(a, 'd') ?? ''))
      shape(
        rec,
        p.points.map(([x, y]) => [x + tx, y + ty] as Pt),
        fill,
        stroke,
        width,
        p.closed,
      );
  }
  rec.add(EMR.eof, ints(0, 16, 20));

  // The header: bounds in device pixels, frame in 0.01 mm at 96 dpi, a reference device of 1920 × 1080 px = 508 × 285.75 mm.
  const body = Buffer.concat(rec.list);
  const header = Buffer.alloc(88);
  header.writeUInt32LE(EMR.header, 0);
  header.writeUInt32LE(88, 4);
  ints(0, 0, width - 1, height - 1, 0, 0, Math.round((width * 2540) / 96), Math.round((height * 2540) / 96)).copy(header, 8);
  header.writeUInt32LE(0x464d4520, 40);
  header.writeUInt32LE(0x10000, 44);
  header.writeUInt32LE(88 + body.length, 48);
  header.writeUInt32LE(rec.list.length + 1, 52);
  header.writeUInt16LE(rec.handles, 56);
  ints(0, 0, 0, 1920, 1080, 508, 286).copy(header, 60);
  return Buffer.concat([header, body]);
}
