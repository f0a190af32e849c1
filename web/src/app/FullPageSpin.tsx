import { Flex, Spin } from 'antd';

/**
 * While the session or a page chunk loads. The full-page form repeats index.html's boot
 * splash (its styles live in index.html), so the first paint does not flicker into a spinner.
 */
export function FullPageSpin({ height }: { height?: number | string }) {
  if (height === undefined) {
    return (
      <div className="xq-boot" role="status" aria-live="polite">
        <div className="xq-boot-mark" aria-hidden="true">
          心
        </div>
        <div className="xq-boot-name">心桥</div>
        <div className="xq-boot-text">正在加载… Loading…</div>
      </div>
    );
  }
  return (
    <Flex align="center" justify="center" style={{ height, width: '100%' }}>
      <Spin size="large" />
    </Flex>
  );
}
