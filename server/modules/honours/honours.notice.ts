/**
 * A published award made public as a transparent notice (厂务公开) to the honour's whole org, in
 * the same transaction as the publication: the notice's hash chain then records when the union
 * made the award known, and a revoke withdraws that notice — a withdrawal entry in the chain,
 * so the record of what was said and when it was taken back both stay.
 */
import type { WriteCall } from '../../core/call.js';
import { publishNotice, withdrawNoticesOf } from '../notices/index.js';
import { hq } from './honours.tables.js';

const SOURCE_KIND = 'honours.nomination';

export async function publishAwardNotice(call: WriteCall, nominationId: string): Promise<{ id: string }> {
  const n = await hq(call.tx)
    .selectFrom('honour_nominations as n')
    .innerJoin('honours as h', 'h.id', 'n.honour_id')
    .innerJoin('orgs as t', 't.id', 'n.team_id')
    .innerJoin('orgs as u', 'u.id', 'n.unit_id')
    .select(['h.org_id', 'h.name as honour', 't.name as team', 'u.name as unit', 'n.record'])
    .where('n.id', '=', nominationId)
    .executeTakeFirstOrThrow();
  return publishNotice(call, {
    orgId: n.org_id,
    title: `关于授予${n.unit}${n.team}“${n.honour}”称号的决定`,
    body: `经单位推荐、工会审核（一票否决情形自动检查未发现问题）和评定，决定授予${n.unit}${n.team}“${n.honour}”称号。\n\n主要事迹：${n.record}`,
    kind: 'adHoc',
    source: { kind: SOURCE_KIND, id: nominationId, label: `${n.honour} · ${n.team}` },
  });
}

/** The award's notice, when it was published, is withdrawn with the revoke's reason. */
export async function withdrawAwardNotice(call: WriteCall, nominationId: string, reason: string): Promise<string[]> {
  return withdrawNoticesOf(call, { kind: SOURCE_KIND, id: nominationId }, `撤销称号：${reason}`);
}
