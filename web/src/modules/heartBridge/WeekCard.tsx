import type { ReactNode } from 'react';
import { Button, Card, Flex, Spin } from 'antd';

interface Props {
  /** The week the page opens on; any other week offers the way back to it. */
  current: boolean;
  /** Put before the dates of the week the page opens on ("本周", "最近一周"). */
  currentText: string;
  dates: ReactNode;
  backText: string;
  onBack: () => void;
  loading: boolean;
  testId: string;
  /** Both sides of the week, once the note has come. */
  children: ReactNode;
}

/** One week of a student's book, opened above its timeline. */
export function WeekCard({ current, currentText, dates, backText, onBack, loading, testId, children }: Props) {
  return (
    <Card
      size="small"
      className="hb-card hb-week"
      data-testid={testId}
      title={
        <span data-testid="hb-week-label">
          {current ? `${currentText} · ` : ''}
          {dates}
        </span>
      }
      extra={
        !current && (
          <Button size="small" type="link" onClick={onBack}>
            {backText}
          </Button>
        )
      }
    >
      <Spin spinning={loading}>
        {children && (
          <Flex vertical gap={12}>
            {children}
          </Flex>
        )}
      </Spin>
    </Card>
  );
}
