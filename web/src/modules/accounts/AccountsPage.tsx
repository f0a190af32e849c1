import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@common/roles';
import { useShowError } from '../../shared/errors';
import { ListSearch } from '../../shared/ListSearch';
import { listTableProps, sortOrderOf, type ListQueryPatch } from '../../shared/listTable';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { Page } from '../../shared/Page';
import { useEnumLabel } from '../../shared/enumOptions';
import { formatDateTime } from '../../shared/time';
import { useIsMobile } from '../../shared/useIsMobile';
import { CreateAccountModal, GrantModal, ResetPasswordModal } from './AccountModals';
import { useAccounts, useRevoke, useSetDisabled, type AccountItem, type AccountQuery, type AccountSort } from './api';

/**
 * The admin's accounts: who holds which role at which org, and the few things an admin does
 * to an account. Every change is checked and audited by the server (accounts.service).
 */
export default function AccountsPage() {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const label = useEnumLabel();
  const showError = useShowError();
  const [query, setQuery] = useState<AccountQuery>({ page: 1, pageSize: 20, sort: 'displayName', order: 'asc' });
  const { data, isFetching } = useAccounts(query);
  const revoke = useRevoke();
  const setDisabled = useSetDisabled();
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<AccountItem | null>(null);
  const [resetting, setResetting] = useState<AccountItem | null>(null);

  const patch = (p: Partial<AccountQuery>) => setQuery((q) => ({ ...q, page: 1, ...p }));
  const onTable = (p: ListQueryPatch<AccountSort>) => setQuery((q) => ({ ...q, ...p }));

  const toggle = (a: AccountItem) =>
    setDisabled.mutate(
      { id: a.id, disabled: !a.disabled },
      { onSuccess: () => void message.success(t(a.disabled ? 'done.enabled' : 'done.disabled', { name: a.displayName })), onError: showError },
    );

  const columns: TableColumnsType<AccountItem> = [
    {
      key: 'displayName',
      title: t('fields.displayName'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'displayName'),
      width: 120,
      render: (_, a) => <Typography.Text data-testid="account-name">{a.displayName}</Typography.Text>,
    },
    {
      key: 'username',
      dataIndex: 'username',
      title: t('fields.username'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'username'),
      width: 130,
      ellipsis: true,
    },
    { key: 'phone', dataIndex: 'phone', title: t('fields.phone'), width: 130 },
    {
      key: 'grants',
      title: t('fields.grants'),
      render: (_, a) => (
        <Flex wrap gap={4} data-testid="account-grants">
          {a.grants.map((g) => (
            <Popconfirm
              key={g.id}
              title={t('actions.revokeConfirm', { name: a.displayName, role: label('role', g.role) })}
              onConfirm={() => revoke.mutate({ id: a.id, grantId: g.id }, { onSuccess: () => void message.success(t('done.revoked')), onError: showError })}
            >
              <Tag color="blue" closable onClose={(e) => e.preventDefault()} style={{ cursor: 'pointer' }} data-testid="account-grant">
                {label('role', g.role)} · {g.orgName ?? t('systemWide')}
              </Tag>
            </Popconfirm>
          ))}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('fields.status'),
      width: 90,
      render: (_, a) =>
        a.disabled ? (
          <Tag color="red">{t('status.disabled')}</Tag>
        ) : a.lockedUntil && a.lockedUntil > new Date().toISOString() ? (
          <Tag color="orange">{t('status.locked')}</Tag>
        ) : (
          <Tag color="green">{t('status.active')}</Tag>
        ),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('fields.createdAt'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'createdAt'),
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'actions',
      title: '',
      width: 250,
      render: (_, a) => (
        <Flex wrap gap={4}>
          <Button size="small" onClick={() => setGranting(a)} data-testid="account-grant-open">
            {t('actions.grant')}
          </Button>
          <Tooltip title={a.manageable ? undefined : t('notManageable')}>
            <Button size="small" disabled={!a.manageable} onClick={() => setResetting(a)} data-testid="account-reset-open">
              {t('actions.reset')}
            </Button>
          </Tooltip>
          {a.disabled ? (
            <Button size="small" disabled={!a.manageable} onClick={() => toggle(a)} data-testid="account-enable">
              {t('actions.enable')}
            </Button>
          ) : (
            <Popconfirm title={t('actions.disableConfirm', { name: a.displayName })} onConfirm={() => toggle(a)} disabled={!a.manageable}>
              <Button size="small" danger disabled={!a.manageable} data-testid="account-disable">
                {t('actions.disable')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Page
      title={t('title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-create">
          {t('create')}
        </Button>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <ListSearch
          value={query.q}
          onSearch={(q) => patch({ q })}
          placeholder={t('search')}
          width={isMobile ? '100%' : 280}
          testId="accounts-search"
          buttonTestId="accounts-search-go"
        />
        <Select
          allowClear
          aria-label={t('filterRole')}
          placeholder={t('filterRole')}
          style={{ width: isMobile ? '100%' : 180 }}
          value={query.role}
          onChange={(role?: Role) => patch({ role })}
          options={ROLES.map((r) => ({ value: r, label: label('role', r) }))}
          data-testid="accounts-filter-role"
        />
        <div style={{ width: isMobile ? '100%' : 220 }}>
          <OrgTreeSelect allowClear placeholder={t('filterOrg')} value={query.orgId} onChange={(orgId) => patch({ orgId })} style={{ width: '100%' }} />
        </div>
      </Flex>
      <div data-testid="accounts-table">
        <Table<AccountItem>
          {...listTableProps<AccountItem, AccountSort>({
            query,
            data,
            loading: isFetching,
            onChange: onTable,
            showTotal: (total) => t('common:total', { total }),
            compact: isMobile,
          })}
          size="small"
          columns={columns}
          scroll={{ x: 1000 }}
        />
      </div>
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} />
      <GrantModal account={granting} onClose={() => setGranting(null)} />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
    </Page>
  );
}
