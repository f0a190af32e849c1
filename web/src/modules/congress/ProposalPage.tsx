import { Card, Descriptions, Flex, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_GRADE_LABELS, PROPOSAL_RATING_LABELS, PROPOSAL_STATUS_LABELS } from '@common/congress';
import { DECIDED_ITEM_STATUS_LABELS, type DecidedItemStatus } from '@common/decidedItems';
import { Page } from '../../shared/Page';
import { formatDateTime } from '../../shared/time';
import { ProposalActions } from './ProposalActions';
import { useProposal } from './api';

/** One proposal: what it asks, who backs it, how it was screened, assigned, answered, rated and graded; the caller's next step. */
export default function ProposalPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('congress');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const q = useProposal(id);
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Result status="404" />;
  const p = q.data;
  const events = t('proposal.events', { returnObjects: true }) as Record<string, string>;
  // The meetings that took it up, from its timeline (one event per meeting).
  const meetings = p.timeline.flatMap((e) =>
    e.event === 'onAgenda' && typeof e.data?.meetingId === 'string'
      ? [{ id: e.data.meetingId, title: String(e.data.meetingTitle ?? ''), date: String(e.data.plannedDate ?? '') }]
      : [],
  );
  return (
    <Page
      title={`${p.number ? `第${p.number}号 · ` : ''}${p.title}`}
      extra={
        <Flex gap={8} align="center">
          <Tag color="blue" data-testid="congress-proposal-status-tag">
            {PROPOSAL_STATUS_LABELS[p.status][lang]}
          </Tag>
          <Link to={`/congress/sessions/${p.sessionId}`}>{t('proposal.back')}</Link>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <ProposalActions p={p} />
        <Card size="small">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('proposals.proposer')}>{p.proposerName}</Descriptions.Item>
            <Descriptions.Item label={t('proposal.seconds')}>{p.secondedBy.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('proposal.reasons')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.reasons}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('proposal.solution')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.solution}</Typography.Paragraph>
            </Descriptions.Item>
            {p.screeningReason && <Descriptions.Item label={t('proposal.screening')}>{p.screeningReason}</Descriptions.Item>}
            {p.proposers > 1 && <Descriptions.Item label={t('proposal.proposers')}>{p.proposers}</Descriptions.Item>}
            {p.departmentName && (
              <Descriptions.Item label={t('proposal.department')}>{[p.departmentName, ...p.coDepartmentNames].join('、')}</Descriptions.Item>
            )}
            {p.answerDueDate && <Descriptions.Item label={t('proposal.due')}>{p.answerDueDate}</Descriptions.Item>}
            {p.answer && (
              <Descriptions.Item label={t('proposal.answer')} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="congress-proposal-answer">
                  {p.answer}
                </Typography.Paragraph>
              </Descriptions.Item>
            )}
            {p.rating && <Descriptions.Item label={t('proposal.rating')}>{PROPOSAL_RATING_LABELS[p.rating][lang]}</Descriptions.Item>}
            {p.grade && (
              <Descriptions.Item label={t('proposal.grade')}>{`${PROPOSAL_GRADE_LABELS[p.grade][lang]}（${p.gradeReason ?? ''}）`}</Descriptions.Item>
            )}
            {/* The item follows the proposal (the answer closes it): its state, progress and due date, linked to the item. */}
            {p.decidedItems.length > 0 && (
              <Descriptions.Item label={t('proposal.decided')}>
                {p.decidedItems.map((d, i) => (
                  <span key={d.id}>
                    {i > 0 && '；'}
                    <Link to={`/decided-items/${d.id}`} data-testid="congress-proposal-decided">
                      {`${DECIDED_ITEM_STATUS_LABELS[d.status as DecidedItemStatus]?.[lang] ?? d.status} · ${d.progress}% · ${d.dueDate}`}
                    </Link>
                  </span>
                ))}
              </Descriptions.Item>
            )}
            {meetings.length > 0 && (
              <Descriptions.Item label={t('proposal.meetings')} span={2}>
                {meetings.map((m, i) => (
                  <span key={m.id}>
                    {i > 0 && '；'}
                    <Link to={`/meetings/${m.id}`}>{`${m.title}（${m.date}）`}</Link>
                  </span>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card size="small" title={t('proposal.timeline')}>
          <Timeline
            items={p.timeline.map((e) => ({
              children: (
                <>
                  {`${formatDateTime(e.at)} · ${events[e.event] ?? e.event}${e.actorName ? ` · ${e.actorName}` : ''}`}
                  {/* Taken up by a meeting: the link to that meeting (its page checks who may see it). */}
                  {e.event === 'onAgenda' && typeof e.data?.meetingId === 'string' && (
                    <>
                      {' · '}
                      <Link to={`/meetings/${e.data.meetingId}`}>{`${String(e.data.meetingTitle ?? '')}（${String(e.data.plannedDate ?? '')}）`}</Link>
                    </>
                  )}
                </>
              ),
            }))}
          />
        </Card>
      </Flex>
    </Page>
  );
}
