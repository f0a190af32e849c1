import { useState } from 'react';
import { App, Button } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/AuthContext';
import { revealPhone } from './api';

/**
 * A phone as the server sent it. A teacher sees it masked; "拨打" asks the server for this one
 * number (the server audits each reveal) and hands it straight to the phone's dialler.
 */
export function PhoneCell({ personId, phone }: { personId: string; phone: string | null }) {
  const { t } = useTranslation('people');
  const { can } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!phone) return null;
  if (!phone.includes('*') || !can('people.call')) return <span>{phone}</span>;
  const call = async () => {
    setBusy(true);
    try {
      const full = await revealPhone(personId);
      if (full) window.location.href = `tel:${full}`;
    } catch {
      void message.error(t('call.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span>
      {phone}{' '}
      <Button size="small" type="link" icon={<PhoneOutlined />} loading={busy} onClick={call} title={t('call.hint')} data-testid="people-call">
        {t('call.action')}
      </Button>
    </span>
  );
}
