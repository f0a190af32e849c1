import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useExplainPrompts } from './api';
import { topicLabel } from './labels';

/** Above the staff queue: topics several workers asked about lately, each with its questions, so one explanation answers them. */
export function ExplainPrompts() {
  const { t } = useTranslation('policies');
  const { data } = useExplainPrompts(true);
  if (!data?.items.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="explain-prompts"
      message={t('explain.title')}
      description={
        <Flex vertical gap={4}>
          {data.items.map((p) => (
            <div key={p.questions[0].id}>
              {t('explain.item', {
                days: data.windowDays,
                n: p.askers,
                words: p.keywords.join(' · ') || p.questions[0].title,
                topic: topicLabel(p.topic),
                first: p.firstAsked,
                last: p.lastAsked,
              })}{' '}
              <Link to={`/policies/questions/${(p.questions.find((q) => q.status === 'answered') ?? p.questions[0]).id}`}>{t('explain.open')}</Link>
            </div>
          ))}
          <Typography.Text type="secondary">{t('explain.help')}</Typography.Text>
        </Flex>
      }
    />
  );
}
