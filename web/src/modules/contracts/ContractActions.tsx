import { useState } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CLAUSE_CATEGORIES, CONTRACT_SIDES } from '@common/contracts';
import { api } from '../../api/client';
import { useFormErrorHandler } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useContractWrite, type Contract } from './api';
import { todayInShanghai as today } from '../../shared/time';

type Action = 'reply' | 'negotiators' | 'rounds' | 'versions' | 'review' | 'congress-result' | 'vote' | 'sign' | 'file' | 'objection' | 'effective' | 'publish';

/** What comes next in each state; the server re-checks every step (status, clocks, who signs). */
const NEXT: Partial<Record<Contract['status'], Action[]>> = {
  requested: ['reply'],
  preparing: ['negotiators', 'rounds', 'versions'],
  negotiating: ['negotiators', 'rounds', 'versions'],
  drafted: ['rounds', 'versions', 'review'],
  underReview: ['congress-result', 'vote'],
  approved: ['sign'],
  signed: ['file'],
  filed: ['effective', 'objection'],
  effective: ['publish'],
};

/** Sitting sessions of the congresses the union manages, for sending a draft to a congress vote. */
function SittingSessions({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useTranslation('contracts');
  const { data, isFetching } = useQuery({
    queryKey: ['contracts', 'sittingSessions'],
    queryFn: async () => {
      const terms = await api.get<{ items: { id: string; name: string; orgName: string }[] }>('/congress/terms');
      const full = await Promise.all(
        terms.items.map((tm) =>
          api.get<{ name: string; orgName: string; sessions: { id: string; name: string; status: string }[] }>(`/congress/terms/${tm.id}`),
        ),
      );
      return full.flatMap((tm) => tm.sessions.filter((s) => s.status === 'sitting').map((s) => ({ value: s.id, label: `${tm.orgName} ${tm.name} ${s.name}` })));
    },
  });
  return (
    <Select
      // Form.Item's id, so its label names the picker.
      id={id}
      value={value}
      onChange={onChange}
      options={data ?? []}
      loading={isFetching}
      notFoundContent={isFetching ? null : t('act.noSitting')}
      data-testid="contracts-field-sessionId"
    />
  );
}

const row = { display: 'flex', marginBottom: 8 } as const;

/** Each write of the lifecycle as a form: the buttons shown are the steps the contract's state allows. */
export function ContractActions({ c }: { c: Contract }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const [open, setOpen] = useState<Action | null>(null);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const write = useContractWrite();
  const actions = NEXT[c.status] ?? [];
  if (!actions.length) return null;

  const initial: Partial<Record<Action, Record<string, unknown>>> = {
    reply: { repliedDate: today() },
    negotiators: {
      negotiators: c.negotiators.length
        ? c.negotiators.map(({ side, name, chief }) => ({ side, name, chief }))
        : [
            { side: 'union', chief: true },
            { side: 'employer', chief: true },
          ],
    },
    rounds: { heldDate: today(), positions: [] },
    versions: {
      clauses: c.clauses.map(({ chapter, number, category, text, promise, ownerOrgId }) => ({
        chapter,
        number,
        category,
        text,
        promise,
        ownerOrgId: ownerOrgId ?? undefined,
      })),
    },
    review: { mode: 'allWorkers' },
    sign: { signedDate: today() },
    file: { receivedDate: today() },
  };
  const submit = (values: Record<string, unknown>) => {
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    write.mutate(
      { method: open === 'negotiators' ? 'PUT' : 'POST', path: `/contracts/${c.id}/${open}`, body },
      {
        onSuccess: () => {
          void message.success(t('act.done'));
          setOpen(null);
        },
        onError,
      },
    );
  };
  const date = (name: string) => (
    <Form.Item name={name} label={t(`act.field.${name}`)} rules={[{ required: true }]}>
      <Input type="date" data-testid={`contracts-field-${name}`} />
    </Form.Item>
  );
  const categories = CLAUSE_CATEGORIES.map((k) => ({ value: k, label: t(`category.${k}`) }));
  const sides = CONTRACT_SIDES.map((k) => ({ value: k, label: t(`side.${k}`) }));

  const fields: Record<Action, React.ReactNode> = {
    reply: date('repliedDate'),
    negotiators: (
      <Form.List name="negotiators">
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }) => (
              <Space key={key} style={row} align="baseline">
                <Form.Item name={[name, 'side']} rules={[{ required: true }]}>
                  <Select options={sides} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[name, 'name']} rules={[{ required: true }]}>
                  <Input placeholder={t('act.field.name')} />
                </Form.Item>
                <Form.Item name={[name, 'chief']} valuePropName="checked">
                  <Checkbox>{t('act.field.chief')}</Checkbox>
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('act.remove')} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ side: 'union', chief: false })}>
              {t('act.addNegotiator')}
            </Button>
          </>
        )}
      </Form.List>
    ),
    rounds: (
      <>
        {date('heldDate')}
        <Form.Item name="minutes" label={t('act.field.minutes')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="contracts-field-minutes" />
        </Form.Item>
        <Form.List name="positions">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Flex key={key} gap={8} wrap align="baseline">
                  <Form.Item name={[name, 'topic']} rules={[{ required: true }]}>
                    <Input placeholder={t('negotiation.topic')} />
                  </Form.Item>
                  <Form.Item name={[name, 'category']} rules={[{ required: true }]}>
                    <Select options={categories} placeholder={t('board.category')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'unionPosition']} rules={[{ required: true }]}>
                    <Input placeholder={t('side.union')} />
                  </Form.Item>
                  <Form.Item name={[name, 'employerPosition']} rules={[{ required: true }]}>
                    <Input placeholder={t('side.employer')} />
                  </Form.Item>
                  <Form.Item name={[name, 'agreed']} valuePropName="checked" initialValue={false}>
                    <Checkbox>{t('negotiation.agreed')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('act.remove')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()}>
                {t('act.addPosition')}
              </Button>
            </>
          )}
        </Form.List>
      </>
    ),
    versions: (
      <>
        <Form.Item name="note" label={t('act.field.note')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.List name="clauses">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Flex key={key} gap={8} wrap align="baseline" style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}>
                  <Form.Item name={[name, 'number']} rules={[{ required: true }]}>
                    <InputNumber min={1} max={999} placeholder={t('act.field.number')} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'chapter']} rules={[{ required: true }]}>
                    <Input placeholder={t('act.field.chapter')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'category']} rules={[{ required: true }]}>
                    <Select options={categories} placeholder={t('board.category')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'promise']} valuePropName="checked" initialValue={false}>
                    <Checkbox>{t('act.field.promise')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[name, 'ownerOrgId']}>
                    <OrgTreeSelect placeholder={t('board.owner')} allowClear />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('act.remove')} />
                  <Form.Item name={[name, 'text']} rules={[{ required: true }]} style={{ width: '100%' }}>
                    <Input.TextArea rows={2} placeholder={t('board.text')} />
                  </Form.Item>
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ number: items.length + 1, category: 'other', promise: false })}>
                {t('act.addClause')}
              </Button>
            </>
          )}
        </Form.List>
      </>
    ),
    review: (
      <>
        <Form.Item name="mode" label={t('act.field.mode')} rules={[{ required: true }]}>
          <Select options={(['allWorkers', 'congress'] as const).map((m) => ({ value: m, label: t(`mode.${m}`) }))} data-testid="contracts-field-mode" />
        </Form.Item>
        {/* The session field follows the mode in the form's own render (a Form.useWatch in the action bar would
            report it a macrotask later and re-render every button). */}
        <Form.Item noStyle shouldUpdate={(prev, next) => prev.mode !== next.mode}>
          {({ getFieldValue }) =>
            getFieldValue('mode') === 'congress' && (
              <Form.Item name="sessionId" label={t('act.field.sessionId')} rules={[{ required: true }]}>
                <SittingSessions />
              </Form.Item>
            )
          }
        </Form.Item>
      </>
    ),
    'congress-result': <p>{t('act.congressResultHint')}</p>,
    vote: (
      <Flex gap={8} wrap>
        {(['eligible', 'for', 'against', 'abstain'] as const).map((k) => (
          <Form.Item key={k} name={k} label={t(`act.field.${k}`)} rules={[{ required: true }]}>
            <InputNumber min={0} max={1_000_000} data-testid={`contracts-field-${k}`} />
          </Form.Item>
        ))}
      </Flex>
    ),
    sign: date('signedDate'),
    file: date('receivedDate'),
    objection: (
      <Form.Item name="reason" label={t('act.field.reason')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    ),
    effective: (
      <Form.Item name="startsOn" label={t('act.field.startsOn')}>
        <Input type="date" />
      </Form.Item>
    ),
    publish: <p>{t('act.publishHint')}</p>,
  };

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {actions.map((a) => (
          <Button
            key={a}
            type={a === actions[0] ? 'primary' : 'default'}
            danger={a === 'objection'}
            onClick={() => {
              form.resetFields();
              setOpen(a);
            }}
            data-testid={`contracts-action-${a}`}
          >
            {t(`act.${a}`)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={!!open}
        title={open ? t(`act.${open}`) : ''}
        width={open === 'versions' || open === 'rounds' ? 900 : 520}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        confirmLoading={write.isPending}
        okText={t('act.submit')}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'contracts-action-submit' } as Record<string, string>}
      >
        {open && (
          <Form form={form} layout="vertical" onFinish={submit} initialValues={initial[open] ?? {}} preserve={false}>
            {fields[open]}
          </Form>
        )}
      </Modal>
    </>
  );
}
