import { useState } from 'react';
import { App, Button, Flex, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionModal, optional } from './ActionModal';
import { revealAuthor, useAppealAction, type AppealDetail, type RevealResult } from './api';
import { AnswerField, AssignFields, NoteField, TextField, UrgencyNatureFields, useNoteField } from './ActionFields';
import { useAppealOptions } from './labels';
import { MergePicker } from './MergePicker';
import { TextActionModal } from './TextActionModal';

/** The buttons, in the order a case usually moves; each shows only when the server lists it. */
const ORDER = ['accept', 'assign', 'answer', 'note', 'setUrgency', 'requestExtension', 'merge', 'supervise', 'close', 'decline', 'reveal'] as const;
type ActionKey = (typeof ORDER)[number];

const PATHS: Record<Exclude<ActionKey, 'reveal'>, string> = {
  accept: 'accept',
  assign: 'assign',
  answer: 'answer',
  note: 'notes',
  setUrgency: 'urgency',
  requestExtension: 'extensions',
  merge: 'merge',
  supervise: 'supervise',
  close: 'close',
  decline: 'decline',
};

interface Props {
  appeal: AppealDetail;
  onRevealed: (who: RevealResult) => void;
}

/** What union staff and handlers can do to the appeal right now. */
export function visibleActions(appeal: AppealDetail): ActionKey[] {
  return ORDER.filter((a) => {
    if (!appeal.abilities.includes(a)) return false;
    // The server refuses supervising an appeal that is not overdue; do not offer it.
    if (a === 'supervise') return appeal.light === 'red';
    return true;
  });
}

