/**
 * Start or edit a suggestion campaign (活动): its org (fixed once started), title, collecting
 * period and evaluation criteria (评审标准: a label and a top score each). The server refuses a
 * period out of order, and new criteria once an evaluator has scored, and names the field.
 */
import { Button, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEFAULT_CRITERIA } from '@common/suggestions';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useSaveCampaign, type CampaignSummary } from './api';

interface Values {
  orgId?: string;
  title: string;
  startsOn: string;
  endsOn: string;
  criteria: { key?: string; label: string; max: number }[];
}

/** A criterion added here gets a code the scores are stored under; the ones it had keep theirs. */
const withKeys = (criteria: Values['criteria']) => {
  const stamp = Date.now().toString(36);
  return criteria.map((c, i) => ({ key: c.key ?? `c${stamp}${i}`, label: c.label, max: c.max }));
};

export default function CampaignForm({ campaign, open, onClose }: { campaign?: CampaignSummary; open: boolean; onClose: (saved?: CampaignSummary) => void }) {
  const { t } = useTranslation('suggestions');
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const save = useSaveCampaign(campaign?.id);
  const initial = campaign
    ? { title: campaign.title, startsOn: campaign.startsOn, endsOn: campaign.endsOn, criteria: campaign.criteria }
    : { criteria: DEFAULT_CRITERIA };
  return (
    <Modal
      open={open}
      destroyOnHidden
      title={campaign ? t('campaign.editTitle') : t('campaign.newTitle')}
      okText={t('campaign.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'campaign-save' } as Record<string, string>}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate({ ...v, criteria: withKeys(v.criteria) }, { onSuccess: (c) => onClose(c), onError })}
      >
        {!campaign && (
          <Form.Item name="orgId" label={t('campaign.org')} rules={[{ required: true, message: t('campaign.orgRequired') }]}>
            <OrgTreeSelect />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('campaign.title')} rules={[{ required: true, message: t('campaign.titleRequired') }, { max: 100 }]}>
          <Input data-testid="campaign-title" />
        </Form.Item>
        <Form.Item name="startsOn" label={t('campaign.startsOn')} rules={[{ required: true, message: t('campaign.dateRequired') }]}>
          <Input type="date" data-testid="campaign-starts" />
        </Form.Item>
        <Form.Item name="endsOn" label={t('campaign.endsOn')} rules={[{ required: true, message: t('campaign.dateRequired') }]}>
          <Input type="date" data-testid="campaign-ends" />
        </Form.Item>
        <Form.Item label={t('campaign.criteria')} extra={t('campaign.criteriaHint')} style={{ marginBottom: 0 }}>
          <Form.List
            name="criteria"
            rules={[{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('campaign.criteriaRequired')))) }]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={8} data-testid="campaign-criteria">
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item
                      name={[f.name, 'label']}
                      rules={[{ required: true, message: t('campaign.criterionLabel') }, { max: 30 }]}
                      style={{ flex: 1, marginBottom: 0 }}
                    >
                      <Input placeholder={t('campaign.criterionLabel')} aria-label={t('campaign.criterionLabel')} data-testid="campaign-criterion-label" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'max']} rules={[{ required: true, message: t('campaign.criterionMax') }]} style={{ marginBottom: 0 }}>
                      <InputNumber
                        min={1}
                        max={100}
                        precision={0}
                        addonBefore={t('campaign.criterionMax')}
                        aria-label={t('campaign.criterionMax')}
                        data-testid="campaign-criterion-max"
                        style={{ width: 150 }}
                      />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('campaign.criterionRemove')} disabled={fields.length <= 1} onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ label: '', max: 20 })}
                  disabled={fields.length >= 10}
                  data-testid="campaign-criterion-add"
                >
                  {t('campaign.criterionAdd')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
