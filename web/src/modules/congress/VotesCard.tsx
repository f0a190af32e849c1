import { App, Button, Card, Flex, Form, Input, List, Modal, Popconfirm, Radio, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOTE_CHOICES, VOTE_CHOICE_LABELS, VOTE_KINDS, VOTE_KIND_LABELS, VOTE_STATUS_LABELS, type VoteChoice, type VoteKind } from '@common/congress';
import { useFormErrorHandler, useShowError } from '../../shared/errors';
import { OrgTreeSelect } from '../../shared/OrgTreeSelect';
import { useCast, useCloseVote, useCreateVote, useOpenVote, useVerify, useVote, useVotes, type Session, type VoteRow } from './api';

const STATUS_COLOR = { planned: 'default', open: 'processing', closed: 'blue' } as const;

/** The session's agenda of votes: the office opens and closes them; a representative present votes on the phone. */
export function VotesCard({ s }: { s: Session }) {
  const { t } = useTranslation('congress');
  const votes = useVotes(s.id);
  return (
    <Card size="small" title={t('votes.title')} extra={s.canManage && s.status !== 'closed' ? <AddVote sessionId={s.id} /> : null} data-testid="congress-votes">
      <List<VoteRow> loading={votes.isLoading} dataSource={votes.data} locale={{ emptyText: t('votes.none') }} renderItem={(v) => <VoteItem v={v} s={s} />} />
    </Card>
  );
}

function VoteItem({ v, s }: { v: VoteRow; s: Session }) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const showError = useShowError();
  const open = useOpenVote();
  const close = useCloseVote();
  const rep = s.signedIn !== null;
  return (
    <List.Item data-testid={`congress-vote-${v.id}`}>
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center">
          <Typography.Text strong>{v.title}</Typography.Text>
          <Tag>{VOTE_KIND_LABELS[v.kind][lang]}</Tag>
          <Tag>{v.secret ? t('votes.secret') : t('votes.open')}</Tag>
          <Tag color={STATUS_COLOR[v.status]}>{VOTE_STATUS_LABELS[v.status][lang]}</Tag>
          {v.department && (
            <Typography.Text type="secondary" data-testid="congress-vote-department">{`${t('votes.department')}：${v.department.name}`}</Typography.Text>
          )}
        </Flex>
        {v.result ? <Result v={v} /> : v.status === 'open' && <Typography.Text type="secondary">{t('votes.hidden')}</Typography.Text>}
        {rep &&
          v.status === 'open' &&
          (v.iVoted ? (
            <Tag color="green">{t('votes.voted')}</Tag>
          ) : s.signedIn ? (
            <Ballot v={v} />
          ) : (
            <Typography.Text type="warning">{t('votes.notPresent')}</Typography.Text>
          ))}
        {rep && v.secret && v.iVoted && <Verify voteId={v.id} />}
        {s.canManage && (
          <Flex gap={8}>
            {v.status === 'planned' && (
              <Button type="primary" disabled={s.status !== 'sitting'} loading={open.isPending} onClick={() => open.mutate(v.id, { onError: showError })}>
                {t('votes.start')}
              </Button>
            )}
            {v.status === 'open' && (
              <Popconfirm title={t('votes.closeConfirm')} onConfirm={() => close.mutate(v.id, { onError: showError })}>
                <Button loading={close.isPending}>{t('votes.close')}</Button>
              </Popconfirm>
            )}
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}

/** The figures of a closed vote; the roll call of a named vote on demand. */
function Result({ v }: { v: VoteRow }) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [roll, setRoll] = useState(false);
  const detail = useVote(roll ? v.id : undefined);
  const r = v.result!;
  return (
    <Flex vertical gap={4} data-testid="congress-vote-result">
      <Space wrap>
        <Tag color={r.passed ? 'green' : 'red'}>{r.passed ? t('votes.passed') : t('votes.failed')}</Tag>
        <Typography.Text>{t('votes.tally', { for: r.for, against: r.against, abstain: r.abstain })}</Typography.Text>
      </Space>
      <Typography.Text type="secondary">{t('votes.needs', { n: r.needs })}</Typography.Text>
      <Typography.Text type="secondary">
        {t('votes.turnout', { pct: Math.round(r.turnout * 1000) / 10, voted: r.voted, all: r.representatives })}
      </Typography.Text>
      {!v.secret && (
        <Button type="link" size="small" style={{ padding: 0, alignSelf: 'flex-start' }} onClick={() => setRoll(!roll)}>
          {t('votes.roll')}
        </Button>
      )}
      {roll && detail.data && (
        <List
          size="small"
          dataSource={detail.data.roll}
          renderItem={(x) => <List.Item>{`${x.name}（${x.delegation}）：${VOTE_CHOICE_LABELS[x.choice][lang]}`}</List.Item>}
        />
      )}
    </Flex>
  );
}

/** Three big buttons; a secret ballot answers with the receipt code, shown once. */
function Ballot({ v }: { v: VoteRow }) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { modal } = App.useApp();
  const showError = useShowError();
  const cast = useCast();
  const choose = (choice: VoteChoice) =>
    cast.mutate(
      { voteId: v.id, choice },
      {
        onSuccess: (res) => {
          if (res.receipt)
            modal.success({
              title: t('votes.receiptTitle'),
              content: (
                <Flex vertical gap={8}>
                  <Typography.Title level={3} copyable data-testid="congress-receipt">
                    {res.receipt}
                  </Typography.Title>
                  <Typography.Text>{t('votes.receiptBody')}</Typography.Text>
                </Flex>
              ),
            });
        },
        onError: showError,
      },
    );
  return (
    <Flex gap={8}>
      {VOTE_CHOICES.map((c) => (
        <Button
          key={c}
          size="large"
          style={{ flex: 1 }}
          type={c === 'for' ? 'primary' : 'default'}
          danger={c === 'against'}
          loading={cast.isPending}
          onClick={() => choose(c)}
          data-testid={`congress-cast-${c}`}
        >
          {VOTE_CHOICE_LABELS[c][lang]}
        </Button>
      ))}
    </Flex>
  );
}

