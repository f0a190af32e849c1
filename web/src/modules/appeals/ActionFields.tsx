/**
 * Fields shared by the dialogs that act on one appeal and on a group alert: assigning to a
 * department and answering read and check the same way in both.
 */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DepartmentSelect } from './DepartmentSelect';

/** A required text: blank or whitespace-only is refused in the field, before any request. */
export const requiredText = (message: string) => [{ required: true, whitespace: true, message }];

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

/** An optional note that goes with the act (closing, confirming, assigning). */
export function NoteField() {
  const { t } = useTranslation('appeals');
  return (
    <Form.Item name="note" label={t('actions.noteOptional')}>
      <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
    </Form.Item>
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
