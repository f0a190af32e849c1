import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedToken } from './api';

/** The secret is shown once, here; closing the dialog forgets it. */
export function NewTokenModal({ token, onClose }: { token: CreatedToken | null; onClose: () => void }) {
  const { t } = useTranslation('account');
  return (
    <Modal
      open={!!token}
      title={t('tokens.newTitle')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('tokens.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('tokens.newWarning')} style={{ marginBottom: 16 }} />
      {token && (
        <>
          <Typography.Text strong>{token.name}</Typography.Text>
          <Typography.Paragraph code copyable={{ text: token.token }} style={{ wordBreak: 'break-all', marginTop: 8 }} data-testid="token-value">
            {token.token}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
