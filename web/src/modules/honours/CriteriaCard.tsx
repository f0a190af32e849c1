/**
 * The honour's criteria on the review desk: each scored criterion with its top score and each
 * requirement, the union's assessment against them (points, met or not, the total against the
 * pass mark), and — while the nomination waits for review — the form that records it. The server
 * decides what passes; this card only shows its answer.
 */
import { App, Alert, Button, Card, Flex, Form, InputNumber, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';
import { useAssess, type Nomination } from './api';

export function CriteriaCard({ n }: { n: Nomination }) {
  const { t } = useTranslation('honours');
  const { message } = App.useApp();
  const assess = useAssess(n.id);
  const showError = useShowError();
  const [form] = Form.useForm<{ scores: Record<string, number>; checks: Record<string, boolean> }>();
  if (!n.criteria.length) return null;
  const a = n.assessment;
  const editing = n.can.review;
  const initial = {
    scores: a?.scores ?? {},
    checks: Object.fromEntries(n.criteria.filter((c) => c.kind === 'check').map((c) => [c.key, a?.checks[c.key] ?? false])),
  };
  return (
    <Card title={t('criteria.title')} extra={n.passScore !== null && <Tag>{t('criteria.pass', { pass: n.passScore })}</Tag>} data-testid="criteria">
      <Flex vertical gap={12}>
        {a ? (
          <Alert
            type={a.passed ? 'success' : 'warning'}
            showIcon
            message={`${t('criteria.total', { total: a.total })} · ${a.passed ? t('criteria.passed') : t('criteria.failed')}`}
            description={t('criteria.assessedBy', { name: a.assessedBy, at: formatDateTime(a.assessedAt) })}
            data-testid="assessment"
          />
        ) : (
          editing && <Alert type="info" showIcon message={t('criteria.notYet')} />
        )}
        <Form
          form={form}
          layout="horizontal"
          initialValues={initial}
          disabled={!editing}
          onFinish={(v) => assess.mutateAsync({ scores: v.scores ?? {}, checks: v.checks ?? {} }).then(() => message.success(t('desk.saved')), showError)}
        >
          {n.criteria.map((c) =>
            c.kind === 'score' ? (
              <Form.Item
                key={c.key}
                name={['scores', c.key]}
                label={`${c.label}（${t('criteria.max', { max: c.max })}）`}
                rules={[{ required: editing }]}
                style={{ marginBottom: 8 }}
              >
                <InputNumber min={0} max={c.max} precision={0} aria-label={c.label} data-testid={`score-${c.key}`} />
              </Form.Item>
            ) : (
              <Form.Item
                key={c.key}
                name={['checks', c.key]}
                label={`${c.label}（${t('criteria.check')}）`}
                valuePropName="checked"
                style={{ marginBottom: 8 }}
              >
                <Switch checkedChildren={t('criteria.met')} unCheckedChildren={t('criteria.unmet')} aria-label={c.label} data-testid={`check-${c.key}`} />
              </Form.Item>
            ),
          )}
          {editing && (
            <Button htmlType="submit" loading={assess.isPending} data-testid="assess-save">
              {t('criteria.save')}
            </Button>
          )}
        </Form>
        {!editing && !a && <Typography.Text type="secondary">{t('criteria.notYet')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
