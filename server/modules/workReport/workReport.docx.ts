/**
 * The report as a .docx, built from core/office/docx (OOXML by hand): A4 with the margins of
 * official documents (GB/T 9704: 37/35/28/26 mm), 仿宋 三号 body, 黑体 headings, tables of the
 * snapshot's real numbers (this period, the previous one, and the target the org's threshold set at
 * generation), and every figure followed by its bracketed reference code, which
 * the appendix (数据附注) resolves to the definition, the counts and the list filters behind it.
 * Each practice's figures of what the period leaves open (indicators declared `aspect: 'open'`) are
 * printed apart, as its 存在问题. Each practice's comparison chart (this period against the previous) is the dashboard's,
 * rendered on the server to SVG and embedded as a picture.
 */
import type { Report, SnapshotFigure } from '../../../common/schemas/workReport.js';
import { chineseOrdinal, formatFigure, formatTarget, moduleLabel, PERIOD_KIND_LABELS, splitOpen } from '../../../common/workReport.js';
import { docxOf, documentOf, para, prose, table, type MediaPart } from '../../core/office/docx.js';
import { svgPicture } from '../../core/office/picture.js';
import { sectionChart } from './workReport.chart.js';
import { sectionsOf } from './workReport.service.js';

/** The ideographic space between the parts of a document's subtitle. */
const WIDE_SPACE = '\u3000';
const fmt = (f: Pick<SnapshotFigure, 'unit'>, value: number | null) => formatFigure(f.unit, value);
const counts = (f: SnapshotFigure) => (f.unit === 'count' ? String(f.numerator) : `${f.numerator} / ${f.denominator}`);
const drillText = (f: SnapshotFigure) =>
  f.drill
    ? `分子：${Object.entries(f.drill.numerator)
        .map(([k, v]) => `${k}=${v}`)
        .join('；')}；分母：${Object.entries(f.drill.denominator)
        .map(([k, v]) => `${k}=${v}`)
        .join('；')}`
    : '该项工作暂无明细列表，按计数留存';

/** Figures in running text: each label, its value and its reference code. */
const lead = (figures: readonly SnapshotFigure[]) => figures.map((f) => `${f.label.zh}${fmt(f, f.value)}[${f.ref}]`).join('，');

/** The document.xml and the pictures it references. */
export function documentParts(r: Report): { xml: string; media: MediaPart[] } {
  const body: string[] = [];
  const media: MediaPart[] = [];
  body.push(para(r.title, { font: '黑体', size: 44, align: 'center' }));
  const versionText = r.status === 'issued' ? `第 ${r.version} 版` : '草稿';
  body.push(
    para([r.orgName, PERIOD_KIND_LABELS[r.kind].zh, `${r.from} 至 ${r.to}`, versionText].join(WIDE_SPACE), { font: '楷体', size: 28, align: 'center' }),
  );
  body.push(para(`文中数据均为 ${(r.generatedAt ?? '').slice(0, 10)} 生成时的快照，方括号内为数据附注编号。`, { size: 24, align: 'center' }));

  const generatedOn = (r.generatedAt ?? '').slice(0, 10);
  let n = 1;
  body.push(para(`${chineseOrdinal(n++)}、总体情况`, { font: '黑体' }));
  body.push(prose(r.narrative.summary, '（总体情况待填写）'));
  for (const s of sectionsOf(r.figures)) {
    body.push(para(`${chineseOrdinal(n++)}、${moduleLabel(s.module).zh}`, { font: '黑体' }));
    const { done, open } = splitOpen(s.figures);
    if (done.length) body.push(para(`本期${lead(done)}。`, { indent: true }));
    body.push(prose(r.narrative.sections[s.module] ?? '', '（工作情况、典型案例和存在问题待填写）'));
    // The notable cases the author picked, as their module worded them (de-identified there).
    for (const [i, c] of (r.narrative.cases?.[s.module] ?? []).entries()) {
      body.push(para(`典型案例${chineseOrdinal(i + 1)}：${c.title}（${c.kind.zh}）`, { font: '楷体', indent: true }));
      body.push(prose(c.summary, ''));
    }
    // What the period leaves open, from the practice's own figures: counted as things stood at generation.
    if (open.length) body.push(para(`存在问题（截至 ${generatedOn}）：${lead(open)}。`, { indent: true }));
    const chart = sectionChart(s.figures);
    if (chart) {
      const n = media.length / 2 + 1;
      const caption = `图 ${n}${WIDE_SPACE}${moduleLabel(s.module).zh}本期与上期对比`;
      const pic = svgPicture(chart.svg, chart.width, chart.height, n, caption);
      body.push(pic.xml, para(caption, { size: 24, align: 'center' }));
      media.push(...pic.media);
    }
    body.push(
      table(
        [2500, 1300, 1300, 1300, 1500, 900],
        ['指标', '本期', '上期', '目标', '分子 / 分母', '附注'],
        s.figures.map((f) => [f.label.zh, fmt(f, f.value), fmt(f, f.previous.value), formatTarget(f.unit, f.target), counts(f), f.ref]),
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

  return { xml: documentOf(body), media };
}

export function reportDocx(r: Report): Promise<Buffer> {
  const { xml, media } = documentParts(r);
  return docxOf(xml, media);
}
