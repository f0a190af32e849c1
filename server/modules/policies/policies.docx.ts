/**
 * A policy text uploaded as .docx: read back to the text the form sends (one line per
 * paragraph) and split by the same parser as pasted text, so the keeper sees the articles
 * before anything is saved. Nothing is stored: the form then adds the policy or its new version.
 */
import type { Call } from '../../core/call.js';
import { forbidden, invalid } from '../../core/errors.js';
import { scopeOf } from '../../core/rbac/actor.js';
import { DocxUnreadable, docxParagraphs } from '../../core/office/docxText.js';
import { POLICY_PERMISSIONS } from '../../../common/policies.js';
import type { DocxText } from '../../../common/schemas/policies.js';
import { parseArticles } from './policies.articles.js';
import { PM } from './policies.messages.js';

/** The longest text a policy holds (CreatePolicyBody.text). */
const MAX_TEXT = 200_000;

/** Only a keeper of some library reads uploads here; which library, the later add checks. */
export function mayKeepSomewhere(call: Call): void {
  const s = scopeOf(call.actor, POLICY_PERMISSIONS.manage);
  if (!s.all && !s.paths.length) throw forbidden();
}

export async function readDocx(call: Call, bytes: Buffer): Promise<DocxText> {
  mayKeepSomewhere(call);
  let paragraphs: string[];
  try {
    paragraphs = await docxParagraphs(bytes);
  } catch (e) {
    if (e instanceof DocxUnreadable) throw invalid('file', PM['policies.docxUnreadable']);
    throw e;
  }
  const text = paragraphs
    .map((p) => p.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length > MAX_TEXT) throw invalid('file', PM['policies.docxTooLong']);
  const articles = parseArticles(text);
  if (!articles.length) throw invalid('file', PM['policies.noArticles']);
  return { text, articles: articles.map((a) => ({ label: a.label, chapter: a.chapter })) };
}
