/** The recipients list: who was asked and whether they answered — the response-rate indicator's drill. */
import type { RecipientQuery } from '../../../common/schemas/surveys.js';
import type { Call } from '../../core/call.js';
import { manageScope } from './surveys.policy.js';
import * as repo from './surveys.repository.js';

export async function list(call: Call, q: RecipientQuery) {
  let orgPath: string | undefined;
  if (q.orgId) {
    const o = await repo.orgById(call.db, q.orgId);
    if (!o) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    orgPath = o.path;
  }
  const { rows, total } = await repo.listRecipients(
    call.db,
    { scope: manageScope(call.actor), surveyId: q.surveyId, orgPath, category: q.category, answered: q.answered, from: q.from, to: q.to },
    q,
  );
  return {
    items: rows.map((r) => ({
      surveyId: r.survey_id,
      surveyTitle: r.title,
      personId: r.person_id,
      name: r.name,
      orgName: r.org_name,
      category: r.category,
      answered: r.answered === 1,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
