import type { CSSProperties, ReactNode } from 'react';
import { Alert, Button } from 'antd';

interface Props {
  /** Which filters a figure's drill set (those the list has no control for), in words. */
  message: ReactNode;
  clearLabel: string;
  onClear: () => void;
  testId: string;
  clearTestId?: string;
  style?: CSSProperties;
}

/** Above a list opened from a figure: the filters it carries, and one button to clear them. */
export function DrillBanner({ message, clearLabel, onClear, testId, clearTestId, style = { marginBottom: 12 } }: Props) {
  return (
    <Alert
      type="info"
      showIcon
      style={style}
      data-testid={testId}
      message={message}
      action={
        <Button size="small" onClick={onClear} data-testid={clearTestId}>
          {clearLabel}
        </Button>
      }
    />
  );
}
