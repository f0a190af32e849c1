import { useState } from 'react';
import { App, Button, Flex, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../shared/errors';
import { useReplaceTopic, useRevertTopic, type PlanDay } from './api';

interface Props {
  classId: string;
  day: PlanDay;
  /** Only the head teacher may replace the class's topic, and only before recording. */
  canReplace: boolean;
}

/** The day's theme and topic: the school's, or the class's own replacement. */
export function TopicBox({ classId, day, canReplace }: Props) {
  const { t } = useTranslation('moralEducation');
  const { message } = App.useApp();
  const showError = useShowError();
  const replace = useReplaceTopic(classId);
  const revert = useRevertTopic(classId);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');

  const save = async () => {
    if (!text.trim()) return;
    try {
      await replace.mutateAsync({ date: day.date, topic: text.trim() });
      void message.success(t('common:saved'));
      setEditing(false);
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div className="me-topic" data-testid="me-topic">
      {day.theme && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="me-theme">
          {t('today.theme')}：{day.theme}
        </Typography.Text>
      )}
      <Flex align="center" gap={8} wrap>
        <span className="me-topic-text" data-testid="me-topic-text">
          {day.topic ?? t('today.noTopic')}
        </span>
        {day.replaced && <Tag color="green">{t('today.replaced')}</Tag>}
      </Flex>
      {day.replaced && day.schoolTopic && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('today.schoolTopic', { topic: day.schoolTopic })}
        </Typography.Text>
      )}
      {canReplace && !editing && (
        <Flex gap={8} style={{ marginTop: 6 }}>
          <Button
            size="small"
            type="link"
            style={{ paddingInline: 0 }}
            onClick={() => {
              setText(day.topic ?? '');
              setEditing(true);
            }}
            data-testid="me-topic-replace"
          >
            {t('today.replace')}
          </Button>
          {day.replaced && (
            <Button size="small" type="link" onClick={() => revert.mutateAsync(day.date).catch(showError)} loading={revert.isPending}>
              {t('today.revert')}
            </Button>
          )}
        </Flex>
      )}
      {editing && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Input
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={100}
            placeholder={t('today.replacePlaceholder')}
            data-testid="me-topic-replace-input"
          />
          <Button type="primary" onClick={() => void save()} loading={replace.isPending}>
            {t('common:actions.save')}
          </Button>
          <Button onClick={() => setEditing(false)}>{t('common:actions.cancel')}</Button>
        </Flex>
      )}
    </div>
  );
}
