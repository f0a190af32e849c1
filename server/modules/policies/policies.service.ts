/**
 * The library: add a policy (its text split into articles), add a new version (the old one
 * stays readable, marked superseded), repeal, read, search articles. An amended or repealed
 * version flags every answer and FAQ entry citing it for review, in the same transaction.
 */
import type { Call, WriteCall } from '../../core/call.js';
import { transition } from '../../core/workflow/index.js';
import { holdersOf, notify } from '../../core/notify/index.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { t } from '../../core/i18n/messages.js';
import { newId } from '../../core/ids.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { ArticleHit, CreatePolicyBody, NewVersionBody, PolicyDetail, PolicyListQuery, PolicySummary } from '../../../common/schemas/policies.js';
import { POLICY_PERMISSIONS, type PolicyLevel, type PolicyStatus } from '../../../common/policies.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { parseArticles } from './policies.articles.js';
import { mayManage, reaches, readReach } from './policies.policy.js';
import * as repo from './policies.repository.js';
import type { PolicyTable } from './policies.tables.js';
import { PM } from './policies.messages.js';

export const POLICY_KIND = 'policies.policy';

function summary(r: PolicyTable): PolicySummary {
  return {
    id: r.id,
    seriesId: r.series_id,
    version: r.version,
    title: r.title,
    issuer: r.issuer,
    docNumber: r.doc_number,
    level: r.level as PolicyLevel,
    status: r.status as PolicyStatus,
    effectiveDate: r.effective_date,
    repealDate: r.repeal_date,
    articleCount: r.article_count,
    updatedAt: r.updated_at,
  };
}

async function insert(call: WriteCall, org: { id: string }, body: NewVersionBody, series: { id: string; version: number } | null) {
  const parsed = parseArticles(body.text);
  if (!parsed.length) throw invalid('body.text', PM['policies.noArticles']);
  const id = newId();
  const row: PolicyTable = {
    id,
    org_id: org.id,
    series_id: series?.id ?? id,
    version: series ? series.version + 1 : 1,
    title: body.title,
    issuer: body.issuer,
    doc_number: body.docNumber || null,
    level: body.level,
    status: 'effective',
    effective_date: body.effectiveDate,
    repeal_date: null,
    superseded_by: null,
    article_count: parsed.length,
    created_by: call.actor.accountId,
    created_at: call.iso,
    updated_at: call.iso,
  };
  await repo.insertPolicy(
    call.tx,
    row,
    parsed.map((a) => ({ id: newId(), policy_id: id, seq: a.seq, label: a.label, chapter: a.chapter, body: a.body })),
  );
  return row;
}

export async function create(call: WriteCall, body: CreatePolicyBody): Promise<PolicyDetail> {
  if (!hasPermission(call.actor, POLICY_PERMISSIONS.manage)) throw forbidden();
  const org = await repo.orgById(call.tx, body.orgId);
  if (!org) throw invalid('body.orgId', PM['policies.orgOutOfScope']);
  if (!mayManage(call.actor, org.path)) throw invalid('body.orgId', PM['policies.orgOutOfScope']);
  const row = await insert(call, org, body, null);
  await recordAudit(call.tx, call.ctx, {
    action: 'policy.create',
    entityType: 'policy',
    entityId: row.id,
    orgId: org.id,
    changes: { title: row.title, articles: row.article_count },
  });
  return detailIn(call, row.id);
}

/** Loads a policy the caller may read (404 otherwise). */
async function load(call: Call & { tx?: WriteCall['tx'] }, id: string) {
  const p = await repo.policyById(call.tx ?? call.db, id);
  if (!p || !reaches(readReach(call.actor), p.org_path)) throw notFound();
  return p;
}

/** Loads a policy the caller keeps: 404 when unseen, 403 when only readable. */
async function loadForManage(call: WriteCall, id: string) {
  const p = await load(call, id);
  if (!mayManage(call.actor, p.org_path)) throw forbidden();
  return p;
}

