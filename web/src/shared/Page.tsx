import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

interface Props {
  title: ReactNode;
  /** Buttons on the right of the title; they wrap under it on phones. */
  extra?: ReactNode;
  children: ReactNode;
}

/** The frame of every page, so titles and actions sit in the same place everywhere. */
export function Page({ title, extra, children }: Props) {
  return (
    <div className="xq-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {children}
    </div>
  );
}
