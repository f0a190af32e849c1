import type { Citation } from '@common/schemas/policies';
import { Citations } from '../policies';
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Image, Result, Row, Spin, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { useEnumLabel } from '../../shared/enumOptions';
import { formatDateTime } from '../../shared/time';
import { useIsMobile } from '../../shared/useIsMobile';
import { useAppeal, type AppealDetail, type RevealResult } from './api';
import { AppealActions, visibleActions } from './AppealActions';
import { AppealTimeline } from './AppealTimeline';
import { ExtensionsCard } from './ExtensionsCard';
import { SimilarAppealsCard } from './SimilarAppealsCard';
import { LightTag, RatingTag, StatusTag, UrgencyTag, useAppealLabel } from './labels';
import { RatingForm } from './RatingForm';
import { useDeptLabel } from './useDeptLabel';
import { useAuth } from '../../shared/auth/AuthContext';
import { MEDIATION_PERMISSIONS } from '@common/mediation';

/** A deadline counted across days whose holidays are not yet published may still move. */
function ProvisionalMark() {
  const { t } = useTranslation('appeals');
  return (
    <Tooltip title={t('fields.provisionalHint')}>
      <Tag color="gold" style={{ marginInlineStart: 8 }} data-testid="deadline-provisional">
        {t('fields.provisional')}
      </Tag>
    </Tooltip>
  );
}

export default function AppealDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation('appeals');
  const navigate = useNavigate();
  const { data: appeal, error, isLoading } = useAppeal(id);
  const [revealed, setRevealed] = useState<RevealResult | null>(null);
  const { can } = useAuth();

  if (isLoading) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (!appeal) {
    const notFound = isApiError(error) && (error.status === 404 || error.status === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('detail.notFound') : t('common:error.unknown')}
        extra={<Button onClick={() => navigate(-1)}>{t('detail.back')}</Button>}
      />
    );
  }

  const workerView = appeal.mine && !appeal.abilities.some((a) => a !== 'rate');
  const actions = visibleActions(appeal);
  return (
    <div className="xq-page" data-testid="appeal-detail">
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('detail.back')} />
        <Typography.Title level={4} style={{ margin: 0, minWidth: 0, wordBreak: 'break-word' }} data-testid="appeal-detail-title">
          {appeal.title}
        </Typography.Title>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Summary appeal={appeal} />
            {actions.length > 0 && (
              <Card size="small" title={t('detail.actions')}>
                <AppealActions appeal={appeal} onRevealed={setRevealed} />
              </Card>
            )}
            {/* A labour dispute goes to the mediation committee in its author's name: never an anonymous appeal's. */}
            {!appeal.anonymous && (can(MEDIATION_PERMISSIONS.oversee) || can(MEDIATION_PERMISSIONS.mediate)) && (
              <Link to={`/mediation/register?appealId=${appeal.id}`} style={{ alignSelf: 'flex-start' }}>
                <Button data-testid="appeal-refer-mediation">{t('detail.referMediation')}</Button>
              </Link>
            )}
            <AnswerCard appeal={appeal} />
            {appeal.abilities.includes('rate') && <RatingForm appeal={appeal} />}
            <Card size="small" title={t('detail.timeline')}>
              <AppealTimeline appeal={appeal} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            {!workerView && <AuthorCard appeal={appeal} revealed={revealed} />}
            <ExtensionsCard appeal={appeal} />
            {appeal.abilities.includes('merge') && <SimilarAppealsCard appealId={appeal.id} />}
            {appeal.duplicates.length > 0 && (
              <Card size="small" title={t('detail.duplicates')}>
                <Flex wrap gap={8}>
                  {appeal.duplicates.map((d) => (
                    <Link key={d.id} to={`/appeals/${d.id}`}>
                      {d.code}
                    </Link>
                  ))}
                </Flex>
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

function Summary({ appeal }: { appeal: AppealDetail }) {
  const { t } = useTranslation('appeals');
  const label = useAppealLabel();
  const isMobile = useIsMobile();
  const deptLabel = useDeptLabel();
  return (
    <Card size="small">
      <Flex wrap gap={6} align="center" style={{ marginBottom: 12 }}>
        <StatusTag status={appeal.status} />
        <LightTag light={appeal.light} />
        <Tag style={{ marginInlineEnd: 0 }}>{label('category', appeal.category)}</Tag>
        <Tag style={{ marginInlineEnd: 0 }}>{label('nature', appeal.nature)}</Tag>
        <UrgencyTag urgency={appeal.urgency} />
        {appeal.anonymous && (
          <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid="appeal-anonymous-tag">
            {t('anonymous')}
          </Tag>
        )}
        {appeal.late && <Tag color="red">{t('overdueLate')}</Tag>}
      </Flex>
      {appeal.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('detail.mergedInto', { code: appeal.mergedInto.code })}
          action={<Link to={`/appeals/${appeal.mergedInto.id}`}>{t('detail.openMaster')}</Link>}
        />
      )}
      {appeal.groupAlertId && !appeal.mine && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('detail.groupAlert')}
          action={<Link to={`/appeals/group-alerts/${appeal.groupAlertId}`}>{t('detail.openAlert')}</Link>}
        />
      )}
      <Descriptions size="small" column={isMobile ? 1 : 2} data-testid="appeal-facts">
        <Descriptions.Item label={t('fields.code')}>{appeal.code}</Descriptions.Item>
        <Descriptions.Item label={t('fields.submittedAt')}>{formatDateTime(appeal.submittedAt)}</Descriptions.Item>
        {appeal.status === 'submitted' && (
          <Descriptions.Item label={t('fields.acceptDeadline')}>
            {appeal.acceptDeadline}
            {appeal.deadlineProvisional && <ProvisionalMark />}
          </Descriptions.Item>
        )}
        {appeal.answerDeadline && (
          <Descriptions.Item label={t('fields.answerDeadline')}>
            <span data-testid="appeal-deadline">{appeal.answerDeadline}</span>
            {appeal.deadlineProvisional && appeal.status !== 'submitted' && <ProvisionalMark />}
          </Descriptions.Item>
        )}
        {appeal.department && <Descriptions.Item label={t('fields.department')}>{deptLabel(appeal.department)}</Descriptions.Item>}
        {appeal.answeredAt && <Descriptions.Item label={t('fields.answeredAt')}>{formatDateTime(appeal.answeredAt)}</Descriptions.Item>}
        {appeal.closedAt && <Descriptions.Item label={t('fields.closedAt')}>{formatDateTime(appeal.closedAt)}</Descriptions.Item>}
        {appeal.affectedWorkers > 1 && (
          <Descriptions.Item label={t('fields.affectedWorkers')}>{t('affected', { count: appeal.affectedWorkers })}</Descriptions.Item>
        )}
        {appeal.reopenCount > 0 && <Descriptions.Item label={t('fields.reopenCount')}>{appeal.reopenCount}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('detail.description')}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="appeal-description-text">
        {appeal.description}
      </Typography.Paragraph>
      {appeal.attachments.length > 0 && (
        <Flex wrap gap={8} data-testid="appeal-attachment-list">
          <Image.PreviewGroup>
            {appeal.attachments.map((a) =>
              a.contentType.startsWith('image/') ? (
                <Image key={a.id} src={a.url} alt={a.fileName} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 4 }} />
              ) : (
                <a key={a.id} href={a.url} download={a.fileName}>
                  <FilePdfOutlined /> {a.fileName}
                </a>
              ),
            )}
          </Image.PreviewGroup>
        </Flex>
      )}
    </Card>
  );
}

