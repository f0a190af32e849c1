/**
 * Fields shared by the dialogs that act on one appeal and on a group alert: assigning to a
 * department, answering, and giving a reason or a note read and check the same way in all.
 */
import type { ReactNode } from 'react';
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { DepartmentSelect } from './DepartmentSelect';
import { useAppealOptions } from './labels';

/** A required text: blank or whitespace-only is refused in the field, before any request. */
export const requiredText = (message: string) => [{ required: true, whitespace: true, message }];

export interface TextFieldProps {
  /** The body field the server names in a refusal, so the refusal lands under this box. */
  name: string;
  label?: ReactNode;
  /** The message when left blank; without it the text may be left out. */
  required?: string;
  maxLength: number;
  minRows: number;
  testId?: string;
}

/** The free text of an act: a reason, a note, an explanation. */
export function TextField({ name, label, required, maxLength, minRows, testId }: TextFieldProps) {
  return (
    <Form.Item name={name} label={label} rules={required ? requiredText(required) : undefined}>
      <Input.TextArea maxLength={maxLength} autoSize={{ minRows }} data-testid={testId} />
    </Form.Item>
  );
}

/** The optional note that goes with an act (accepting, closing, confirming, assigning). */
export function useNoteField(): TextFieldProps {
  const { t } = useTranslation('appeals');
  return { name: 'note', label: t('actions.noteOptional'), maxLength: 500, minRows: 2 };
}

export function NoteField() {
  return <TextField {...useNoteField()} />;
}

export function AssignFields() {
  const { t } = useTranslation('appeals');
  return (
    <>
      <Form.Item name="departmentId" label={t('actions.assignDepartment')} rules={[{ required: true, message: t('actions.assignDepartmentRequired') }]}>
        <DepartmentSelect />
      </Form.Item>
      <NoteField />
    </>
  );
}

/** How urgent the case is and what kind it is: set on accepting, changed later on their own. */
export function UrgencyNatureFields() {
  const { t } = useTranslation('appeals');
  const urgencyOptions = useAppealOptions('urgency');
  const natureOptions = useAppealOptions('nature');
  return (
    <>
      <Form.Item name="urgency" label={t('fields.urgency')}>
        <Radio.Group optionType="button" options={urgencyOptions} />
      </Form.Item>
      <Form.Item name="nature" label={t('fields.nature')}>
        <Radio.Group options={natureOptions} />
      </Form.Item>
    </>
  );
}

export function AnswerField({ testId }: { testId?: string }) {
  const { t } = useTranslation('appeals');
  return (
    <Form.Item name="answer" label={t('detail.answer')} rules={requiredText(t('actions.noteRequired'))}>
      <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 5 }} placeholder={t('actions.answerPlaceholder')} data-testid={testId} />
    </Form.Item>
  );
}
