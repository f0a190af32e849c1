import { Flex, Spin } from 'antd';

/** While the session or a page chunk loads. */
export function FullPageSpin({ height = '100vh' }: { height?: number | string }) {
  return (
    <Flex align="center" justify="center" style={{ height, width: '100%' }}>
      <Spin size="large" />
    </Flex>
  );
}
