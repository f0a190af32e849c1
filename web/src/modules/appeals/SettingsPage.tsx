import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Flex, Form, InputNumber, Spin, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/AuthContext';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useOrgs } from '../../shared/orgs';
import { Page } from '../../shared/Page';
import { useAppealSettings, useDeadlineRules, useSaveAppealSettings, useSaveDeadlineRules, type AppealSettings, type DeadlineRuleCell } from './api';
import { UrgencyTag, useAppealLabel } from './labels';

type DayField = 'acceptDays' | 'consultationDays' | 'requestDays';
const DAY_FIELDS: DayField[] = ['acceptDays', 'consultationDays', 'requestDays'];
const MAX: Record<DayField, number> = { acceptDays: 30, consultationDays: 60, requestDays: 90 };
const cellKey = (r: Pick<DeadlineRuleCell, 'category' | 'urgency'>) => `${r.category}:${r.urgency}`;

/** Deadline table and group-alert thresholds, per org; lower orgs inherit what they do not set. */
export default function SettingsPage() {
  const { t } = useTranslation('appeals');
  const { session } = useAuth();
  const { data: orgs } = useOrgs();
  // Start at the user's own grant: that is the org they configure for.
  const home = useMemo(() => session?.roles.map((r) => r.orgId).find((id) => id && orgs?.some((o) => o.id === id)) ?? undefined, [session, orgs]);
  const [picked, setPicked] = useState<string>();
  const orgId = picked ?? home;

  return (
    <Page title={t('settings.title')}>
      <Flex vertical gap={16} style={{ maxWidth: 980 }}>
        <Card size="small">
          <Flex vertical gap={4}>
            <Typography.Text strong>{t('settings.org')}</Typography.Text>
            <div data-testid="settings-org" style={{ maxWidth: 360 }}>
              <OrgTreeSelect value={orgId} onChange={setPicked} aria-label={t('settings.org')} style={{ width: '100%' }} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('settings.orgHint')}
            </Typography.Text>
          </Flex>
        </Card>
        {orgId && <RulesCard orgId={orgId} />}
        {orgId && <GroupSettingsCard orgId={orgId} />}
      </Flex>
    </Page>
  );
}

function RulesCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation('appeals');
  const { message } = App.useApp();
  const showError = useShowError();
  const label = useAppealLabel();
  const { data: orgs } = useOrgs();
  const { data, isLoading } = useDeadlineRules(orgId);
  const save = useSaveDeadlineRules();
  const [edits, setEdits] = useState<Record<string, Partial<Record<DayField, number>>>>({});
  useEffect(() => setEdits({}), [orgId]);

  const rows = data?.rules ?? [];
  const valueOf = (r: DeadlineRuleCell, f: DayField) => edits[cellKey(r)]?.[f] ?? r[f];
  const changed = rows.filter((r) => DAY_FIELDS.some((f) => valueOf(r, f) !== r[f]));

  const source = (r: DeadlineRuleCell) =>
    r.definedAt === null ? (
      <Tag>{t('settings.default')}</Tag>
    ) : r.definedAt === orgId ? (
      <Tag color="blue">{t('settings.here')}</Tag>
    ) : (
      <Tag color="cyan">{orgs?.find((o) => o.id === r.definedAt)?.name ?? t('settings.inherited')}</Tag>
    );

  const columns: TableColumnsType<DeadlineRuleCell> = [
    {
      key: 'category',
      title: t('fields.category'),
      width: 110,
      fixed: 'left',
      // One category spans its three urgency rows.
      onCell: (_r, i) => ({ rowSpan: (i ?? 0) % 3 === 0 ? 3 : 0 }),
      render: (_: unknown, r) => label('category', r.category),
    },
    { key: 'urgency', title: t('fields.urgency'), width: 130, render: (_: unknown, r) => <UrgencyTag urgency={r.urgency} /> },
    ...DAY_FIELDS.map((f) => ({
      key: f,
      title: t(`settings.${f}`),
      width: 130,
      render: (_: unknown, r: DeadlineRuleCell) => (
        <InputNumber
          min={0}
          max={MAX[f]}
          precision={0}
          value={valueOf(r, f)}
          onChange={(v) => setEdits((e) => ({ ...e, [cellKey(r)]: { ...e[cellKey(r)], [f]: v ?? 0 } }))}
          style={{ width: 80 }}
          aria-label={`${label('category', r.category)} ${label('urgency', r.urgency)} ${t(`settings.${f}`)}`}
          data-testid={`rule-${r.category}-${r.urgency}-${f}`}
        />
      ),
    })),
    { key: 'definedAt', title: t('settings.definedAt'), width: 120, render: (_: unknown, r) => source(r) },
  ];

  const onSave = async () => {
    if (!changed.length) {
      void message.info(t('settings.noChange'));
      return;
    }
    try {
      await save.mutateAsync({
        orgId,
        rules: changed.map((r) => ({
          category: r.category,
          urgency: r.urgency,
          acceptDays: valueOf(r, 'acceptDays'),
          consultationDays: valueOf(r, 'consultationDays'),
          requestDays: valueOf(r, 'requestDays'),
        })),
      });
      setEdits({});
      void message.success(t('common:saved'));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <Card
      size="small"
      title={t('settings.rules')}
      extra={
        <Button type="primary" onClick={onSave} loading={save.isPending} disabled={!changed.length} data-testid="rules-save">
          {t('settings.saveRules')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('settings.rulesHint')}
      </Typography.Paragraph>
      <div data-testid="rules-table">
        <Table<DeadlineRuleCell>
          rowKey={cellKey}
          size="small"
          bordered
          loading={isLoading}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 720 }}
        />
      </div>
    </Card>
  );
}

type SettingsValues = Omit<AppealSettings, 'orgId' | 'definedAt'>;
const SETTING_KEYS: (keyof SettingsValues)[] = ['reopenLimit', 'groupMinWorkers', 'groupWindowDays', 'groupThreshold', 'chairMayReveal'];

function GroupSettingsCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation('appeals');
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const onError = useFormErrorHandler(form);
  const { data, isLoading } = useAppealSettings(orgId);
  const save = useSaveAppealSettings();

  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  const onFinish = async (v: SettingsValues) => {
    if (!data) return;
    // Only what changed: an untouched value keeps following the parent org.
    const patch = Object.fromEntries(SETTING_KEYS.filter((k) => v[k] !== data[k]).map((k) => [k, v[k]]));
    if (!Object.keys(patch).length) {
      void message.info(t('settings.noChange'));
      return;
    }
    try {
      await save.mutateAsync({ orgId, ...patch });
      void message.success(t('common:saved'));
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Card size="small" title={t('settings.group')}>
      <Spin spinning={isLoading}>
        <Form<SettingsValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 420 }} data-testid="settings-form">
          <Form.Item name="reopenLimit" label={t('settings.reopenLimit')} rules={[{ required: true }]}>
            <InputNumber min={0} max={5} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="groupMinWorkers" label={t('settings.groupMinWorkers')} rules={[{ required: true }]}>
            <InputNumber min={2} max={100} precision={0} style={{ width: 120 }} data-testid="settings-min-workers" />
          </Form.Item>
          <Form.Item name="groupWindowDays" label={t('settings.groupWindowDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={365} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="groupThreshold" label={t('settings.groupThreshold')} extra={t('settings.groupThresholdHint')} rules={[{ required: true }]}>
            <InputNumber min={0.1} max={1} step={0.05} precision={2} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="chairMayReveal" label={t('settings.chairMayReveal')} extra={t('settings.chairMayRevealHint')} valuePropName="checked">
            <Switch data-testid="settings-chair-may-reveal" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {t('settings.saveSettings')}
          </Button>
        </Form>
      </Spin>
    </Card>
  );
}
