/**
 * The union edits an honour's criteria (评选条件修改) until assessment starts: the form opens with
 * the honour's words, criteria and pass mark; once a nomination has been assessed or reviewed the
 * server answers 409 and the form says so in words and stays shut to saving (the criteria are fixed).
 */
import { useState } from 'react';
import { Alert, App, Button, Form, Modal } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { errorText, useFormErrorHandler } from '../../shared/errors';
import { useEditCriteria, type Honours } from './api';
import { CriteriaFields, itemsWithKeys, type CriteriaValues } from './CriteriaFields';

export function CriteriaEditForm({ honour }: { honour: Honours[number] }) {
  const { t } = useTranslation('honours');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [locked, setLocked] = useState<string | null>(null);
  const [form] = Form.useForm<CriteriaValues>();
  const onError = useFormErrorHandler(form);
  const edit = useEditCriteria(honour.id);
  const submit = (v: CriteriaValues) =>
    edit.mutate(
      { criteria: v.criteria, criteriaItems: itemsWithKeys(v.criteriaItems), passScore: v.passScore ?? undefined },
      {
        onSuccess: () => (setOpen(false), message.success(t('editCriteria.done'))),
        onError: (err) => (isApiError(err) && err.status === 409 ? setLocked(errorText(err, tc)) : onError(err)),
      },
    );
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => (setLocked(null), setOpen(true))} data-testid="honour-edit-criteria">
        {t('editCriteria.open')}
      </Button>
      <Modal
        open={open}
        destroyOnHidden
        title={t('editCriteria.title', { name: honour.name })}
        okText={t('editCriteria.save')}
        confirmLoading={edit.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: !!locked, ...({ 'data-testid': 'honour-criteria-save' } as Record<string, string>) }}
      >
        {locked && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('editCriteria.locked')}
            description={locked}
            data-testid="honour-criteria-locked"
          />
        )}
        <Form<CriteriaValues>
          form={form}
          layout="vertical"
          disabled={!!locked}
          initialValues={{ criteria: honour.criteria, criteriaItems: honour.criteriaItems, passScore: honour.passScore ?? undefined }}
          onFinish={submit}
        >
          <CriteriaFields form={form} />
        </Form>
      </Modal>
    </>
  );
}
