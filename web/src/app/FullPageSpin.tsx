/**
 * While the session or a page chunk loads: index.html's boot splash again (its styles live in
 * index.html), so the first paint does not flicker into a spinner. No antd: the light pages show it.
 */
export function FullPageSpin() {
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
