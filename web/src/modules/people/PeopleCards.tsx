import { Card, Empty, Flex, Pagination, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../shared/CursorPager';
import { useEnumLabel } from '../../shared/enumOptions';
import type { Paged, PeopleQuery, Person } from './api';
import { PhoneCell } from './PhoneCell';

interface Props {
  query: PeopleQuery;
  data: Paged<Person> | undefined;
  loading: boolean;
  onChange: (patch: Partial<PeopleQuery>) => void;
}

/** Phones: a table of ten columns cannot fit 375 px, so each person is a card. */
export function PeopleCards({ query, data, loading, onChange }: Props) {
  const { t } = useTranslation('people');
  const label = useEnumLabel();
  const items = data?.items ?? [];

  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="people-cards">
        {!items.length && !loading && <Empty />}
        {items.map((p) => (
          <Card key={p.id} size="small" data-testid="people-card">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{p.name}</Typography.Text>
              <Flex gap={4}>
                <Tag>{label('personKind', p.kind)}</Tag>
                {p.employmentCategory && <Tag color="blue">{label('employmentCategory', p.employmentCategory)}</Tag>}
              </Flex>
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block' }} ellipsis>
              {p.orgName}
              {p.position ? ` · ${p.position}` : ''}
            </Typography.Text>
            <Flex wrap gap={12} style={{ fontSize: 13 }}>
              {p.employeeNo && (
                <span>
                  {t('fields.employeeNo')}: {p.employeeNo}
                </span>
              )}
              {p.phone && (
                <span>
                  {t('fields.phone')}: <PhoneCell personId={p.id} phone={p.phone} />
                </span>
              )}
              {p.unionMember && <Tag color="red">{t('fields.unionMember')}</Tag>}
            </Flex>
          </Card>
        ))}
        {!query.after && (
          <Pagination simple align="center" current={query.page} pageSize={query.pageSize} total={data?.total ?? 0} onChange={(page) => onChange({ page })} />
        )}
        <CursorPager query={query} data={data} onChange={onChange} testId="people-cursor-pager" />
      </Flex>
    </Spin>
  );
}
