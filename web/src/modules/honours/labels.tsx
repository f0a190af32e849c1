import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  submitted: 'blue',
  recommended: 'cyan',
  disqualified: 'red',
  rejected: 'default',
  awarded: 'gold',
  published: 'green',
  revoked: 'default',
};

export function NominationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation('honours');
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

export function ReasonTags({ reasons }: { reasons: string[] }) {
  const { t } = useTranslation('honours');
  return (
    <>
      {reasons.map((r) => (
        <Tag key={r} color="red">
          {t(`reason.${r}`)}
        </Tag>
      ))}
    </>
  );
}
