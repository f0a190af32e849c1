import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time';
import type { Session } from './api';

/** A recorded session as the head teacher and the office read it. */
export function SessionView({ session }: { session: Session }) {
  const { t } = useTranslation('moralEducation');
  const held = session.status === 'held';
  return (
    <div data-testid="me-session">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'status',
            label: t('form.status'),
            children: (
              <Tag color={held ? 'green' : 'orange'} data-testid="me-session-status">
                {t(`status.${session.status}`)}
              </Tag>
            ),
          },
          ...(held
            ? [
                { key: 'topic', label: t('form.topic'), children: <span data-testid="me-session-topic">{session.topic}</span> },
                {
                  key: 'presenters',
                  label: t('form.presenters'),
                  children: <span data-testid="me-session-presenters">{session.presenters.map((p) => p.name).join('、') || t('common:none')}</span>,
                },
                ...(session.reflection
                  ? [{ key: 'reflection', label: t('form.reflection'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{session.reflection}</span> }]
                  : []),
              ]
            : [{ key: 'reason', label: t('form.skipReason'), children: <span data-testid="me-session-reason">{session.skipReason}</span> }]),
        ]}
      />
      {session.photoUrl && <img src={session.photoUrl} alt="" className="me-photo" style={{ marginTop: 8 }} data-testid="me-session-photo" />}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        {t('today.recordedBy', { name: session.recordedByName ?? '', time: formatDateTime(session.updatedAt) })}
      </Typography.Text>
    </div>
  );
}
