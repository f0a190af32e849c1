import { useEffect } from 'react';
import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { PhraseChips } from './PhraseChips';
import { validFields } from '../../shared/validFields';

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

/**
 * The writing half of a page. The main text is what the reader cares about most, so it is
 * the only required field; suggestion and encouragement may stay empty.
 */
export function SideForm({ side, initial, phrases, saving, onSave, withNext, onCancel, testId }: Props) {
  const { t } = useTranslation('heartBridge');
  const [form] = Form.useForm<SideValues>();
  const onError = useFormErrorHandler(form);
  const main = side === 'school' ? 'atSchool' : 'atHome';

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(initial ?? { main: '', suggestion: '', encouragement: '' });
  }, [form, initial]);

  const submit = async (then?: 'next') => {
    const v = await validFields(form);
    if (!v) return;
    try {
      await onSave({ main: v.main.trim(), suggestion: (v.suggestion ?? '').trim(), encouragement: (v.encouragement ?? '').trim() }, then);
    } catch (err) {
      // Field errors come back as body.atSchool / body.atHome: map them onto "main".
      onError(renameField(err, main));
    }
  };

  const pick = (p: string) => {
    const cur = (form.getFieldValue('encouragement') as string | undefined)?.trim() ?? '';
    form.setFieldValue('encouragement', cur && !cur.includes(p) ? `${cur}${p}` : p);
  };

  return (
    <Form form={form} layout="vertical" className={`hb-form hb-side hb-side-${side}`} data-testid={testId} requiredMark={false}>
      <Form.Item
        name="main"
        label={t(`fields.${main}`)}
        rules={[{ required: true, whitespace: true, message: t('common:form.required', { field: t(`fields.${main}`) }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount placeholder={t(`fields.${main}Placeholder`)} data-testid={`${testId}-main`} />
      </Form.Item>
      <Form.Item name="suggestion" label={side === 'school' ? t('fields.schoolSuggestion') : t('fields.homeSuggestion')}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 5 }}
          maxLength={500}
          placeholder={side === 'school' ? t('fields.schoolSuggestionPlaceholder') : t('fields.homeSuggestionPlaceholder')}
          data-testid={`${testId}-suggestion`}
        />
      </Form.Item>
      <Form.Item
        name="encouragement"
        label={side === 'school' ? t('fields.schoolEncouragement') : t('fields.homeEncouragement')}
        extra={<PhraseChips phrases={phrases} onPick={pick} />}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} placeholder={t('fields.encouragementPlaceholder')} data-testid={`${testId}-encouragement`} />
      </Form.Item>
      <Flex gap={8} wrap justify="flex-end">
        {onCancel && <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>}
        <Button type={withNext ? 'default' : 'primary'} loading={saving} onClick={() => void submit()} data-testid={`${testId}-submit`} size="large">
          {side === 'school' ? t('saveSchool') : t('submitHome')}
        </Button>
        {withNext && (
          <Button type="primary" loading={saving} onClick={() => void submit('next')} data-testid={`${testId}-save-next`} size="large">
            {t('saveNext')}
          </Button>
        )}
      </Flex>
    </Form>
  );
}

/** The server names the real field; the form calls it "main". */
function renameField(err: unknown, name: string): unknown {
  const e = err as { problem?: { errors?: { field: string; message: string }[] } };
  if (!e?.problem?.errors) return err;
  for (const f of e.problem.errors) if (f.field === `body.${name}`) f.field = 'body.main';
  return err;
}
