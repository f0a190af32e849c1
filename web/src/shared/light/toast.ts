/**
 * A short message at the top of the page (what antd's message does in the shell) for the light
 * pages: plain DOM, so it outlives the page that raised it (a sent appeal's code stays in view
 * while the browser moves on to the appeal).
 */
export function toast(text: string, kind: 'success' | 'error' = 'success'): void {
  const el = document.createElement('div');
  el.className = `lt-toast lt-toast-${kind}`;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  el.textContent = text;
  document.body.appendChild(el);
  setTimeout(() => el.remove(), kind === 'error' ? 6000 : 3000);
}
