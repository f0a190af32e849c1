/**
 * Keyboard users must be able to scroll what scrolls (WCAG 2.1.1; axe `scrollable-region-focusable`). antd tables
 * that scroll sideways on a phone (`scroll={{ x }}`) put their rows in a scrolling div that neither is focusable nor,
 * in a table of plain text, holds anything focusable: a keyboard could not reach the columns off screen.
 *
 * Rather than wrap each of the app's tables, one observer of the signed-in shell gives every antd table's scroll
 * container a tab stop while it actually scrolls, and takes it away when it no longer does (a wider window), so
 * tables that fit add no useless stop. Tables added later are covered without an edit.
 */
const SCROLLERS = '.ant-table-content, .ant-table-body';
const MARK = 'data-xq-scroll-focus';

function scrolls(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}

function update(root: ParentNode) {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    if (scrolls(el)) {
      if (!el.hasAttribute('tabindex')) {
        el.tabIndex = 0;
        el.setAttribute(MARK, '');
      }
    } else if (el.hasAttribute(MARK)) {
      el.removeAttribute('tabindex');
      el.removeAttribute(MARK);
    }
  }
}

/** Starts watching `root` (the shell); returns the stop. Updates at most once a frame, after the DOM settles. */
export function keepScrollRegionsFocusable(root: HTMLElement): () => void {
  let frame = 0;
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), update(root)));
  };
  const observer = new MutationObserver(schedule);
  observer.observe(root, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  schedule();
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', schedule);
    cancelAnimationFrame(frame);
  };
}
