import { useState } from 'react';
import { Button, Card, Col, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { exactRate } from '@common/figure';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../shared/Page';
import { Board } from '../../shared/Board';
import { ClassSelect } from '../../shared/school/ClassSelect';
import { PagedList } from '../../shared/PagedList';
import { useClassOptions } from '../../shared/school/useClassOptions';
import { pct } from '../../shared/school/weeks';
import { Stat } from '../../shared/school/Stat';
import { useClassIndicators, useSessions } from './api';
import '../../shared/school/school.css';

/** One class over the term: how often the session was held, topics covered, who has spoken. */
export default function ClassPage() {
  const { t } = useTranslation(['moralEducation', 'school']);
  const [params, setParams] = useSearchParams();
  const { options, loading } = useClassOptions({ oversee: true });
  const classId = params.get('class') ?? options.find((o) => o.teaches)?.id ?? options[0]?.id;
  const cls = options.find((o) => o.id === classId);
  const { data, isLoading, error } = useClassIndicators(classId);
  const [page, setPage] = useState(1);
  const sessions = useSessions(classId, page);

  return (
    <Page
      title={t('klass.title')}
      extra={
        <>
          {options.length > 1 && (
            <ClassSelect
              value={classId}
              options={options}
              onChange={(id) => {
                setPage(1);
                setParams({ class: id }, { replace: true });
              }}
            />
          )}
          {cls?.head && (
            <Link to="/moral-education/today">
              <Button type="primary">{t('klass.record')}</Button>
            </Link>
          )}
        </>
      }
    >
      <Board notice={!loading && !classId && t('school:noClass')} error={error} loading={isLoading}>
        {data && (
          <>
            <Col xs={24}>
              <Typography.Text type="secondary">
                {cls?.name} · {data.termName} · {t('klass.asOf', { date: data.asOf })}
              </Typography.Text>
            </Col>
            <Col xs={24} md={8}>
              <Stat
                label={t('klass.coverage')}
                value={pct(exactRate(data.coverage.coverage))}
                sub={`${t('klass.coverageSub', { held: data.coverage.held, days: data.coverage.schoolDays })} · ${t('klass.skipped', { n: data.coverage.skipped })} · ${t('klass.unrecorded', { n: data.coverage.unrecorded })}`}
                testId="me-class-coverage"
              />
            </Col>
            <Col xs={24} md={8}>
              <Stat
                label={t('klass.topics')}
                value={pct(exactRate(data.topics.coverage))}
                sub={t('klass.topicsSub', { asPlanned: data.topics.heldAsPlanned, changed: data.topics.heldChanged, notHeld: data.topics.notHeld })}
              />
            </Col>
            <Col xs={24} md={8}>
              <Stat
                label={t('klass.presenters')}
                value={pct(exactRate(data.presenters.share))}
                sub={t('klass.presentersSub', { num: data.presenters.share.numerator, den: data.presenters.share.denominator })}
                testId="me-class-presenters"
              />
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('klass.presenters')} data-testid="me-presenters-card">
                <Typography.Text strong>{t('klass.presented')}</Typography.Text>
                <Flex wrap gap={6} style={{ margin: '6px 0 12px' }} data-testid="me-presented">
                  {data.presenters.presented.length ? (
                    data.presenters.presented.map((p) => (
                      <Tag key={p.id} color="green">
                        {p.name} · {t('form.times', { n: p.times })}
                      </Tag>
                    ))
                  ) : (
                    <Typography.Text type="secondary">{t('common:none')}</Typography.Text>
                  )}
                </Flex>
                <Typography.Text strong>{t('klass.notYet')}</Typography.Text>
                <Flex wrap gap={6} style={{ marginTop: 6 }} data-testid="me-not-yet">
                  {data.presenters.notYet.length ? (
                    data.presenters.notYet.map((p) => <Tag key={p.id}>{p.name}</Tag>)
                  ) : (
                    <Typography.Text type="secondary">{t('common:none')}</Typography.Text>
                  )}
                </Flex>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('klass.sessions')} data-testid="me-sessions">
                <PagedList
                  data={sessions.data}
                  loading={sessions.isFetching}
                  page={page}
                  onPage={setPage}
                  renderItem={(s) => (
                    <List.Item data-testid="me-session-row">
                      <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
                        <Flex justify="space-between" gap={8}>
                          <Typography.Text strong>{s.date}</Typography.Text>
                          <Tag color={s.status === 'held' ? 'green' : 'orange'}>{t(`status.${s.status}`)}</Tag>
                        </Flex>
                        <Typography.Text ellipsis>{s.status === 'held' ? s.topic : s.skipReason}</Typography.Text>
                        {s.presenters.length > 0 && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('form.presenters')}：{s.presenters.map((p) => p.name).join('、')}
                          </Typography.Text>
                        )}
                        {s.photoUrl && (
                          <a href={s.photoUrl} target="_blank" rel="noopener noreferrer" style={{ fontSize: 12 }}>
                            {t('klass.photo')}
                          </a>
                        )}
                      </Flex>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          </>
        )}
      </Board>
    </Page>
  );
}
