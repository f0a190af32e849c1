import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Spin } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/AuthContext';
import { Page } from '../../shared/Page';
import { useOrgs } from '../../shared/orgs';
import { MoveOrgModal } from './MoveOrgModal';
import { OrgDetail } from './OrgDetail';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { OrgTree } from './OrgTree';

export default function OrgPage() {
  const { t } = useTranslation('org');
  const { can } = useAuth();
  const canManage = can('org.manage');
  const { data: orgs, isLoading } = useOrgs();
  const [selectedId, setSelectedId] = useState<string>();
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const [moving, setMoving] = useState(false);

  const selected = orgs?.find((o) => o.id === selectedId);

  return (
    <Page
      title={t('title')}
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: null })}>
            {t('createRoot')}
          </Button>
        )
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={11} lg={9}>
          <Card size="small">
            {isLoading ? (
              <Spin />
            ) : orgs?.length ? (
              <OrgTree orgs={orgs} selectedId={selectedId} onSelect={setSelectedId} />
            ) : (
              <Empty description={t('noOrgs')} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={13} lg={15}>
          <Card size="small">
            {selected && orgs ? (
              <OrgDetail
                org={selected}
                orgs={orgs}
                canManage={canManage}
                onCreateChild={() => setFormTarget({ mode: 'create', parent: selected })}
                onRename={() => setFormTarget({ mode: 'edit', org: selected })}
                onMove={() => setMoving(true)}
                onDeleted={() => setSelectedId(undefined)}
              />
            ) : (
              <Empty description={t('selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
      <OrgFormModal
        target={formTarget}
        onClose={(created) => {
          setFormTarget(null);
          if (created) setSelectedId(created.id);
        }}
      />
      <MoveOrgModal org={moving && selected ? selected : null} onClose={() => setMoving(false)} />
    </Page>
  );
}
