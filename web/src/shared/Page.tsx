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
        {/* The page's one h1 (screen readers jump by it), sized as the h4 it looked like. */}
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          {title}
        </Typography.Title>
        {extra ? (
          <Flex gap={8} wrap className="xq-page-extra">
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {children}
    </div>
  );
}
