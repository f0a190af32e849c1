import { Alert, Card, Descriptions, Empty, Flex, Image, List, Result, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EventTimeline } from '../../shared/EventTimeline';
import { Page } from '../../shared/Page';
import { useHousehold } from './api';
import { HouseholdActions } from './HouseholdActions';
import { ObjectionDecide } from './ObjectionDecide';
import { StatusTag, TierTag, useLabel, yuan } from './labels';

/** One household's file: the officers see everything (visits, objections, reviews, callbacks, assistance, cross-check, history); the worker sees the application and where it stands. */
export default function HouseholdPage() {
  const { id } = useParams();
  const { t } = useTranslation('hardship');
  const label = useLabel();
  const { data: h, isLoading, error } = useHousehold(id);
  if (isLoading) return <Spin />;
  if (error || !h) return <Result status="404" title={t('list.empty')} />;
  const none = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.none')} />;
  return (
    <Page
      title={t('detail.title', { code: h.code })}
      extra={
        <Flex gap={4}>
          <TierTag tier={h.tier} />
          <StatusTag status={h.status} />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {h.officer ? <HouseholdActions h={h} /> : <Alert type="info" showIcon message={t('detail.mine')} />}
        {h.refusalReason && <Alert type="warning" showIcon message={`${t('detail.refusal')}：${h.refusalReason}`} />}
        <Card title={t('detail.household')}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('list.worker')}>
              {h.workerName} · {h.orgName}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.locality')}>
              {h.locality}（{h.year}）
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.income')}>{yuan(h.householdIncomeFen)}</Descriptions.Item>
            <Descriptions.Item label={t('detail.perHead')}>
              {yuan(h.incomePerHeadFen)}（{h.householdSize} 人）
            </Descriptions.Item>
            <Descriptions.Item label={t('list.causes')}>{h.causes.map(label.cause).join('、')}</Descriptions.Item>
            {h.noticeFrom && (
              <Descriptions.Item label={t('detail.notice')}>
                {h.noticeFrom} — {h.noticeTo}
              </Descriptions.Item>
            )}
            {h.reviewDue && <Descriptions.Item label={t('list.reviewDue')}>{h.reviewDue}</Descriptions.Item>}
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>{h.situation}</Typography.Paragraph>
          <List
            size="small"
            header={t('detail.members')}
            dataSource={h.members}
            locale={{ emptyText: t('detail.none') }}
            renderItem={(m) => <List.Item>{`${m.relation} ${m.name}${m.condition ? `：${m.condition}` : ''} · ${yuan(m.monthlyIncomeFen)}`}</List.Item>}
          />
        </Card>
        {h.officer && (
          <>
            <Card title={t('detail.visits')}>
              {h.visits!.length === 0
                ? none
                : h.visits!.map((v) => (
                    <Descriptions key={v.id} title={`${v.visitedOn} · ${v.staffName}`} column={1} size="small" data-testid="hardship-visit">
                      <Descriptions.Item label={t('action.notes')}>{v.notes}</Descriptions.Item>
                      {v.photos.length > 0 && (
                        <Descriptions.Item label="照片">
                          <Image.PreviewGroup>
                            {v.photos.map((p) => (
                              <Image key={p.id} width={96} src={`/api/v1/hardship/households/${h.id}/files/${p.id}`} alt={p.name} />
                            ))}
                          </Image.PreviewGroup>
                        </Descriptions.Item>
                      )}
                    </Descriptions>
                  ))}
            </Card>
            {h.objections!.length > 0 && (
              <Card title={t('detail.objections')}>
                <List
                  dataSource={h.objections!}
                  renderItem={(o) => (
                    <List.Item>
                      <Flex vertical gap={6} style={{ width: '100%' }}>
                        <Typography.Text>
                          {o.raisedOn} · {o.objectorName ?? t('detail.anonymousObjector')}：{o.content}
                        </Typography.Text>
                        {o.decision ? (
                          <Tag>{`${t(`detail.${o.decision}`)}：${o.note ?? ''}`}</Tag>
                        ) : h.status === 'notice' ? (
                          <ObjectionDecide profileId={h.id} objectionId={o.id} />
                        ) : null}
                      </Flex>
                    </List.Item>
                  )}
                />
              </Card>
            )}
            <Card title={t('detail.assistance')} extra={yuan(h.assistanceFen)}>
              <List
                size="small"
                dataSource={h.assistance!}
                locale={{ emptyText: t('detail.none') }}
                renderItem={(a) => (
                  <List.Item data-testid="hardship-assistance">{`${a.givenOn} ${label.kind(a.kind)} ${yuan(a.amountFen)} · ${a.fund} · ${a.deliveredBy}`}</List.Item>
                )}
              />
            </Card>
            <Card title={t('detail.reviews')}>
              <List
                size="small"
                dataSource={h.reviews!}
                locale={{ emptyText: t('detail.none') }}
                renderItem={(r) => (
                  <List.Item>{`${t('detail.due', { date: r.dueDate })} · ${r.reviewedOn ? `${t('detail.done', { date: r.reviewedOn })} ${label.tier(r.tier)} ${r.notes ?? ''}` : '—'}`}</List.Item>
                )}
              />
            </Card>
            {h.callbacks!.length > 0 && (
              <Card title={t('detail.callbacks')}>
                <List
                  size="small"
                  dataSource={h.callbacks!}
                  renderItem={(c) => (
                    <List.Item>
                      {`${t('detail.months', { n: c.month })} · ${t('detail.due', { date: c.dueDate })} · ${c.cancelled ? t('detail.cancelled') : c.doneOn ? `${t('detail.done', { date: c.doneOn })} ${c.notes ?? ''}` : '—'}`}
                      {c.relapse && <Tag color="red">{t('detail.relapse')}</Tag>}
                    </List.Item>
                  )}
                />
              </Card>
            )}
            <Card title={t('detail.crossCheck')}>
              <List
                size="small"
                header={t('detail.appeals')}
                dataSource={h.crossCheck!.appeals}
                locale={{ emptyText: t('detail.none') }}
                renderItem={(a) => (
                  <List.Item>
                    <Link to={`/appeals/${a.id}`}>{`${a.code} ${a.title}`}</Link> · {a.submittedDate}
                  </List.Item>
                )}
              />
              <List
                size="small"
                header={t('detail.mediation')}
                dataSource={h.crossCheck!.mediationCases}
                locale={{ emptyText: t('detail.none') }}
                renderItem={(c) => (
                  <List.Item>
                    <Link to={`/mediation/cases/${c.id}`}>{`${c.code} ${c.respondent}`}</Link> · {c.appliedDate}
                  </List.Item>
                )}
              />
            </Card>
            <Card title={t('detail.timeline')}>
              <EventTimeline events={h.events!} label={(e) => t(`event.${e}`, { defaultValue: e })} />
            </Card>
          </>
        )}
      </Flex>
    </Page>
  );
}
