/**
 * Puts the entry's small stylesheet into index.html instead of linking it. A linked
 * stylesheet blocks the first paint, and on a slow link it queues behind the JavaScript
 * downloading at the same time; inline, the boot splash paints with the HTML itself.
 */
import type { Plugin } from 'vite';

// Only small sheets: a large one belongs in its own cacheable file.
const MAX_INLINE_BYTES = 8 * 1024;

export function inlineEntryCss(): Plugin {
  return {
    name: 'xq-inline-entry-css',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = bundle[file];
          if (!asset || asset.type !== 'asset') return tag;
          const css = typeof asset.source === 'string' ? asset.source : Buffer.from(asset.source).toString('utf8');
          if (css.length > MAX_INLINE_BYTES) return tag;
          return `<style>${css}</style>`;
        });
      },
    },
  };
}