function Verify({ voteId }: { voteId: string }) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const showError = useShowError();
  const verify = useVerify();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ receipt: string; choice: VoteChoice }>();
  const submit = async () => {
    const b = await form.validateFields();
    verify.mutate(
      { voteId, ...b },
      { onSuccess: (r) => void (r.counted ? message.success(t('votes.counted')) : message.warning(t('votes.notCounted'))), onError: showError },
    );
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('votes.verify')}
      </Button>
      <Modal open={open} title={t('votes.verify')} onCancel={() => setOpen(false)} onOk={submit} confirmLoading={verify.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="receipt" label={t('votes.receipt')} rules={[{ required: true, min: 4, max: 20 }]}>
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
          <Form.Item name="choice" label={t('votes.yourChoice')} rules={[{ required: true }]}>
            <Radio.Group options={VOTE_CHOICES.map((c) => ({ value: c, label: VOTE_CHOICE_LABELS[c][lang] }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function AddVote({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; kind: VoteKind; secret: boolean; description?: string; departmentId?: string }>();
  const create = useCreateVote(sessionId);
  const onError = useFormErrorHandler(form);
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(v, { onSuccess: () => setOpen(false), onError });
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="congress-add-vote">
        {t('votes.add')}
      </Button>
      <Modal open={open} title={t('votes.add')} onCancel={() => setOpen(false)} onOk={submit} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'resolution', secret: false }}>
          <Form.Item name="title" label={t('votes.name')} rules={[{ required: true, min: 4, max: 80 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="kind" label={t('votes.kind')} rules={[{ required: true }]}>
            <Select options={VOTE_KINDS.map((k) => ({ value: k, label: VOTE_KIND_LABELS[k][lang] }))} />
          </Form.Item>
          <Form.Item name="secret" label={t('votes.secret')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="description" label={t('votes.description')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('votes.department')} extra={t('votes.departmentHelp')}>
            <OrgTreeSelect id="congress-vote-department" allowClear />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
