import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { APPEAL_CATEGORIES, type AppealCategory } from '@common/appeals';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../shared/auth/AuthContext';
import { isApiError } from '../../api/problem';
import { errorText } from '../../shared/problemText';
import { formatDateTime } from '../../shared/time';
import { Field, invalidProps } from '../../shared/light/Field';
import { TextAreaField } from '../../shared/light/TextAreaField';
import { problemFieldErrors, useFieldErrors } from '../../shared/light/fieldErrors';
import { LightFrame, Notice } from '../../shared/light/LightFrame';
import { toast } from '../../shared/light/toast';
import { submitAppeal, type SubmitBody } from './api';
import { AnonymitySwitch } from './AnonymitySwitch';
import { clearDraft, freshDraft, hasContent, loadDraft, saveDraft, type Draft, type DraftValues } from './draft';
import { newIdempotencyKey } from '../../shared/idempotency';
import { LightAttachments } from './LightAttachments';
import { SubmitFailure, type Failure } from './SubmitFailure';

/** Lost answers (no response, a gateway error) may still have reached the server: retry with the same key. */
const isTransient = (err: unknown) => isApiError(err) && (err.status === 0 || err.status >= 500);

/**
 * 提诉求 on the light phone path (no antd; docs/architecture.md): a worker on a weak mine
 * network gets the form after the smallest download. The draft, its Idempotency-Key and the
 * retry after a lost answer work as before.
 */
