import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Input, List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/Page';
import { useShowError } from '../../shared/errors';
import { useObject, usePublicity, type PublicNotice } from './api';
import { TierTag } from './labels';

function ObjectButton({ n }: { n: PublicNotice }) {
  const { t } = useTranslation('hardship');
  const { message } = App.useApp();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [content, setContent] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const object = useObject(n.id);
  const send = () =>
    object.mutate(
      { content, anonymous },
      {
        onSuccess: () => {
          void message.success(t('publicity.sent'));
          setOpen(false);
          setContent('');
          setAnonymous(false);
        },
        onError: showError,
      },
    );
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="hardship-object">
        {t('publicity.object')}
      </Button>
      <Modal
        open={open}
        title={`${t('publicity.object')} · ${n.maskedName}`}
        onCancel={() => setOpen(false)}
        onOk={send}
        okButtonProps={{ disabled: !content.trim(), loading: object.isPending }}
        destroyOnHidden
      >
        <Input.TextArea
          rows={4}
          maxLength={1000}
          value={content}
          onChange={(e) => setContent(e.target.value)}
          aria-label={t('publicity.content')}
          placeholder={t('publicity.content')}
        />
        <Checkbox checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} style={{ marginTop: 12 }} data-testid="hardship-object-anonymous">
          {t('publicity.anonymous')}
        </Checkbox>
      </Modal>
    </>
  );
}

/** 公示: the union's approved households with names masked, the period, and an objection form. */
export default function PublicityPage() {
  const { t } = useTranslation('hardship');
  const [page, setPage] = useState(1);
  const { data, isFetching } = usePublicity(page);
  return (
    <Page title={t('publicity.title')}>
      <Alert type="info" showIcon message={t('publicity.hint')} style={{ marginBottom: 12 }} />
      <Card>
        <List
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publicity.empty')} /> }}
          pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, simple: true, onChange: setPage } : false}
          renderItem={(n) => (
            <List.Item extra={<ObjectButton n={n} />} data-testid="hardship-notice">
              <Flex vertical gap={2}>
                <Flex gap={8} align="center">
                  <Typography.Text strong data-testid="hardship-masked-name">
                    {n.maskedName}
                  </Typography.Text>
                  <TierTag tier={n.tier} />
                </Flex>
                <Typography.Text type="secondary">
                  {n.orgName} · {t('publicity.period', { from: n.noticeFrom, to: n.noticeTo })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Page>
  );
}
