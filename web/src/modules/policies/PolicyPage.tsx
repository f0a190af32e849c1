import { Alert, Button, DatePicker, Descriptions, Flex, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Dayjs } from 'dayjs';
import { Page } from '../../shared/Page';
import { useShowError } from '../../shared/errors';
import { repealPolicy, usePoliciesWrite, usePolicy } from './api';
import { levelLabel, PolicyStatusTag } from './labels';

/** One policy: its articles (each addressable as #a-<seq>, what a citation links to), its versions, and the keeper's actions. */
export default function PolicyPage() {
  const { t } = useTranslation('policies');
  const { id } = useParams();
  const navigate = useNavigate();
  const showError = useShowError();
  const { data: p, isLoading } = usePolicy(id);
  const [repealOpen, setRepealOpen] = useState(false);
  const [repealDate, setRepealDate] = useState<Dayjs | null>(null);
  const repeal = usePoliciesWrite(repealPolicy(id ?? ''));
  if (!p) return <Page title={isLoading ? '…' : ''}>{null}</Page>;
  let chapter: string | null = null;
  return (
    <Page
      title={
        <Space wrap>
          {p.title}
          <PolicyStatusTag status={p.status} />
        </Space>
      }
      extra={
        p.canManage && p.status === 'effective' ? (
          <>
            <Button onClick={() => navigate(`/policies/new?from=${p.id}`)}>{t('policy.newVersion')}</Button>
            <Button danger onClick={() => setRepealOpen(true)}>
              {t('policy.repeal')}
            </Button>
          </>
        ) : null
      }
    >
      {p.status === 'superseded' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('policy.superseded')}
          action={p.supersededBy ? <Link to={`/policies/${p.supersededBy}`}>{t('policy.readNew')}</Link> : null}
        />
      )}
      {p.status === 'repealed' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('policy.repealed', { date: p.repealDate })} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('library.issuer')}>{p.issuer}</Descriptions.Item>
        <Descriptions.Item label={t('policy.docNumber')}>{p.docNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('library.level')}>{levelLabel(p.level)}</Descriptions.Item>
        <Descriptions.Item label={t('library.effectiveDate')}>{p.effectiveDate}</Descriptions.Item>
        <Descriptions.Item label={t('policy.versions')}>
          <Flex gap={8} wrap>
            {p.versions.map((v) => (
              <Link key={v.id} to={`/policies/${v.id}`}>
                {t('policy.version', { n: v.version })}（{v.effectiveDate}）
              </Link>
            ))}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
      <List
        dataSource={p.articles}
        renderItem={(a) => {
          const heading = a.chapter && a.chapter !== chapter ? a.chapter : null;
          chapter = a.chapter;
          return (
            <List.Item id={`a-${a.seq}`} data-testid="policy-article">
              <Flex vertical style={{ width: '100%' }}>
                {heading && <Typography.Title level={5}>{heading}</Typography.Title>}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  <Typography.Text strong>{a.label}</Typography.Text> {a.body}
                </Typography.Paragraph>
              </Flex>
            </List.Item>
          );
        }}
      />
      <Modal
        open={repealOpen}
        title={t('policy.repeal')}
        onCancel={() => setRepealOpen(false)}
        okButtonProps={{ danger: true, disabled: !repealDate, loading: repeal.isPending }}
        onOk={() => repeal.mutate({ repealDate: repealDate!.format('YYYY-MM-DD') }, { onSuccess: () => setRepealOpen(false), onError: showError })}
      >
        <Typography.Paragraph>{t('policy.repealConfirm')}</Typography.Paragraph>
        <DatePicker value={repealDate} onChange={setRepealDate} placeholder={t('policy.repealDate')} style={{ width: '100%' }} />
      </Modal>
    </Page>
  );
}
