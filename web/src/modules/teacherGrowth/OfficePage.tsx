import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, List, Modal, Result, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACTIVITY_KINDS, TIER_KEYS } from '@common/teacherGrowth';
import { Page } from '../../shared/Page';
import { Tabs } from '../../shared/Tabs';
import { useShowError, useFormErrorHandler } from '../../shared/errors';
import { useActivities, useGrowthWrite, useOverseenSchool, usePairs, usePromotions, useRoster } from './api';
import { PlanStatusTag, useLabel } from './labels';
import { RubricTab } from './RubricTab';
import { DrillRecords } from './DrillRecords';
import { todayInShanghai as today } from '../../shared/time';

/** The school office: every teacher by tier (ordered by name, never ranked), promotions, activities. */
export default function OfficePage() {
  const { t } = useTranslation('teacherGrowth');
  const label = useLabel();
  const { message } = App.useApp();
  const me = useOverseenSchool();
  const schoolId = me.data ?? undefined;
  const roster = useRoster(schoolId);
  const promotions = usePromotions(schoolId);
  const activities = useActivities(schoolId);
  const pairs = usePairs(schoolId);
  const write = useGrowthWrite();
  const showError = useShowError();
  const [modal, setModal] = useState<'propose' | 'activity' | 'pair' | null>(null);
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  if (me.data === null) return <Result status="info" title={t('office.noSchool')} />;
  const done = () => (setModal(null), message.success(t('action.done')));
  const decide = (id: string, approve: boolean) =>
    write.mutate({ path: `/promotions/${id}/${approve ? 'approve' : 'reject'}`, body: {} }, { onSuccess: done, onError: showError });
  const finish = (v: Record<string, string>) => {
    if (modal === 'propose')
      write.mutate(
        { path: `/schools/${schoolId}/promotions`, body: { teacherPersonId: v.teacher, toTier: v.toTier, reason: v.reason } },
        { onSuccess: done, onError },
      );
    if (modal === 'activity')
      write.mutate({ path: `/schools/${schoolId}/activities`, body: { kind: v.kind, title: v.title, date: v.date } }, { onSuccess: done, onError });
    if (modal === 'pair')
      write.mutate(
        { path: `/schools/${schoolId}/mentorships`, body: { mentorId: v.mentorId, menteeId: v.menteeId, startedOn: v.startedOn } },
        { onSuccess: done, onError },
      );
  };
  const endPair = (id: string) => write.mutate({ path: `/mentorships/${id}/end`, body: { endedOn: today() } }, { onSuccess: done, onError: showError });
  const teacherOptions = (roster.data?.items ?? []).map((x) => ({ value: x.teacherId, label: `${x.name}（${label.tier(x.tier)}）` }));
  const teachers = roster.data?.items ?? [];
  return (
    <Page title={t('office.title')}>
      <DrillRecords schoolId={schoolId} />
      <Tabs
        items={[
          {
            key: 'roster',
            label: t('office.roster'),
            children: (
              <Flex vertical gap={12}>
                <Space wrap>
                  {TIER_KEYS.map((k) => (
                    <Tag key={k} data-testid={`growth-tier-${k}`}>
                      {t('office.perTier', { tier: label.tier(k), n: roster.data?.perTier[k] ?? 0 })}
                    </Tag>
                  ))}
                </Space>
                <Table
                  rowKey="teacherId"
                  size="small"
                  loading={roster.isLoading}
                  dataSource={teachers}
                  scroll={{ x: 640 }}
                  pagination={{ pageSize: 50 }}
                  columns={[
                    { title: t('office.teacher'), dataIndex: 'name' },
                    { title: t('office.subject'), dataIndex: 'subject' },
                    {
                      title: t('office.tier'),
                      dataIndex: 'tier',
                      render: (v: string | null) => label.tier(v),
                      filters: TIER_KEYS.map((k) => ({ text: label.tier(k), value: k })),
                      onFilter: (v, r) => r.tier === v,
                    },
                    { title: t('office.milestone'), dataIndex: 'milestone' },
                    {
                      title: t('office.planStatus'),
                      dataIndex: 'planStatus',
                      render: (s: string | null, r) =>
                        s && r.planId ? (
                          <Link to={`/teacher-growth/plans/${r.planId}`}>
                            <PlanStatusTag status={s} />
                          </Link>
                        ) : (
                          t('office.noPlan')
                        ),
                    },
                    { title: t('office.mentors'), dataIndex: 'mentors', render: (m: string[]) => m.join('、') },
                  ]}
                />
              </Flex>
            ),
          },
          {
            key: 'promotions',
            label: t('office.promotions'),
            children: (
              <Card extra={<Button onClick={() => setModal('propose')}>{t('office.propose')}</Button>}>
                <List
                  loading={promotions.isLoading}
                  dataSource={promotions.data ?? []}
                  renderItem={(p) => (
                    <List.Item
                      actions={
                        p.status === 'proposed'
                          ? [
                              <Button key="a" type="link" onClick={() => decide(p.id, true)}>
                                {t('office.approve')}
                              </Button>,
                              <Button key="r" type="link" danger onClick={() => decide(p.id, false)}>
                                {t('office.reject')}
                              </Button>,
                            ]
                          : []
                      }
                    >
                      <List.Item.Meta
                        title={`${p.teacherName}：${label.tier(p.fromTier)} → ${label.tier(p.toTier)}`}
                        description={`${t(`office.${p.status}`)} · ${p.reason}`}
                      />
                    </List.Item>
                  )}
                />
              </Card>
            ),
          },
          {
            key: 'pairs',
            label: t('office.pairs'),
            children: (
              <Card extra={<Button onClick={() => (form.setFieldsValue({ startedOn: today() }), setModal('pair'))}>{t('office.newPair')}</Button>}>
                <List
                  loading={pairs.isLoading}
                  dataSource={(pairs.data ?? []).filter((x) => x.endedOn === null)}
                  renderItem={(x) => (
                    <List.Item
                      actions={[
                        <Button key="end" type="link" onClick={() => endPair(x.id)}>
                          {t('office.endPair')}
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta title={`${x.mentorName} → ${x.menteeName}`} description={x.startedOn} />
                    </List.Item>
                  )}
                />
              </Card>
            ),
          },
          {
            key: 'rubric',
            label: t('office.rubric'),
            children: <RubricTab schoolId={schoolId} />,
          },
          {
            key: 'activities',
            label: t('office.activities'),
            children: (
              <Card
                extra={
                  <Button onClick={() => (form.setFieldsValue({ kind: 'competition', date: today() }), setModal('activity'))}>{t('office.newActivity')}</Button>
                }
              >
                <List
                  loading={activities.isLoading}
                  dataSource={activities.data ?? []}
                  renderItem={(a) => (
                    <List.Item>
                      <List.Item.Meta
                        title={`${a.date} · ${a.title}`}
                        description={`${label.activity(a.kind)} · ${t('office.signedUp', { n: a.signedUp })}${a.resultsOn ? ` · ${t('office.resultsOn')}` : ''}`}
                      />
                    </List.Item>
                  )}
                />
              </Card>
            ),
          },
        ]}
      />
      <Modal
        open={modal !== null}
        title={modal === 'propose' ? t('office.propose') : modal === 'pair' ? t('office.newPair') : t('office.newActivity')}
        okText={t('action.ok')}
        onOk={() => form.submit()}
        confirmLoading={write.isPending}
        onCancel={() => setModal(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={finish} preserve={false}>
          {modal === 'pair' && (
            <>
              <Form.Item name="mentorId" label={t('office.mentor')} rules={[{ required: true }]}>
                <Select aria-label={t('office.mentor')} showSearch optionFilterProp="label" options={teacherOptions} />
              </Form.Item>
              <Form.Item name="menteeId" label={t('office.mentee')} rules={[{ required: true }]}>
                <Select aria-label={t('office.mentee')} showSearch optionFilterProp="label" options={teacherOptions} />
              </Form.Item>
              <Form.Item name="startedOn" label={t('action.date')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
            </>
          )}
          {modal === 'propose' ? (
            <>
              <Form.Item name="teacher" label={t('office.teacher')} rules={[{ required: true }]}>
                <Select
                  aria-label={t('office.teacher')}
                  showSearch
                  optionFilterProp="label"
                  options={teachers.filter((x) => x.tier).map((x) => ({ value: x.teacherId, label: `${x.name}（${label.tier(x.tier)}）` }))}
                />
              </Form.Item>
              <Form.Item name="toTier" label={t('office.toTier')} rules={[{ required: true }]}>
                <Select aria-label={t('office.toTier')} options={TIER_KEYS.map((k) => ({ value: k, label: label.tier(k) }))} />
              </Form.Item>
              <Form.Item name="reason" label={t('office.reason')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          ) : modal === 'activity' ? (
            <>
              <Form.Item name="kind" label={t('action.kind')}>
                <Select aria-label={t('action.kind')} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: label.activity(k) }))} />
              </Form.Item>
              <Form.Item name="title" label={t('office.activityTitle')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="date" label={t('action.date')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
    </Page>
  );
}
