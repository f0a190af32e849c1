/**
 * The worker's unsent appeal, kept in localStorage per account: a phone that loses the
 * page (a call, a reload, a dead battery) gives the text back. The draft also holds its
 * Idempotency-Key, so every attempt to send this one appeal — today or after a reload —
 * carries the same key and the server creates it at most once.
 */
import type { AppealCategory, AppealNature } from '@common/appeals';
import type { UploadedAttachment } from './api';
import { newIdempotencyKey } from '../../shared/idempotency';

export interface DraftValues {
  category?: AppealCategory;
  nature?: AppealNature;
  title?: string;
  description?: string;
  anonymous?: boolean;
}

export interface Draft {
  values: DraftValues;
  attachments: UploadedAttachment[];
  key: string;
  /** When the user last changed it; empty for a fresh draft. */
  savedAt: string;
}

const storageKey = (accountId: string) => `xq.appeals.draft:${accountId}`;

export function freshDraft(): Draft {
  return { values: { nature: 'request', anonymous: false }, attachments: [], key: newIdempotencyKey(), savedAt: '' };
}

export function loadDraft(accountId: string): Draft | null {
  try {
    const raw = localStorage.getItem(storageKey(accountId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (!d || typeof d.key !== 'string' || typeof d.values !== 'object') return null;
    return { values: d.values ?? {}, attachments: Array.isArray(d.attachments) ? d.attachments : [], key: d.key, savedAt: d.savedAt ?? '' };
  } catch {
    return null;
  }
}

export function saveDraft(accountId: string, draft: Draft): void {
  try {
    localStorage.setItem(storageKey(accountId), JSON.stringify(draft));
  } catch {
    /* storage full or disabled: the form still works, only without the safety net */
  }
}

export function clearDraft(accountId: string): void {
  try {
    localStorage.removeItem(storageKey(accountId));
  } catch {
    /* nothing to clear */
  }
}

/** A draft worth restoring: the user typed or attached something. */
export function hasContent(d: Draft): boolean {
  return !!(d.values.title?.trim() || d.values.description?.trim() || d.values.category || d.attachments.length);
}
