import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/problemText';
import { TextAreaField } from '../../shared/light/TextAreaField';
import { problemFieldErrors, useFieldErrors } from '../../shared/light/fieldErrors';
import { toast } from '../../shared/light/toast';
import { PhraseChips } from './PhraseChips';
import '../../shared/light/light.css';

export interface SideValues {
  main: string;
  suggestion: string;
  encouragement: string;
}

interface Props {
  side: 'school' | 'home';
  initial: SideValues | null;
  phrases: string[] | undefined;
  saving: boolean;
  /** Resolves when saved; a rejection is shown on the form. */
  onSave: (v: SideValues, then?: 'next') => Promise<void>;
  /** Offer "save and next student" (teachers walking the class). */
  withNext?: boolean;
  onCancel?: () => void;
  testId: string;
}

const EMPTY: SideValues = { main: '', suggestion: '', encouragement: '' };

/**
 * The writing half of a page, in plain markup (a parent's week is on the light phone path).
 * The main text is what the reader cares about most, so it is the only required field;
 * suggestion and encouragement may stay empty.
 */
export function SideForm({ side, initial, phrases, saving, onSave, withNext, onCancel, testId }: Props) {
  const { t } = useTranslation('heartBridge');
  const [values, setValues] = useState<SideValues>(initial ?? EMPTY);
  const { errors, setErrors, clear } = useFieldErrors();
  const main = side === 'school' ? 'atSchool' : 'atHome';
  const id = (f: keyof SideValues) => `${testId}-${f}`;

  useEffect(() => {
    setValues(initial ?? EMPTY);
    setErrors({});
  }, [initial, setErrors]);

  const set = (f: keyof SideValues, v: string) => {
    setValues((cur) => ({ ...cur, [f]: v }));
    clear(f);
  };

  const submit = async (then?: 'next') => {
    if (!values.main.trim()) return setErrors({ main: t('common:form.required', { field: t(`fields.${main}`) }) });
    try {
      await onSave({ main: values.main.trim(), suggestion: values.suggestion.trim(), encouragement: values.encouragement.trim() }, then);
    } catch (err) {
      // Field errors come back as body.atSchool / body.atHome: the form calls it "main".
      const { [main]: mainError, ...rest } = problemFieldErrors(err);
      setErrors({ ...rest, main: mainError });
      toast(errorText(err, t), 'error');
    }
  };

  const pick = (p: string) => {
    const cur = values.encouragement.trim();
    set('encouragement', cur && !cur.includes(p) ? `${cur}${p}` : p);
  };

  return (
    <form
      className={`hb-form hb-side hb-side-${side}`}
      data-testid={testId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <TextAreaField
        id={id('main')}
        label={t(`fields.${main}`)}
        error={errors.main}
        counted
        rows={3}
        maxLength={1000}
        value={values.main}
        onChange={(v) => set('main', v)}
        placeholder={t(`fields.${main}Placeholder`)}
        testId={`${testId}-main`}
      />
      <TextAreaField
        id={id('suggestion')}
        label={side === 'school' ? t('fields.schoolSuggestion') : t('fields.homeSuggestion')}
        error={errors.suggestion}
        rows={2}
        maxLength={500}
        value={values.suggestion}
        onChange={(v) => set('suggestion', v)}
        placeholder={side === 'school' ? t('fields.schoolSuggestionPlaceholder') : t('fields.homeSuggestionPlaceholder')}
        testId={`${testId}-suggestion`}
      />
      <TextAreaField
        id={id('encouragement')}
        label={side === 'school' ? t('fields.schoolEncouragement') : t('fields.homeEncouragement')}
        error={errors.encouragement}
        hint={<PhraseChips phrases={phrases} onPick={pick} />}
        rows={2}
        maxLength={300}
        value={values.encouragement}
        onChange={(v) => set('encouragement', v)}
        placeholder={t('fields.encouragementPlaceholder')}
        testId={`${testId}-encouragement`}
      />
      <div className="lt-row" style={{ justifyContent: 'flex-end' }}>
        {onCancel && (
          <button type="button" className="lt-btn" onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
        )}
        <button type="submit" className={`lt-btn${withNext ? '' : ' lt-btn-primary'}`} disabled={saving} data-testid={`${testId}-submit`}>
          {side === 'school' ? t('saveSchool') : t('submitHome')}
        </button>
        {withNext && (
          <button type="button" className="lt-btn lt-btn-primary" disabled={saving} onClick={() => void submit('next')} data-testid={`${testId}-save-next`}>
            {t('saveNext')}
          </button>
        )}
      </div>
    </form>
  );
}
