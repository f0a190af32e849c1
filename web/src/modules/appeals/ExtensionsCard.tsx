import { useState } from 'react';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time';
import { optional } from './ActionModal';
import { useNoteField } from './ActionFields';
import { useAppealAction, type AppealDetail, type AppealExtension } from './api';
import { useAppealLabel } from './labels';
import { TextActionModal } from './TextActionModal';

const COLORS: Record<string, string> = { pending: 'orange', approved: 'green', rejected: 'red' };

/** Handlers' extension requests; union staff approve or reject the pending one. */
export function ExtensionsCard({ appeal }: { appeal: AppealDetail }) {
  const { t } = useTranslation('appeals');
  const { message } = App.useApp();
  const label = useAppealLabel();
  const action = useAppealAction(appeal.id);
  const [deciding, setDeciding] = useState<{ ext: AppealExtension; approve: boolean } | null>(null);
  const noteField = useNoteField();
  if (!appeal.extensions.length) return null;
  const mayDecide = appeal.abilities.includes('decideExtension');

  return (
    <Card title={t('detail.extensions')} size="small" data-testid="appeal-extensions">
      <Flex vertical gap={12}>
        {appeal.extensions.map((x) => (
          <div key={x.id}>
            <Flex wrap gap={8} align="center">
              <Tag color={COLORS[x.status]} style={{ marginInlineEnd: 0 }}>
                {label('extensionStatus', x.status)}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(x.requestedAt)}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '4px 0' }}>{t('detail.extensionLine', { days: x.days, reason: x.reason })}</Typography.Paragraph>
            {x.newDeadline && <Typography.Text type="secondary">{t('detail.extensionNewDeadline', { date: x.newDeadline })}</Typography.Text>}
            {x.decisionNote && <Typography.Paragraph type="secondary">{x.decisionNote}</Typography.Paragraph>}
            {mayDecide && x.status === 'pending' && (
              <Flex gap={8} style={{ marginTop: 4 }}>
                <Button size="small" type="primary" onClick={() => setDeciding({ ext: x, approve: true })} data-testid="extension-approve">
                  {t('actions.approve')}
                </Button>
                <Button size="small" danger onClick={() => setDeciding({ ext: x, approve: false })} data-testid="extension-reject">
                  {t('actions.reject')}
                </Button>
              </Flex>
            )}
          </div>
        ))}
      </Flex>
      <TextActionModal
        open={!!deciding}
        title={deciding?.approve ? t('actions.approveTitle') : t('actions.rejectTitle')}
        danger={!deciding?.approve}
        field={noteField}
        onClose={() => setDeciding(null)}
        onSubmit={async (note) => {
          if (!deciding) return;
          await action.mutateAsync({
            path: `extensions/${deciding.ext.id}/${deciding.approve ? 'approve' : 'reject'}`,
            body: { note: optional(note) },
          });
          void message.success(t('actions.success', { action: deciding.approve ? t('actions.approve') : t('actions.reject') }));
        }}
      />
    </Card>
  );
}
