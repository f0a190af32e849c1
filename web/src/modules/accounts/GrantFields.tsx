import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@common/roles';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useEnumLabel } from '../../shared/enumOptions';

/**
 * A role and the org it is granted at, as form items named [prefix, 'role'|'orgId'].
 * Only sysAdmin may be granted without an org (the whole deployment); the server says so too.
 */
export function GrantFields({ prefix, required }: { prefix?: string; required: boolean }) {
  const { t } = useTranslation('accounts');
  const label = useEnumLabel();
  const name = (f: string) => (prefix ? [prefix, f] : [f]);
  const role = Form.useWatch(name('role')) as string | undefined;
  return (
    <>
      <Form.Item name={name('role')} label={t('fields.role')} rules={required ? [{ required: true, message: t('required', { field: t('fields.role') }) }] : []}>
        <Select
          allowClear={!required}
          showSearch={{ optionFilterProp: 'label' }}
          options={ROLES.map((r) => ({ value: r, label: label('role', r) }))}
          data-testid="grant-role"
        />
      </Form.Item>
      <Form.Item
        name={name('orgId')}
        label={t('fields.org')}
        extra={role === 'sysAdmin' ? t('systemWide') : undefined}
        rules={role && role !== 'sysAdmin' ? [{ required: true, message: t('required', { field: t('fields.org') }) }] : []}
      >
        <OrgTreeSelect allowClear />
      </Form.Item>
    </>
  );
}