function AnswerCard({ appeal }: { appeal: AppealDetail }) {
  const { t } = useTranslation('appeals');
  const label = useAppealLabel();
  const answer = appeal.answer ?? appeal.mergedInto?.answer ?? null;
  const answeredAt = appeal.answeredAt ?? appeal.mergedInto?.answeredAt ?? null;
  if (!answer) return null;
  return (
    <Card
      size="small"
      title={appeal.status === 'declined' ? t('detail.declined', { reason: label('declineReason', appeal.declineReason) }) : t('detail.answer')}
      extra={answeredAt ? <Typography.Text type="secondary">{formatDateTime(answeredAt)}</Typography.Text> : null}
      data-testid="appeal-answer"
      styles={{ header: { whiteSpace: 'normal' } }}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginBottom: appeal.rating ? 12 : 0 }}>{answer}</Typography.Paragraph>
      {appeal.citationsNeedReview && !appeal.mine && (
        <Alert type="warning" showIcon message={t('detail.citationsReview')} style={{ marginBottom: 8 }} data-testid="appeal-citations-review" />
      )}
      <Citations items={appeal.citations as Citation[]} />
      {appeal.rating && (
        <Flex vertical gap={4} data-testid="appeal-rating">
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{appeal.mine ? t('detail.yourRating') : t('detail.rating')}</Typography.Text>
            <RatingTag rating={appeal.rating} />
            {appeal.ratedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(appeal.ratedAt)}
              </Typography.Text>
            )}
          </Flex>
          {appeal.ratingComment && <Typography.Text>{appeal.ratingComment}</Typography.Text>}
        </Flex>
      )}
    </Card>
  );
}

function AuthorCard({ appeal, revealed }: { appeal: AppealDetail; revealed: RevealResult | null }) {
  const { t } = useTranslation('appeals');
  const enumLabel = useEnumLabel();
  const label = useAppealLabel();
  return (
    <Card size="small" title={t('detail.author')} data-testid="appeal-author">
      <Descriptions size="small" column={1}>
        {appeal.author ? (
          <>
            <Descriptions.Item label={t('fields.author')}>{appeal.author.name}</Descriptions.Item>
            {appeal.author.employmentCategory && (
              <Descriptions.Item label={t('fields.employmentCategory')}>{enumLabel('employmentCategory', appeal.author.employmentCategory)}</Descriptions.Item>
            )}
            {appeal.author.phone && <Descriptions.Item label={t('fields.phone')}>{appeal.author.phone}</Descriptions.Item>}
            <Descriptions.Item label={t('fields.org')}>{appeal.org.name}</Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={t('fields.author')}>
            <Tag color="purple">{t('anonymousAuthor')}</Tag>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('fields.unit')}>{appeal.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('fields.channel')}>{label('channel', appeal.channel)}</Descriptions.Item>
      </Descriptions>
      {appeal.anonymous && !revealed && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('detail.anonymousNote')}
        </Typography.Text>
      )}
      {revealed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('detail.reveal')}
          data-testid="appeal-revealed"
          description={
            <>
              <div>{revealed.name}</div>
              <div>{revealed.org.name}</div>
              {revealed.employmentCategory && <div>{enumLabel('employmentCategory', revealed.employmentCategory)}</div>}
              {revealed.phone && <div>{revealed.phone}</div>}
            </>
          }
        />
      )}
    </Card>
  );
}
