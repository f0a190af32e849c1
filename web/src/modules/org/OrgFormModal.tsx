import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgKind } from '@common/enums';
import { useEnumOptions } from '../../shared/enumOptions';
import { useFormErrorHandler } from '../../shared/errors';
import type { Org } from '../../shared/orgs';
import { useCreateOrg, useUpdateOrg } from './api';
import { SUGGESTED_CHILD_KIND } from './childKinds';
import { validFields } from '../../shared/validFields';

interface Values {
  name: string;
  kind: OrgKind;
  code?: string;
}

/** "create" adds a child under `parent` (or a root when parent is null); "edit" renames. */
export type OrgFormTarget = { mode: 'create'; parent: Org | null } | { mode: 'edit'; org: Org };

interface Props {
  target: OrgFormTarget | null;
  onClose: (created?: Org) => void;
}

export function OrgFormModal({ target, onClose }: Props) {
  const { t } = useTranslation('org');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const kindOptions = useEnumOptions('orgKind');
  const create = useCreateOrg();
  const update = useUpdateOrg();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      form.setFieldsValue({ name: target.org.name, kind: target.org.kind, code: target.org.code ?? undefined });
    } else {
      const kind = target.parent ? SUGGESTED_CHILD_KIND[target.parent.kind] : undefined;
      form.setFieldsValue({ kind: kind ?? target.parent?.kind ?? 'group' });
    }
  }, [target, form]);

  const onOk = async () => {
    if (!target) return;
    const values = await validFields(form);
    if (!values) return;
    const code = values.code?.trim() || undefined;
    try {
      if (target.mode === 'create') {
        const org = await create.mutateAsync({
          parentId: target.parent?.id ?? null,
          kind: values.kind,
          name: values.name.trim(),
          code,
        });
        void message.success(t('created'));
        onClose(org);
      } else {
        await update.mutateAsync({ id: target.org.id, name: values.name.trim(), code: code ?? null });
        void message.success(t('common:saved'));
        onClose();
      }
    } catch (err) {
      onError(err);
    }
  };

  const title = !target
    ? ''
    : target.mode === 'edit'
      ? t('renameTitle', { name: target.org.name })
      : target.parent
        ? t('createChildTitle', { parent: target.parent.name })
        : t('createTitle');

  return (
    <Modal open={!!target} title={title} onOk={onOk} onCancel={() => onClose()} confirmLoading={create.isPending || update.isPending} forceRender>
      <Form form={form} layout="vertical" data-testid="org-form">
        <Form.Item
          name="name"
          label={t('fields.name')}
          rules={[{ required: true, whitespace: true, message: t('common:form.required', { field: t('fields.name') }) }]}
        >
          <Input maxLength={100} data-testid="org-form-name" />
        </Form.Item>
        {target?.mode === 'create' && (
          <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
            <Select options={kindOptions} />
          </Form.Item>
        )}
        <Form.Item name="code" label={t('fields.code')}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