export default function SubmitPage() {
  const { t } = useTranslation('appeals');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { session } = useAuth();
  const accountId = session?.account.id ?? 'anonymous';
  const { errors, setErrors, clear } = useFieldErrors();

  const restored = useMemo(() => {
    const d = loadDraft(accountId);
    return d && hasContent(d) ? d : null;
  }, [accountId]);
  const [draft, setDraft] = useState<Draft>(() => restored ?? freshDraft());
  const [restoredAt, setRestoredAt] = useState(restored?.savedAt);
  const [busyUploading, setBusyUploading] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  // The exact body of the last attempt: a retry must send the same bytes under the same key.
  const [pending, setPending] = useState<SubmitBody | null>(null);
  const values = draft.values;

  const update = useCallback(
    (patch: (d: Draft) => Partial<Draft>) =>
      setDraft((d) => {
        const next = { ...d, ...patch(d), savedAt: new Date().toISOString() };
        saveDraft(accountId, next);
        return next;
      }),
    [accountId],
  );
  const set = <K extends keyof DraftValues>(name: K, value: DraftValues[K]) => {
    update((d) => ({ values: { ...d.values, [name]: value } }));
    clear(name);
  };

  const send = async (body: SubmitBody, key: string) => {
    setSending(true);
    setFailure(null);
    try {
      const appeal = await submitAppeal(body, key);
      clearDraft(accountId);
      void queryClient.invalidateQueries({ queryKey: ['appeals', 'list'] });
      toast(t('submit.submitted', { code: appeal.code }));
      navigate(`/appeals/${appeal.id}`, { replace: true });
    } catch (err) {
      if (isTransient(err)) setFailure('network');
      else if (isApiError(err) && err.code === 'idempotency_mismatch') setFailure('mismatch');
      else {
        setErrors(problemFieldErrors(err));
        toast(errorText(err, t), 'error');
      }
    } finally {
      setSending(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing = {
      category: values.category ? undefined : t('submit.categoryRequired'),
      title: values.title?.trim() ? undefined : t('submit.titleRequired'),
      description: values.description?.trim() ? undefined : t('submit.descriptionRequired'),
    };
    if (missing.category || missing.title || missing.description) return setErrors(missing);
    if (busyUploading) return toast(t('submit.uploading'), 'error');
    const body: SubmitBody = {
      category: values.category!,
      nature: values.nature ?? 'request',
      title: values.title!.trim(),
      description: values.description!.trim(),
      anonymous: !!values.anonymous,
      attachmentIds: draft.attachments.map((a) => a.id),
    };
    setPending(body);
    void send(body, draft.key);
  };

  const submitAsNew = () => {
    if (!pending) return;
    const key = newIdempotencyKey();
    update(() => ({ key }));
    void send(pending, key);
  };

  const startOver = () => {
    clearDraft(accountId);
    setDraft(freshDraft());
    setPending(null);
    setFailure(null);
    setRestoredAt(undefined);
    setErrors({});
    setConfirmClear(false);
  };

  const title = values.title ?? '';
  const description = values.description ?? '';
  return (
    <LightFrame title={t('submit.title')}>
      <div className="lt-card">
        <p className="lt-muted" style={{ marginTop: 0 }}>
          {t('submit.intro')}
        </p>
        {restoredAt && <Notice title={t('submit.draftRestored', { time: formatDateTime(restoredAt) })} testId="appeal-draft-restored" />}
        <form onSubmit={onSubmit} noValidate>
          <fieldset className="lt-field" disabled={sending} {...invalidProps('appeal-category', errors.category)}>
            <legend className="lt-label">{t('submit.category')}</legend>
            <div className="lt-choices" data-testid="appeal-category">
              {APPEAL_CATEGORIES.map((c) => (
                <label key={c} className="lt-choice">
                  <input type="radio" name="category" value={c} checked={values.category === c} onChange={() => set('category', c as AppealCategory)} />
                  <span>{t(`enums.category.${c}`)}</span>
                </label>
              ))}
            </div>
            {errors.category && (
              <div className="lt-error" id="appeal-category-error" role="alert" data-testid="field-error">
                {errors.category}
              </div>
            )}
          </fieldset>
          <fieldset className="lt-field" disabled={sending} data-testid="appeal-nature">
            <legend className="lt-label">{t('submit.nature')}</legend>
            {(['request', 'consultation'] as const).map((n) => (
              <label key={n} className="lt-inline-choice">
                <input type="radio" name="nature" value={n} checked={(values.nature ?? 'request') === n} onChange={() => set('nature', n)} />
                {n === 'request' ? t('submit.natureRequest') : t('submit.natureConsultation')}
              </label>
            ))}
          </fieldset>
          <Field id="appeal-title" label={t('submit.titleLabel')} error={errors.title} count={`${title.length} / 60`}>
            <input
              id="appeal-title"
              className="lt-input"
              maxLength={60}
              value={title}
              disabled={sending}
              placeholder={t('submit.titlePlaceholder')}
              onChange={(e) => set('title', e.target.value)}
              data-testid="appeal-title"
              {...invalidProps('appeal-title', errors.title)}
            />
          </Field>
          <TextAreaField
            id="appeal-description"
            label={t('submit.description')}
            error={errors.description}
            counted
            maxLength={2000}
            rows={5}
            value={description}
            disabled={sending}
            placeholder={t('submit.descriptionPlaceholder')}
            onChange={(v) => set('description', v)}
          />
          <div className="lt-field">
            <div className="lt-label">{t('submit.attachments')}</div>
            <LightAttachments
              value={draft.attachments}
              onAdd={(a) => update((d) => ({ attachments: [...d.attachments, a] }))}
              onRemove={(id) => update((d) => ({ attachments: d.attachments.filter((a) => a.id !== id) }))}
              onBusyChange={setBusyUploading}
              disabled={sending}
            />
            {errors.attachmentIds && (
              <div className="lt-error" role="alert">
                {errors.attachmentIds}
              </div>
            )}
          </div>
          <AnonymitySwitch value={!!values.anonymous} onChange={(v) => set('anonymous', v)} disabled={sending} />

          <SubmitFailure failure={failure} sending={sending} onRetry={() => pending && void send(pending, draft.key)} onSubmitAsNew={submitAsNew} />

          <div className="lt-row">
            <button type="submit" className="lt-btn lt-btn-primary" style={{ flex: '1 1 200px' }} disabled={sending} data-testid="appeal-submit">
              {sending ? t('submit.submitting') : t('submit.submit')}
            </button>
            {!confirmClear ? (
              <button type="button" className="lt-btn" disabled={sending} onClick={() => setConfirmClear(true)} data-testid="appeal-clear">
                {t('submit.clearDraft')}
              </button>
            ) : (
              <span className="lt-row" role="group" aria-label={t('submit.clearConfirm')}>
                <span>{t('submit.clearConfirm')}</span>
                <button type="button" className="lt-btn lt-btn-small lt-btn-danger" onClick={startOver} data-testid="appeal-clear-confirm">
                  {t('common:actions.ok')}
                </button>
                <button type="button" className="lt-btn lt-btn-small" onClick={() => setConfirmClear(false)}>
                  {t('common:actions.cancel')}
                </button>
              </span>
            )}
          </div>
          {draft.savedAt && (
            <div className="lt-muted lt-small" style={{ marginTop: 8 }}>
              {t('submit.draftSaved')}
            </div>
          )}
        </form>
      </div>
    </LightFrame>
  );
}
