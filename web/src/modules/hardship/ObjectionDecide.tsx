import { App, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { useHouseholdAction } from './api';

/** Deciding an objection raised during the notice: upheld ends the application, dismissed lets it be filed. */
export function ObjectionDecide({ profileId, objectionId }: { profileId: string; objectionId: string }) {
  const { t } = useTranslation('hardship');
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const act = useHouseholdAction(profileId);
  const decide = (decision: 'upheld' | 'dismissed') =>
    act.mutate({ action: `objections/${objectionId}/decide`, body: { decision, note } }, { onSuccess: () => void message.success(t('action.done')), onError });
  return (
    <Flex gap={8} wrap>
      <Input placeholder={t('action.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ maxWidth: 260 }} aria-label={t('action.note')} />
      <Button danger disabled={!note} loading={act.isPending} onClick={() => decide('upheld')}>
        {t('detail.upheld')}
      </Button>
      <Button disabled={!note} loading={act.isPending} onClick={() => decide('dismissed')}>
        {t('detail.dismissed')}
      </Button>
    </Flex>
  );
}
