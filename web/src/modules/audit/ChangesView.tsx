import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The recorded change as readable JSON; its shape differs per entity, so no table. */
export function ChangesView({ changes }: { changes: unknown }) {
  const { t } = useTranslation('audit');
  const empty = changes === null || changes === undefined || (typeof changes === 'object' && !Object.keys(changes).length);
  if (empty) return <Typography.Text type="secondary">{t('noChanges')}</Typography.Text>;
  return (
    <pre style={{ margin: 0, maxWidth: '100%', overflowX: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
      {JSON.stringify(changes, null, 2)}
    </pre>
  );
}
