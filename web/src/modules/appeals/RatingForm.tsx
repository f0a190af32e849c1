import { App, Alert, Button, Card, Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { optional } from './ActionModal';
import { useAppealAction, type AppealDetail } from './api';
import { useAppealOptions } from './labels';

interface Values {
  rating: 'satisfied' | 'basicallySatisfied' | 'unsatisfied';
  comment?: string;
  reopen?: boolean;
}

/**
 * The worker's verdict on the answer. Unsatisfied may send it back for another round while
 * the org's reopen limit allows; otherwise rating closes the appeal.
 */
export function RatingForm({ appeal }: { appeal: AppealDetail }) {
  const { t } = useTranslation('appeals');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const options = useAppealOptions('rating');
  const action = useAppealAction(appeal.id);
  const rating = Form.useWatch('rating', form);
  const reopensLeft = Math.max(0, appeal.reopenLimit - appeal.reopenCount);

  const onFinish = async (v: Values) => {
    const reopen = v.rating === 'unsatisfied' && !!v.reopen && reopensLeft > 0;
    try {
      await action.mutateAsync({ path: 'rate', body: { rating: v.rating, comment: optional(v.comment), reopen } });
      void message.success(reopen ? t('rate.reopened') : t('rate.done'));
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Card title={appeal.mine ? t('rate.title') : t('rate.staffTitle')} size="small" data-testid="appeal-rate">
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={action.isPending}>
        <Form.Item name="rating" label={t('rate.rating')} rules={[{ required: true, message: t('rate.ratingRequired') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={options}
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            data-testid="rate-options"
          />
        </Form.Item>
        <Form.Item name="comment" label={t('rate.comment')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="rate-comment" />
        </Form.Item>
        {rating === 'unsatisfied' &&
          (reopensLeft > 0 ? (
            <Form.Item name="reopen" valuePropName="checked" extra={t('rate.reopenHint', { count: reopensLeft })}>
              <Checkbox data-testid="rate-reopen">{t('rate.reopen')}</Checkbox>
            </Form.Item>
          ) : (
            <Alert type="info" showIcon title={t('rate.reopenUsed')} style={{ marginBottom: 16 }} />
          ))}
        <Button type="primary" htmlType="submit" loading={action.isPending} block data-testid="rate-submit">
          {t('rate.submit')}
        </Button>
      </Form>
    </Card>
  );
}
