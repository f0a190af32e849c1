/**
 * The menu's icons, moved at build time from each module's index.ts into the menu's own chunk
 * (`virtual:xq-menu-icons`), as web/menuLabels.ts does for the labels. A module still declares
 * `icon: SomeOutlined` on its menu entry; without this, the registry (in the entry) carried every
 * module's icon and @ant-design/icons' runtime to every user, the light phone path included.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:xq-menu-icons';
const RESOLVED = `\0${ID}`;

/** `{ key: 'k', … icon: Name … }` menu entries, one object literal each. */
const ENTRY = /\{\s*key:\s*'([^']+)'[^{}]*?\bicon:\s*([A-Za-z0-9_]+)/g;
const ICON_PROP = /,\s*icon:\s*[A-Za-z0-9_]+(?=\s*[,}])/g;
const ICONS_IMPORT = /import\s*\{([^}]*)\}\s*from\s*'@ant-design\/icons';?\n?/;

function iconsOf(source: string): [key: string, icon: string][] {
  return [...source.matchAll(ENTRY)].map((m) => [m[1], m[2]]);
}

export function menuIcons(modulesDir: string): Plugin {
  const isModuleIndex = (id: string) => path.dirname(path.dirname(id)) === modulesDir && path.basename(id) === 'index.ts';
  return {
    name: 'xq-menu-icons',
    enforce: 'pre',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const byKey: [string, string][] = [];
      for (const dir of fs.readdirSync(modulesDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
        const indexFile = path.join(modulesDir, dir.name, 'index.ts');
        if (!fs.existsSync(indexFile)) continue;
        this.addWatchFile(indexFile);
        byKey.push(...iconsOf(fs.readFileSync(indexFile, 'utf8')));
      }
      const names = [...new Set(byKey.map(([, icon]) => icon))].sort();
      return [
        `import { ${names.join(', ')} } from '@ant-design/icons';`,
        `export const menuIcons = { ${byKey.map(([key, icon]) => `${JSON.stringify(key)}: ${icon}`).join(', ')} };`,
      ].join('\n');
    },
    transform(code, id) {
      if (!isModuleIndex(id.split('?')[0])) return undefined;
      const moved = new Set(iconsOf(code).map(([, icon]) => icon));
      if (moved.size === 0) return undefined;
      let out = code.replace(ICON_PROP, '');
      // Drop only the icons the menu took and nothing else in the file names.
      out = out.replace(ICONS_IMPORT, (whole, specifiers: string) => {
        const kept = specifiers
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s && !(moved.has(s) && !new RegExp(`\\b${s}\\b`).test(out.replace(whole, ''))));
        return kept.length ? `import { ${kept.join(', ')} } from '@ant-design/icons';\n` : '';
      });
      return { code: out, map: null };
    },
  };
}
