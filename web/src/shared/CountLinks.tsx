import { Col, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface CountLink {
  key: string;
  label: string;
  /** undefined while loading. */
  count: number | undefined;
  /** The server stopped counting: more match than `count` (shown as 「2000+」). */
  capped?: boolean;
  /** The list this figure counts, already filtered, so a tap shows exactly these rows; none when no page lists them. */
  to?: string;
  /** Colours the figure when it is not zero: red for overdue, orange for due soon. */
  tone?: 'danger' | 'warning';
}

const TONE = { danger: '#cf1322', warning: '#ad4e00' } as const;

function MaybeLink({ to, testId, count, children }: { to?: string; testId: string; count: number | undefined; children: ReactNode }) {
  const props = { 'data-testid': testId, 'data-count': count ?? '', style: { display: 'block' } };
  return to ? (
    <Link to={to} {...props}>
      {children}
    </Link>
  ) : (
    <div {...props}>{children}</div>
  );
}

/**
 * A home card's figures: each a number and a label that open the filtered list it counts.
 * Two per row on a phone, four on a wide screen.
 */
export function CountLinks({ items, testId }: { items: CountLink[]; testId?: string }) {
  return (
    <Row gutter={[12, 12]} data-testid={testId}>
      {items.map((c) => (
        <Col key={c.key} xs={12} md={6}>
          <MaybeLink to={c.to} testId={`count-${c.key}`} count={c.count}>
            {c.count === undefined ? (
              <Skeleton.Button active size="small" />
            ) : (
              <Typography.Text strong style={{ fontSize: 24, color: c.tone && c.count > 0 ? TONE[c.tone] : undefined }}>
                {c.count}
                {c.capped ? '+' : ''}
              </Typography.Text>
            )}
            <div>
              <Typography.Text>{c.label}</Typography.Text>
            </div>
          </MaybeLink>
        </Col>
      ))}
    </Row>
  );
}
