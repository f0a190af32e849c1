import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, List, Progress, Result, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../shared/Page';
import { formatDateTime } from '../../shared/time';
import { useGrowthWrite, usePlan } from './api';
import { PlanStatusTag, useLabel, versionLabel } from './labels';
import { PlanActions } from './PlanActions';
import { PlanForm } from './PlanForm';

/** One plan: goals year by year with their weights, the tier's duties this term, evidence, yearly reviews and the history. */
export default function PlanPage() {
  const { id } = useParams();
  const { t } = useTranslation('teacherGrowth');
  const label = useLabel();
  const { data: p, isLoading, error } = usePlan(id);
  const write = useGrowthWrite();
  const [editing, setEditing] = useState(false);
  if (isLoading) return <Spin />;
  if (error || !p) return <Result status="404" title={t('plan.notFound')} />;
  if (editing) return <Page title={p.title}>{<PlanForm plan={p} onSaved={() => setEditing(false)} />}</Page>;
  const own = p.relation === 'own';
  return (
    <Page title={p.relation === 'own' ? p.title : `${p.teacherName} · ${p.title}`} extra={<PlanStatusTag status={p.status} />}>
      <Flex vertical gap={16}>
        <PlanActions plan={p} onEdit={() => setEditing(true)} />
        <Card>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('plan.tier')}>{label.tier(p.tier)}</Descriptions.Item>
            <Descriptions.Item label={t('plan.year')}>{t('plan.yearOf', { n: p.currentYear })}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{p.vision}</Typography.Paragraph>
          {p.yearProgress !== null && <Progress percent={Math.round(p.yearProgress * 100)} size="small" />}
          {p.reviewComment && (
            <Typography.Paragraph type="secondary" data-testid="growth-review-comment">
              {t('plan.reviewComment')}：{p.reviewComment}
            </Typography.Paragraph>
          )}
        </Card>
        {[1, 2, 3].map((y) => (
          <Card key={y} size="small" title={t('form.yearN', { n: y })}>
            <List
              size="small"
              dataSource={p.goals.filter((g) => g.year === y)}
              renderItem={(g) => (
                <List.Item
                  extra={
                    g.doneOn ? (
                      <Tag color="success">{t('plan.done')}</Tag>
                    ) : own && p.status === 'active' && y === p.currentYear ? (
                      <Button size="small" loading={write.isPending} onClick={() => write.mutate({ path: `/plans/${p.id}/goals/${g.id}/complete` })}>
                        {t('plan.markDone')}
                      </Button>
                    ) : null
                  }
                >
                  <List.Item.Meta
                    title={g.title}
                    description={`${label.area(g.area)} · ${t('plan.weight', { w: g.weight })}${g.measure ? ` · ${g.measure}` : ''}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        ))}
        <Card size="small" title={t('plan.duties')}>
          <List
            size="small"
            dataSource={p.duties}
            renderItem={(d) => <List.Item extra={t('plan.dutyCount', { done: d.doneThisTerm, need: d.perTerm })}>{d.name}</List.Item>}
          />
        </Card>
        <Card size="small" title={t('plan.evidence')}>
          <List
            size="small"
            dataSource={p.evidence}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noEvidence')} /> }}
            renderItem={(e) => (
              <List.Item>
                <List.Item.Meta
                  title={`${label.evidence(e.kind)} · ${e.title}`}
                  description={[
                    e.date,
                    e.observerName ? t('plan.observer', { name: e.observerName }) : null,
                    e.observation
                      ? t('plan.observation', {
                          total: e.observation.total,
                          version: versionLabel(t, e.observation.version),
                          result: t(e.observation.met ? 'plan.met' : 'plan.notMet'),
                          items: e.observation.items.map((i) => `${i.name} ${i.score ?? '—'}`).join('、'),
                        })
                      : null,
                    e.note,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
        {p.yearReviews.length > 0 && (
          <Card size="small" title={t('plan.reviews')}>
            <List
              size="small"
              dataSource={p.yearReviews}
              renderItem={(r) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${t('form.yearN', { n: r.year })}${r.rating ? ` · ${t(`action.${r.rating}`)}` : ''}`}
                    description={[r.reflection, r.comment].filter(Boolean).join(' — ')}
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
        <Card size="small" title={t('plan.history')}>
          <Timeline items={p.events.map((e) => ({ children: `${formatDateTime(e.at)} ${e.actorName ?? ''} ${e.to ? label.status(e.to) : e.event}` }))} />
        </Card>
      </Flex>
    </Page>
  );
}
