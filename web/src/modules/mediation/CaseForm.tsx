import { Button, Flex, Form, Input, InputNumber, Radio, Select, Card } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '@common/schemas/files';
import { CLAIM_TYPES } from '@common/mediation';
import { FileField } from '../../shared/FileField';
import { useSubmitForm } from '../../shared/useSubmitForm';
import { useApply, useWorkerSearch } from './api';
import { useLabel } from './labels';

interface Values {
  applicantPersonId?: string;
  applicantKind?: 'worker' | 'group';
  groupSize?: number;
  respondent: string;
  disputeDate: string;
  summary: string;
  claims: { type: string; description: string; amount?: number | null }[];
  files?: FileRef[];
}

/** The worker the committee registers a case for: searched among the workers the caller may see. */
function WorkerPicker({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  const { t } = useTranslation('mediation');
  const [text, setText] = useState('');
  const { data, isFetching } = useWorkerSearch(text);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      loading={isFetching}
      placeholder={t('register.applicantSearch')}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      notFoundContent={text ? t('register.noWorker') : null}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.orgName}${p.employeeNo ? ` · ${p.employeeNo}` : ''}` }))}
      data-testid="mediation-applicant"
    />
  );
}

/**
 * The application: a worker's own (phone first), or the committee's registration for a worker
 * who came to the desk — then the applicant is picked (or, for a referred appeal, is its author,
 * whom the server names) and a group application gives its size.
 */
export function CaseForm({ staff, appealId }: { staff: boolean; appealId?: string }) {
  const { t } = useTranslation('mediation');
  const label = useLabel();
  const [uploading, setUploading] = useState(false);
  const { form, onFinish, pending } = useSubmitForm(useApply(), {
    toBody: ({ files, claims, groupSize, ...v }: Values) => ({
      ...v,
      ...(v.applicantKind === 'group' && groupSize ? { groupSize } : {}),
      ...(appealId ? { appealId } : {}),
      ...(files?.length ? { fileIds: files.map((f) => f.id) } : {}),
      claims: claims.map((c) => ({ type: c.type, description: c.description, ...(c.amount ? { amount: c.amount } : {}) })),
    }),
    sent: (c) => t('apply.sent', { code: c.code }),
    to: (c) => `/mediation/cases/${c.id}`,
  });
  const group = Form.useWatch('applicantKind', form) === 'group';
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ applicantKind: 'worker', claims: [{ type: 'wagesOwed', description: '' }] }}>
      {staff && !appealId && (
        <Form.Item name="applicantPersonId" label={t('register.applicant')} rules={[{ required: true }]}>
          <WorkerPicker />
        </Form.Item>
      )}
      {staff && (
        <>
          <Form.Item name="applicantKind" label={t('register.kind')}>
            <Radio.Group
              options={[
                { value: 'worker', label: t('register.kindWorker') },
                { value: 'group', label: t('register.kindGroup') },
              ]}
            />
          </Form.Item>
          {group && (
            <Form.Item name="groupSize" label={t('register.groupSize')} rules={[{ required: true }]}>
              <InputNumber min={2} max={10_000} style={{ width: '100%' }} data-testid="mediation-group-size" />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="respondent" label={t('apply.respondent')} rules={[{ required: true, max: 100 }]}>
        <Input data-testid="mediation-respondent" />
      </Form.Item>
      <Form.Item name="disputeDate" label={t('apply.disputeDate')} rules={[{ required: true }]}>
        <Input type="date" data-testid="mediation-dispute-date" />
      </Form.Item>
      <Form.Item name="summary" label={t('apply.summary')} rules={[{ required: true, max: 2000 }]}>
        <Input.TextArea rows={4} data-testid="mediation-summary" />
      </Form.Item>
      <Form.List name="claims">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={`${t('apply.claims')} ${i + 1}`}
                extra={fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
              >
                <Form.Item name={[f.name, 'type']} label={t('apply.claimType')} rules={[{ required: true }]}>
                  <Select options={CLAIM_TYPES.map((c) => ({ value: c, label: label.claim(c) }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'description']} label={t('apply.claimDescription')} rules={[{ required: true, max: 500 }]}>
                  <Input data-testid={`mediation-claim-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'amount']} label={t('apply.amount')}>
                  <InputNumber min={0} max={10_000_000} precision={2} style={{ width: '100%' }} data-testid={`mediation-amount-${i}`} />
                </Form.Item>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ type: 'other', description: '' })} disabled={fields.length >= 20}>
              {t('apply.addClaim')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Form.Item name="files" label={t('evidence.add')}>
        <FileField onBusyChange={setUploading} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={pending} disabled={uploading} data-testid="mediation-submit">
        {staff ? t('register.submit') : t('apply.submit')}
      </Button>
    </Form>
  );
}
