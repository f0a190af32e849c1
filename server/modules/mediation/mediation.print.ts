/**
 * The printable 调解协议书 of a case: parties, the dispute, the claims, the agreed terms and
 * amount, the performance deadline and both parties' signatures as recorded. Server-rendered
 * HTML; every text a person typed goes through `esc`.
 */
import { CLAIM_TYPE_LABELS } from '../../../common/mediation.js';
import type { CaseDetail } from '../../../common/schemas/mediation.js';

const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const cn = (d: string) => `${d.slice(0, 4)} 年 ${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日`;
const money = (y: number | null) => (y === null ? '—' : `${y.toFixed(2)} 元`);

export function renderAgreement(c: CaseDetail): string {
  const a = c.agreement!;
  const claims = c.claims
    .map((k) => `<li>${esc(CLAIM_TYPE_LABELS[k.type].zh)}：${esc(k.description)}${k.amount !== null ? `（${esc(money(k.amount))}）` : ''}</li>`)
    .join('');
  const mediators = c.mediators.map((m) => esc(m.name)).join('、');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>调解协议书 ${esc(c.code)}</title>
<style>
body{font-family:"SimSun","Songti SC",serif;max-width:42em;margin:2em auto;line-height:1.9;font-size:15px}
h1{text-align:center;letter-spacing:.4em;font-size:22px}
.code{text-align:right}
.sign{display:flex;justify-content:space-between;margin-top:3em}
@media print{body{margin:0 auto}}
</style></head><body>
<h1>调解协议书</h1>
<p class="code">编号：${esc(c.code)}</p>
<p>申请人：${esc(c.applicantName)}${c.applicantKind === 'group' ? `（集体申请，涉及职工 ${esc(c.groupSize)} 人）` : ''}，${esc(c.orgName)}</p>
<p>被申请人：${esc(c.respondent)}</p>
<p>争议事项：${esc(c.summary)}</p>
<p>申请人的请求：</p><ol>${claims}</ol>
<p>经本企业劳动争议调解委员会调解员（${mediators || '—'}）主持调解，双方自愿达成如下协议：</p>
<div>${esc(a.terms).replace(/\n/g, '<br>')}</div>
<p>协议金额：${esc(money(a.agreedAmount))}；履行期限：${esc(cn(a.performanceDue))}前。</p>
<p>本协议自双方签字、调解员签名并加盖调解组织印章之日起生效，对双方具有约束力，当事人应当履行（《劳动争议调解仲裁法》第十四条）。因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持调解协议书依法向人民法院申请支付令（第十六条）。</p>
<div class="sign">
<div>申请人（签字）：${esc(c.applicantName)}<br>${esc(cn(a.applicantSignedOn))}</div>
<div>被申请人（签字）：${esc(a.respondentSigner)}<br>${esc(cn(a.respondentSignedOn))}</div>
</div>
<div class="sign"><div>调解员（签名）：${mediators || '—'}</div><div>调解组织（盖章）</div></div>
</body></html>`;
}
