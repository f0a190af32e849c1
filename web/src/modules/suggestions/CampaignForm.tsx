/**
 * Start or edit a suggestion campaign (活动): its org (fixed once started), title and collecting
 * period. The evaluation criteria keep the server's default (or what was set through the API);
 * the server refuses a period out of order and names the field.
 */
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useSaveCampaign, type CampaignSummary } from './api';

interface Values {
  orgId?: string;
  title: string;
  startsOn: string;
  endsOn: string;
}

export default function CampaignForm({ campaign, open, onClose }: { campaign?: CampaignSummary; open: boolean; onClose: (saved?: CampaignSummary) => void }) {
  const { t } = useTranslation('suggestions');
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const save = useSaveCampaign(campaign?.id);
  const initial = campaign ? { title: campaign.title, startsOn: campaign.startsOn, endsOn: campaign.endsOn } : undefined;
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
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v, { onSuccess: (c) => onClose(c), onError })}>
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
      </Form>
    </Modal>
  );
}
