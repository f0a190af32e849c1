import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CONTRACT_SIDES, WAGE_JOB_FAMILIES } from '@common/contracts';
import { EMPLOYMENT_CATEGORIES } from '@common/enums';
import { useFormErrorHandler } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useContractWrite, useWageNegotiation, type Contract, type Negotiation } from './api';

type Proposal = Negotiation['proposals'][number];
const NEGOTIABLE = ['preparing', 'negotiating', 'drafted'];

/** A wage agreement's proposals, each side's raise per group with its cost on the base year's wage bill; the agreed one becomes clauses. */
export function WageNegotiationTab({ c }: { c: Contract }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const { data } = useWageNegotiation(c.id, true);
  const write = useContractWrite();
  const [open, setOpen] = useState<'propose' | Proposal | null>(null);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const canWrite = NEGOTIABLE.includes(c.status);
  const group = (category: string | null, family: string) =>
    `${category ? t(`wages.category.${category}`) : t('wages.allCategories')} · ${t(`wages.family.${family}`)}`;

  const submit = (v: Record<string, unknown>) => {
    const adopting = open !== 'propose';
    const path = adopting ? `/contracts/${c.id}/wage-agreement` : `/contracts/${c.id}/wage-proposals`;
    const body = adopting ? { ...v, proposalId: (open as Proposal).id } : v;
    write.mutate({ path, body }, { onSuccess: () => (void message.success(t('act.done')), setOpen(null)), onError });
  };

  return (
    <>
      {canWrite && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          disabled={!data?.rounds.length}
          onClick={() => {
            form.resetFields();
            setOpen('propose');
          }}
          data-testid="contracts-propose"
        >
          {data?.rounds.length ? t('wages.propose') : t('wages.roundFirst')}
        </Button>
      )}
      {(data?.proposals ?? []).map((p) => (
        <Card
          key={p.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={t('wages.proposalTitle', { n: p.roundSeq, side: t(`side.${p.side}`), year: p.baseYear })}
          extra={
            p.adoptedVersion ? (
              <Tag color="green">{t('wages.adopted', { n: p.adoptedVersion })}</Tag>
            ) : (
              canWrite && (
                <Button
                  size="small"
                  onClick={() => {
                    form.resetFields();
                    setOpen(p);
                  }}
                  data-testid="contracts-adopt"
                >
                  {t('wages.adopt')}
                </Button>
              )
            )
          }
        >
          <Table
            rowKey={(i) => `${i.category}-${i.jobFamily}`}
            size="small"
            pagination={false}
            dataSource={p.items}
            columns={[
              { key: 'g', title: t('wages.group'), render: (_, i) => group(i.category, i.jobFamily) },
              { key: 'r', title: t('wages.raise'), render: (_, i) => `${i.raiseBp / 100}%` },
              { key: 'h', title: t('wages.headcount'), render: (_, i) => i.headcount },
              { key: 'b', title: t('wages.baseTotal'), render: (_, i) => (i.baseTotalFen / 100).toFixed(2) },
              {
                key: 'c',
                title: t('wages.yearlyCost'),
                render: (_, i) => <span title={`${i.yearlyCost.num}/${i.yearlyCost.den} ${t('wages.fen')}`}>{i.yearlyCost.display}</span>,
              },
              { key: 'p', title: t('wages.perHead'), render: (_, i) => i.perHead.display },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  {t('wages.total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2}>{p.headcount}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} />
                <Table.Summary.Cell index={4}>
                  <strong data-testid="contracts-cost">{p.yearlyCost.display}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5}>{p.perHead.display}</Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {p.note && <p style={{ marginTop: 8 }}>{p.note}</p>}
        </Card>
      ))}
      <Modal
        open={!!open}
        width={720}
        title={open === 'propose' ? t('wages.propose') : t('wages.adopt')}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        confirmLoading={write.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'contracts-wage-submit' } as Record<string, string>}
      >
        {open && (
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            preserve={false}
            initialValues={
              open === 'propose'
                ? { side: 'union', baseYear: new Date().getFullYear() - 1, roundId: data?.rounds.at(-1)?.id, items: [{ jobFamily: 'frontLine' }] }
                : { chapter: t('wages.chapter') }
            }
          >
            {open === 'propose' ? (
              <>
                <Flex gap={8} wrap>
                  <Form.Item name="roundId" label={t('wages.round')} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 200 }}
                      options={(data?.rounds ?? []).map((r) => ({ value: r.id, label: t('negotiation.round', { n: r.seq, date: r.heldDate }) }))}
                    />
                  </Form.Item>
                  <Form.Item name="side" label={t('wages.side')} rules={[{ required: true }]}>
                    <Select style={{ width: 120 }} options={CONTRACT_SIDES.map((s) => ({ value: s, label: t(`side.${s}`) }))} />
                  </Form.Item>
                  <Form.Item name="baseYear" label={t('wages.baseYear')} rules={[{ required: true }]}>
                    <InputNumber min={1990} max={2100} data-testid="contracts-field-baseYear" />
                  </Form.Item>
                </Flex>
                <Form.List name="items">
                  {(items, { add, remove }) => (
                    <>
                      {items.map(({ key, name }) => (
                        <Space key={key} align="baseline" style={{ display: 'flex' }}>
                          <Form.Item name={[name, 'category']}>
                            <Select
                              allowClear
                              placeholder={t('wages.allCategories')}
                              aria-label={t('wages.allCategories')}
                              style={{ width: 150 }}
                              options={EMPLOYMENT_CATEGORIES.map((k) => ({ value: k, label: t(`wages.category.${k}`) }))}
                            />
                          </Form.Item>
                          <Form.Item name={[name, 'jobFamily']} rules={[{ required: true }]}>
                            <Select style={{ width: 130 }} options={WAGE_JOB_FAMILIES.map((k) => ({ value: k, label: t(`wages.family.${k}`) }))} />
                          </Form.Item>
                          <Form.Item name={[name, 'raisePercent']} rules={[{ required: true }]}>
                            <Input suffix="%" style={{ width: 120 }} placeholder="5.5" data-testid="contracts-field-raisePercent" />
                          </Form.Item>
                          <MinusCircleOutlined onClick={() => remove(name)} aria-label={t('act.remove')} />
                        </Space>
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => add({ jobFamily: 'management' })}>
                        {t('wages.addGroup')}
                      </Button>
                    </>
                  )}
                </Form.List>
                <Form.Item name="note" label={t('act.field.note')} style={{ marginTop: 12 }}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
              </>
            ) : (
              <>
                <p>{t('wages.adoptHint')}</p>
                <Form.Item name="ownerOrgId" label={t('board.owner')} rules={[{ required: true }]}>
                  <OrgTreeSelect />
                </Form.Item>
                <Form.Item name="chapter" label={t('act.field.chapter')} rules={[{ required: true }]}>
                  <Input maxLength={40} />
                </Form.Item>
              </>
            )}
          </Form>
        )}
      </Modal>
    </>
  );
}
