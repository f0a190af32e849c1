import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS, rubricTotal } from '@common/teacherGrowth';
import { useFormErrorHandler } from '../../shared/errors';
import { useGrowthWrite, useRubric, type PlanDetail } from './api';
import { useLabel, versionLabel } from './labels';
import { todayInShanghai as today } from '../../shared/time';

type Action = 'review' | 'selfReview' | 'yearReview' | 'evidence';

/** The steps the caller may take now (the server's `can`), each one button; those that need words open a form. */
export function PlanActions({ plan, onEdit }: { plan: PlanDetail; onEdit: () => void }) {
  const { t } = useTranslation('teacherGrowth');
  const label = useLabel();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Action | null>(null);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const write = useGrowthWrite<PlanDetail>();
  const kind = Form.useWatch('kind', form);
  const scores = Form.useWatch('scores', form) as Record<string, number> | undefined;
  // The rubric is read only once an observation is being scored.
  const rubric = useRubric(open === 'evidence' && kind === 'observation' ? plan.schoolId : undefined).data?.current;
  const step = (path: string, body?: unknown) =>
    write.mutate(
      { path: `/plans/${plan.id}${path}`, body },
      { onSuccess: () => (setOpen(null), form.resetFields(), message.success(t('action.done'))), onError },
    );
  const c = plan.can;
  const finish = (v: Record<string, unknown>) => {
    if (open === 'review') step('/review', { decision: v.decision, comment: v.comment });
    if (open === 'selfReview') step('/self-review', { reflection: v.reflection });
    if (open === 'yearReview') step('/year-review', { rating: v.rating, comment: v.comment });
    if (open === 'evidence') {
      const observed = v.kind === 'observation' && rubric ? { rubricId: rubric.id, rubric: v.scores } : {};
      step('/evidence', { kind: v.kind, title: v.title, date: v.date, note: (v.note as string | undefined)?.trim() || undefined, ...observed });
    }
  };
  return (
    <>
      <Flex gap={8} wrap>
        {c.edit && <Button onClick={onEdit}>{t('action.edit')}</Button>}
        {c.submit && (
          <Button type="primary" loading={write.isPending} onClick={() => step('/submit')} data-testid="growth-submit">
            {t('action.submit')}
          </Button>
        )}
        {c.review && (
          <Button type="primary" onClick={() => (form.setFieldsValue({ decision: 'approve' }), setOpen('review'))} data-testid="growth-review">
            {t('action.review')}
          </Button>
        )}
        {c.activate && (
          <Button type="primary" loading={write.isPending} onClick={() => step('/activate')}>
            {t('action.activate')}
          </Button>
        )}
        {c.selfReview && <Button onClick={() => setOpen('selfReview')}>{t('action.selfReview')}</Button>}
        {c.yearReview && (
          <Button type="primary" onClick={() => (form.setFieldsValue({ rating: 'met' }), setOpen('yearReview'))}>
            {t('action.yearReview')}
          </Button>
        )}
        {c.addEvidence && plan.status !== 'draft' && (
          <Button onClick={() => (form.setFieldsValue({ kind: plan.relation === 'own' ? 'lessonPlan' : 'observation', date: today() }), setOpen('evidence'))}>
            {t('action.addEvidence')}
          </Button>
        )}
      </Flex>
      <Modal
        open={open !== null}
        title={open ? t(`action.${open === 'evidence' ? 'addEvidence' : open}`) : ''}
        okText={t('action.ok')}
        onOk={() => form.submit()}
        confirmLoading={write.isPending}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={finish} preserve={false}>
          {open === 'review' && (
            <>
              <Form.Item name="decision">
                <Radio.Group
                  options={[
                    { value: 'approve', label: t('action.approve') },
                    { value: 'return', label: t('action.return') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="comment" label={t('action.comment')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {open === 'selfReview' && (
            <Form.Item name="reflection" label={t('action.reflection')} rules={[{ required: true }]}>
              <Input.TextArea rows={4} maxLength={3000} />
            </Form.Item>
          )}
          {open === 'yearReview' && (
            <>
              <Form.Item name="rating" label={t('action.rating')}>
                <Radio.Group options={(['met', 'partly', 'notMet'] as const).map((r) => ({ value: r, label: t(`action.${r}`) }))} />
              </Form.Item>
              <Form.Item name="comment" label={t('action.comment')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )}
          {open === 'evidence' && (
            <>
              <Form.Item name="kind" label={t('action.kind')}>
                <Select aria-label={t('action.kind')} options={EVIDENCE_KINDS.map((k) => ({ value: k, label: label.evidence(k) }))} />
              </Form.Item>
              <Form.Item name="title" label={t('action.evidenceTitle')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="date" label={t('action.date')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="note" label={t('action.note')}>
                <Input.TextArea rows={2} maxLength={3000} />
              </Form.Item>
              {kind === 'observation' && rubric && (
                <Form.Item
                  label={t('action.rubric', { title: rubric.title, version: versionLabel(t, rubric.version), max: rubric.scaleMax })}
                  required
                  data-testid="growth-rubric-scores"
                >
                  <Flex gap={8} wrap>
                    {rubric.items.map((i) => (
                      <Form.Item
                        key={i.key}
                        name={['scores', i.key]}
                        label={t('action.rubricItem', { name: i.name, weight: i.weight })}
                        rules={[{ required: true }]}
                        style={{ marginBottom: 0 }}
                      >
                        <InputNumber min={1} max={rubric.scaleMax} precision={0} aria-label={i.name} />
                      </Form.Item>
                    ))}
                  </Flex>
                  <div data-testid="growth-rubric-total">{t('action.rubricTotal', { total: rubricTotal(rubric, scores ?? {}), pass: rubric.passMark })}</div>
                </Form.Item>
              )}
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
