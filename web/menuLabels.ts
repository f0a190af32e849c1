/**
 * The menu's labels, gathered at build time into one small catalogue the entry carries
 * (`virtual:xq-menu-labels`). Each module's messages load with its pages; before this, the
 * desktop menu waited for every visible module's whole catalogue (~20 requests for staff)
 * and the home page with it. The labels are read from each module's own messages.ts, so a
 * module changes its menu label in one place, as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const ID = 'virtual:xq-menu-labels';
const RESOLVED = `\0${ID}`;

type Tree = { [key: string]: string | Tree };
type Labels = Record<string, Record<string, string>>;

/** `labelKey: 'ns:a.b'` literals of a module's index.ts whose namespace is that module's own. */
function labelKeysOf(indexSource: string): { ns: string; keys: string[] } | undefined {
  const ns = /\bid:\s*'([\w-]+)'/.exec(indexSource)?.[1];
  if (!ns) return undefined;
  const keys = [...indexSource.matchAll(/\blabelKey:\s*'([\w-]+):([\w.-]+)'/g)].filter((m) => m[1] === ns).map((m) => m[2]);
  return keys.length > 0 ? { ns, keys } : undefined;
}

function pick(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Runs a messages.ts (bundled with its few imports) and returns its `messages`. */
async function loadMessages(file: string, alias: Record<string, string>): Promise<Record<string, Tree>> {
  const out = await build({ entryPoints: [file], bundle: true, write: false, format: 'esm', platform: 'neutral', alias, logLevel: 'silent' });
  const code = out.outputFiles[0].text;
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { messages?: Record<string, Tree> };
  if (!mod.messages) throw new Error(`${file} exports no \`messages\``);
  return mod.messages;
}

export function menuLabels(modulesDir: string, alias: Record<string, string>): Plugin {
  return {
    name: 'xq-menu-labels',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const labels: Labels = {};
      for (const dir of fs.readdirSync(modulesDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
        const indexFile = path.join(modulesDir, dir.name, 'index.ts');
        const messagesFile = path.join(modulesDir, dir.name, 'messages.ts');
        if (!fs.existsSync(indexFile) || !fs.existsSync(messagesFile)) continue;
        this.addWatchFile(indexFile);
        this.addWatchFile(messagesFile);
        const found = labelKeysOf(fs.readFileSync(indexFile, 'utf8'));
        if (!found) continue;
        const messages = await loadMessages(messagesFile, alias);
        for (const [lang, tree] of Object.entries(messages)) {
          for (const key of found.keys) {
            const text = pick(tree, key);
            // A key not found here is left out: the menu then reads it from the module's namespace.
            if (text !== undefined) (labels[lang] ??= {})[`${found.ns}:${key}`] = text;
          }
        }
      }
      return `export const menuLabels = ${JSON.stringify(labels)};`;
    },
  };
}
