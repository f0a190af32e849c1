/**
 * The 调解协议书 as a .docx (core/office/docx): the parties, the dispute, each claim with its
 * amount, the agreed terms and amount, the performance deadline, and both parties' signatures
 * with the dates recorded on the case — the same content as the printable page, in the form a
 * committee files and the court accepts with an application for a payment order (§16).
 */
import { CLAIM_TYPE_LABELS } from '../../../common/mediation.js';
import type { CaseDetail } from '../../../common/schemas/mediation.js';
import { docxOf, documentOf, para, prose, table } from '../../core/office/docx.js';

const cn = (d: string) => `${d.slice(0, 4)} 年 ${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日`;
const money = (y: number | null) => (y === null ? '—' : `${y.toFixed(2)} 元`);

export function agreementXml(c: CaseDetail): string {
  const a = c.agreement!;
  const mediators = c.mediators.map((m) => m.name).join('、') || '—';
  const body = [
    para('调解协议书', { font: '黑体', size: 44, align: 'center' }),
    para(`编号：${c.code}`, { size: 28, align: 'right' }),
    para(`申请人：${c.applicantName}${c.applicantKind === 'group' ? `（集体申请，涉及职工 ${c.groupSize} 人）` : ''}，${c.orgName}`),
    para(`被申请人：${c.respondent}`),
    para(`争议事项：${c.summary}`, { indent: true }),
    para('申请人的请求：', { font: '黑体' }),
    table(
      [600, 1800, 4600, 1800],
      ['序号', '类别', '请求内容', '金额'],
      c.claims.map((k, i) => [String(i + 1), CLAIM_TYPE_LABELS[k.type].zh, k.description, money(k.amount)]),
    ),
    para(`请求金额合计：${money(c.claimedAmount)}`),
    para(`经本企业劳动争议调解委员会调解员（${mediators}）主持调解，双方自愿达成如下协议：`, { indent: true }),
    prose(a.terms, '（协议内容）'),
    para(`协议金额：${money(a.agreedAmount)}；履行期限：${cn(a.performanceDue)}前。`, { indent: true }),
    para(
      '本协议自双方签字、调解员签名并加盖调解组织印章之日起生效，对双方具有约束力，当事人应当履行（《劳动争议调解仲裁法》第十四条）。因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持调解协议书依法向人民法院申请支付令（第十六条）。',
      { indent: true },
    ),
    table(
      [4400, 4400],
      ['申请人（签字）', '被申请人（签字）'],
      [
        [c.applicantName, a.respondentSigner],
        [cn(a.applicantSignedOn), cn(a.respondentSignedOn)],
      ],
    ),
    para(`调解员（签名）：${mediators}`),
    para('调解组织（盖章）', { align: 'right' }),
  ];
  return documentOf(body);
}

export function agreementDocx(c: CaseDetail): Promise<Buffer> {
  return docxOf(agreementXml(c));
}
