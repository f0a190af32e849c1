import type { ReactNode } from 'react';
import { Button, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NotableCase } from '@common/notableCase';

interface Props {
  picked: NotableCase[];
  suggested: NotableCase[];
  writable: boolean;
  onChange: (cases: NotableCase[]) => void;
  module: string;
}

/** A practice's notable cases in the report: those picked, then (for the author) the others suggested for the period. */
export function NotableCases({ picked, suggested, writable, onChange, module }: Props) {
  const { t, i18n } = useTranslation('workReport');
  const en = i18n.language === 'en';
  const keys = new Set(picked.map((c) => c.key));
  const others = writable ? suggested.filter((c) => !keys.has(c.key)) : [];
  if (!picked.length && !writable) return null;
  const item = (c: NotableCase, action: ReactNode) => (
    <List.Item actions={writable ? [action] : []}>
      <List.Item.Meta title={`${c.title}（${en ? c.kind.en : c.kind.zh}）`} description={c.summary} />
    </List.Item>
  );
  return (
    <div style={{ marginTop: 12 }} data-testid={`wr-cases-${module}`}>
      <Typography.Text strong>{t('report.cases')}</Typography.Text>
      {picked.length > 0 && (
        <List
          size="small"
          dataSource={picked}
          renderItem={(c) =>
            item(
              c,
              <Button size="small" onClick={() => onChange(picked.filter((p) => p.key !== c.key))}>
                {t('report.dropCase')}
              </Button>,
            )
          }
        />
      )}
      {writable && (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('report.casesHint')}
          </Typography.Paragraph>
          {others.length ? (
            <List
              size="small"
              dataSource={others}
              renderItem={(c) =>
                item(
                  c,
                  <Button size="small" type="primary" ghost onClick={() => onChange([...picked, c])} data-testid="wr-case-pick">
                    {t('report.pickCase')}
                  </Button>,
                )
              }
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noCases')} />
          )}
        </>
      )}
    </div>
  );
}
