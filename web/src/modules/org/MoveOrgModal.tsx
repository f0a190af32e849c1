import { useEffect, useMemo } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { subtreeIds, useOrgs, type Org } from '../../shared/orgs';
import { useUpdateOrg } from './api';
import { validFields } from '../../shared/validFields';

interface Props {
  org: Org | null;
  onClose: () => void;
}

export function MoveOrgModal({ org, onClose }: Props) {
  const { t } = useTranslation('org');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string }>();
  const onError = useFormErrorHandler(form);
  const { data: orgs } = useOrgs();
  const update = useUpdateOrg();

  // A node cannot move under itself or its own descendants.
  const disabled = useMemo(() => (org && orgs ? subtreeIds(orgs, org.id) : undefined), [org, orgs]);

  useEffect(() => {
    if (!org) return;
    form.resetFields();
    form.setFieldsValue({ parentId: org.parentId ?? undefined });
  }, [org, form]);

  const onOk = async () => {
    if (!org) return;
    const checked = await validFields(form);
    if (!checked) return;
    const { parentId } = checked;
    try {
      await update.mutateAsync({ id: org.id, parentId });
      void message.success(t('moved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Modal open={!!org} title={org ? t('moveTitle', { name: org.name }) : ''} onOk={onOk} onCancel={onClose} confirmLoading={update.isPending} forceRender>
      <Alert type="info" showIcon title={t('moveHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="parentId" label={t('fields.parent')} rules={[{ required: true, message: t('common:form.select', { field: t('fields.parent') }) }]}>
          <OrgTreeSelect disabledIds={disabled} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
