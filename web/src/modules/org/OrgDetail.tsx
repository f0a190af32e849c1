import { App, Breadcrumb, Button, Descriptions, Flex, Popconfirm } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from '../../shared/enumOptions';
import { useShowError } from '../../shared/errors';
import { orgPath, type Org } from '../../shared/orgs';
import { useDeleteOrg } from './api';

interface Props {
  org: Org;
  orgs: Org[];
  canManage: boolean;
  onCreateChild: () => void;
  onRename: () => void;
  onMove: () => void;
  onDeleted: () => void;
}

export function OrgDetail({ org, orgs, canManage, onCreateChild, onRename, onMove, onDeleted }: Props) {
  const { t } = useTranslation('org');
  const { message } = App.useApp();
  const label = useEnumLabel();
  const showError = useShowError();
  const remove = useDeleteOrg();

  const onDelete = async () => {
    try {
      await remove.mutateAsync(org.id);
      void message.success(t('common:deleted'));
      onDeleted();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div data-testid="org-detail">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'name', label: t('fields.name'), children: org.name },
          { key: 'kind', label: t('fields.kind'), children: label('orgKind', org.kind) },
          { key: 'code', label: t('fields.code'), children: org.code || '—' },
          {
            key: 'path',
            label: t('fields.path'),
            children: <Breadcrumb items={orgPath(orgs, org.id).map((o) => ({ key: o.id, title: o.name }))} />,
          },
        ]}
      />
      {canManage && (
        <Flex wrap gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreateChild} data-testid="org-create-child">
            {t('createChild')}
          </Button>
          <Button icon={<EditOutlined />} onClick={onRename} data-testid="org-rename">
            {t('rename')}
          </Button>
          <Button icon={<DragOutlined />} onClick={onMove} data-testid="org-move">
            {t('move')}
          </Button>
          <Popconfirm title={t('deleteConfirm', { name: org.name })} onConfirm={onDelete} okButtonProps={{ danger: true, loading: remove.isPending }}>
            <Button danger icon={<DeleteOutlined />} data-testid="org-delete">
              {t('common:actions.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </div>
  );
}