async function flagAndTell(call: WriteCall, p: { id: string; title: string; org_path: string }) {
  const n = await repo.flagCitingQuestions(call.tx, p.id, call.iso);
  if (!n) return;
  const staff = await holdersOf(call.tx, ['unionStaff'], p.org_path);
  await notify(call.tx, {
    accountIds: staff.map((h) => h.accountId),
    kind: 'policies.review',
    title: t('zh-CN', PM['policies.review.title'], { title: p.title }),
    body: t('zh-CN', PM['policies.review.body'], { n }),
    link: `/policies/questions?reviewNeeded=1`,
  });
}

export async function newVersion(call: WriteCall, id: string, body: NewVersionBody): Promise<PolicyDetail> {
  const old = await loadForManage(call, id);
  const row = await insert(call, { id: old.org_id }, body, { id: old.series_id, version: (await repo.versionsOf(call.tx, old.series_id))[0].version });
  await transition(call, {
    kind: POLICY_KIND,
    table: 'policies',
    id: old.id,
    from: ['effective'],
    to: 'superseded',
    patch: { superseded_by: row.id },
    event: 'superseded',
    data: { by: row.id, version: row.version },
    audit: { action: 'policy.newVersion', entityType: 'policy', entityId: old.id, orgId: old.org_id, changes: { newVersion: row.id } },
  });
  await flagAndTell(call, old);
  return detailIn(call, row.id);
}

export async function repeal(call: WriteCall, id: string, body: { repealDate: string; note?: string }): Promise<PolicyDetail> {
  const p = await loadForManage(call, id);
  if (body.repealDate < p.effective_date) throw invalid('body.repealDate', PM['policies.repealBeforeEffective']);
  await transition(call, {
    kind: POLICY_KIND,
    table: 'policies',
    id: p.id,
    from: ['effective'],
    to: 'repealed',
    patch: { repeal_date: body.repealDate },
    event: 'repealed',
    data: { repealDate: body.repealDate, note: body.note ?? null },
    audit: { action: 'policy.repeal', entityType: 'policy', entityId: p.id, orgId: p.org_id, changes: { repealDate: body.repealDate } },
  });
  await flagAndTell(call, p);
  return detailIn(call, p.id);
}

async function detailIn(call: Call & { tx?: WriteCall['tx'] }, id: string): Promise<PolicyDetail> {
  const db = call.tx ?? call.db;
  const p = await load(call, id);
  const [articles, versions] = await Promise.all([repo.articlesOf(db, id), repo.versionsOf(db, p.series_id)]);
  return {
    ...summary(p),
    orgId: p.org_id,
    supersededBy: p.superseded_by,
    articles: articles.map((a) => ({ id: a.id, policyId: a.policy_id, seq: a.seq, label: a.label, chapter: a.chapter, body: a.body })),
    versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status as PolicyStatus, effectiveDate: v.effective_date })),
    canManage: mayManage(call.actor, p.org_path),
  };
}

export function detail(call: Call, id: string): Promise<PolicyDetail> {
  return detailIn(call, id);
}

export async function list(call: Call, q: PolicyListQuery) {
  const { items, total } = await repo.listPolicies(call.db, readReach(call.actor), q);
  return { items: items.map(summary), total, page: q.page, pageSize: q.pageSize };
}

export async function searchArticles(call: Call, q: { q: string; all?: boolean; page: number; pageSize: number }): Promise<{ items: ArticleHit[] }> {
  const rows = await repo.searchArticles(call.db, readReach(call.actor), q.q, q.all ?? false, q.page, q.pageSize);
  return {
    items: rows.map((a) => ({
      id: a.id,
      policyId: a.policy_id,
      seq: a.seq,
      label: a.label,
      chapter: a.chapter,
      body: a.body,
      policyTitle: a.policy_title,
      policyStatus: a.policy_status as PolicyStatus,
      docNumber: a.doc_number,
    })),
  };
}