export function AppealActions({ appeal, onRevealed }: Props) {
  const { t } = useTranslation('appeals');
  const { message } = App.useApp();
  const reasonOptions = useAppealOptions('declineReason');
  const noteField = useNoteField();
  const action = useAppealAction(appeal.id);
  const [current, setCurrent] = useState<ActionKey | null>(null);
  const actions = visibleActions(appeal);
  if (!actions.length) return null;

  const run = async (key: Exclude<ActionKey, 'reveal'>, body: object) => {
    await action.mutateAsync({ path: PATHS[key], body });
    void message.success(t('actions.success', { action: t(`actions.${key}`) }));
  };
  const primary: ActionKey | undefined = actions.find((a) => a === 'accept' || a === 'answer' || a === 'assign');
  const close = () => setCurrent(null);

  return (
    <>
      <Flex wrap gap={8} data-testid="appeal-actions">
        {actions.map((a) => (
          <Button key={a} type={a === primary ? 'primary' : 'default'} danger={a === 'decline'} onClick={() => setCurrent(a)} data-testid={`action-${a}`}>
            {t(`actions.${a}`)}
          </Button>
        ))}
      </Flex>

      <ActionModal<{ urgency: string; nature: string; note?: string }>
        open={current === 'accept'}
        title={t('actions.acceptTitle')}
        hint={t('actions.acceptHint')}
        initialValues={{ urgency: appeal.urgency, nature: appeal.nature }}
        onClose={close}
        onSubmit={(v) => run('accept', { urgency: v.urgency, nature: v.nature, note: optional(v.note) })}
        testId="modal-accept"
      >
        {() => (
          <>
            <UrgencyNatureFields />
            <NoteField />
          </>
        )}
      </ActionModal>

      <ActionModal<{ reason: string; explanation: string }>
        open={current === 'decline'}
        title={t('actions.declineTitle')}
        danger
        onClose={close}
        onSubmit={(v) => run('decline', { reason: v.reason, explanation: v.explanation.trim() })}
        testId="modal-decline"
      >
        {() => (
          <>
            <Form.Item name="reason" label={t('actions.declineReason')} rules={[{ required: true, message: t('actions.reasonRequired') }]}>
              <Select options={reasonOptions} />
            </Form.Item>
            <TextField name="explanation" label={t('actions.declineExplanation')} required={t('actions.reasonRequired')} maxLength={2000} minRows={3} />
          </>
        )}
      </ActionModal>

      <ActionModal<{ urgency: string; nature: string }>
        open={current === 'setUrgency'}
        title={t('actions.urgencyTitle')}
        hint={t('actions.urgencyHint')}
        initialValues={{ urgency: appeal.urgency, nature: appeal.nature }}
        onClose={close}
        onSubmit={(v) => run('setUrgency', v)}
        testId="modal-urgency"
      >
        {() => <UrgencyNatureFields />}
      </ActionModal>

      <ActionModal<{ departmentId: string; note?: string }>
        open={current === 'assign'}
        title={t('actions.assignTitle')}
        hint={t('actions.assignHint')}
        initialValues={{ departmentId: appeal.department?.id }}
        onClose={close}
        onSubmit={(v) => run('assign', { departmentId: v.departmentId, note: optional(v.note) })}
        testId="modal-assign"
      >
        {() => <AssignFields />}
      </ActionModal>

      <ActionModal<{ answer: string }>
        open={current === 'answer'}
        title={t('actions.answerTitle')}
        onClose={close}
        onSubmit={(v) => run('answer', { answer: v.answer.trim() })}
        testId="modal-answer"
      >
        {() => <AnswerField testId="answer-text" />}
      </ActionModal>

      <TextActionModal
        open={current === 'note'}
        title={t('actions.noteTitle')}
        field={{ name: 'note', label: t('actions.progressLabel'), required: t('actions.noteRequired'), maxLength: 2000, minRows: 3, testId: 'note-text' }}
        onClose={close}
        onSubmit={(note) => run('note', { note })}
        testId="modal-note"
      />

      <ActionModal<{ days: number; reason: string }>
        open={current === 'requestExtension'}
        title={t('actions.extensionTitle')}
        initialValues={{ days: 3 }}
        onClose={close}
        onSubmit={(v) => run('requestExtension', { days: v.days, reason: v.reason.trim() })}
        testId="modal-extension"
      >
        {() => (
          <>
            <Form.Item name="days" label={t('actions.extensionDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={30} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <TextField name="reason" label={t('actions.extensionReason')} required={t('actions.reasonRequired')} maxLength={500} minRows={2} />
          </>
        )}
      </ActionModal>

      <ActionModal<{ duplicateIds: string[] }>
        open={current === 'merge'}
        title={t('actions.mergeTitle')}
        hint={t('actions.mergeHint')}
        onClose={close}
        onSubmit={(v) => run('merge', { duplicateIds: v.duplicateIds })}
        testId="modal-merge"
      >
        {() => (
          <Form.Item name="duplicateIds" rules={[{ required: true, type: 'array', min: 1, message: t('actions.mergeRequired') }]}>
            <MergePicker excludeId={appeal.id} />
          </Form.Item>
        )}
      </ActionModal>

      <TextActionModal
        open={current === 'supervise'}
        title={t('actions.superviseTitle')}
        field={{ name: 'note', required: t('actions.noteRequired'), maxLength: 1000, minRows: 3 }}
        onClose={close}
        onSubmit={(note) => run('supervise', { note })}
        testId="modal-supervise"
      />

      <TextActionModal
        open={current === 'close'}
        title={t('actions.closeTitle')}
        hint={t('actions.closeHint')}
        field={noteField}
        onClose={close}
        onSubmit={(note) => run('close', { note: optional(note) })}
        testId="modal-close"
      />

      <TextActionModal
        open={current === 'reveal'}
        title={t('actions.revealTitle')}
        hint={t('actions.revealHint')}
        danger
        field={{ name: 'reason', label: t('actions.revealReason'), required: t('actions.reasonRequired'), maxLength: 500, minRows: 2 }}
        onClose={close}
        onSubmit={async (reason) => onRevealed(await revealAuthor(appeal.id, reason))}
        testId="modal-reveal"
      />
    </>
  );
}
