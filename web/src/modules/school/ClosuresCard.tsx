import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, List, Modal, Pagination, Popconfirm, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { buildOrgTree, useOrgs, type OrgNode } from '../../shared/orgs';
import { useClosures, useCreateClosure, useDeleteClosure } from '../../shared/school/api';
import { validFields } from '../../shared/validFields';

interface Values {
  date: Dayjs;
  reason: string;
  orgId?: string;
}

interface ScopeOption {
  value: string;
  title: string;
  children: ScopeOption[];
}

/** The school, its grades and classes: the only places a closure may cover. */
function scopeTree(nodes: OrgNode[]): ScopeOption[] {
  return nodes.filter((n) => n.kind === 'grade' || n.kind === 'class').map((n) => ({ value: n.id, title: n.name, children: scopeTree(n.children) }));
}

function findNode(nodes: OrgNode[], id: string): OrgNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = findNode(n.children, id);
    if (hit) return hit;
  }
  return undefined;
}

export function ClosuresCard({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation('school');
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const { data, isLoading } = useClosures(schoolId, page);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const showError = useShowError();
  const create = useCreateClosure(schoolId);
  const remove = useDeleteClosure();
  const { data: orgs } = useOrgs();
  const scopes = useMemo(() => {
    const school = findNode(buildOrgTree(orgs ?? []), schoolId);
    return school ? scopeTree(school.children) : [];
  }, [orgs, schoolId]);

  const onOk = async () => {
    const v = await validFields(form);
    if (!v) return;
    try {
      await create.mutateAsync({ date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim(), orgId: v.orgId });
      void message.success(t('closures.created'));
      setOpen(false);
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Card
      title={t('closures.title')}
      extra={
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
          data-testid="closure-add"
        >
          {t('closures.add')}
        </Button>
      }
      data-testid="closures-card"
    >
      <Typography.Paragraph type="secondary">{t('closures.hint')}</Typography.Paragraph>
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('closures.empty')} /> }}
        renderItem={(c) => (
          <List.Item
            data-testid="closure-row"
            actions={[
              <Popconfirm key="delete" title={t('closures.deleteConfirm', { date: c.date })} onConfirm={() => remove.mutateAsync(c.id).catch(showError)}>
                <Button type="link" size="small" danger>
                  {t('common:actions.delete')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Text strong>
                {c.date} · {c.orgName}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis>
                {c.reason}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {(data?.total ?? 0) > 10 && (
        <Pagination simple showSizeChanger={false} align="center" current={page} pageSize={10} total={data?.total ?? 0} onChange={setPage} />
      )}
      <Modal open={open} title={t('closures.add')} onOk={onOk} onCancel={() => setOpen(false)} confirmLoading={create.isPending} forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="date" label={t('closures.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('closures.reason')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input placeholder={t('closures.reasonPlaceholder')} maxLength={100} />
          </Form.Item>
          <Form.Item name="orgId" label={t('closures.scope')} extra={t('closures.scopeHint')}>
            <TreeSelect allowClear treeData={scopes} placeholder={t('closures.scopeHint')} showSearch={{ treeNodeFilterProp: 'title' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
