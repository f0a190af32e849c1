/**
 * How the build groups library code into files. Left to itself, Rollup cut antd and its
 * rc-components into one small file per combination of pages sharing them: a worker's
 * phone fetched ~60 scripts to reach the appeal form, and each response carries ~1 KB of
 * headers (a sixth of the path's bytes). Here the library code on the two paths that
 * matter most (issue #15: a worker's appeal form, a parent's 心桥 week) travels in two
 * files: what the sign-in page needs, and what the signed-in frame and those two pages need
 * (fetched while the user types their password). Other pages keep Rollup's own split, so
 * staff screens never weigh on a phone.
 */
import type { GetManualChunk, ManualChunkMeta } from 'rollup';

/** The sign-in page, then the signed-in frame and the two pages of the budget (file ends, so a missing one only weakens the grouping). */
const SIGN_IN = ['/web/src/modules/auth/LoginPage.tsx'];
const SIGNED_IN = [
  '/web/src/app/layout/AppLayout.tsx',
  '/web/src/modules/appeals/SubmitPage.tsx',
  '/web/src/modules/heartBridge/FamilyPage.tsx',
];
const ENTRY = '/web/src/main.tsx';

const isLibrary = (id: string) => id.includes('/node_modules/');

type Node = { type: string; source?: { value: unknown } | null; specifiers?: { type: string; imported?: { name?: string }; exported?: { name?: string }; local?: { name?: string } }[] };

/** Each static import/re-export statement of a module with the id it resolved to (both lists are in source order). */
function statements(meta: ManualChunkMeta, id: string): { node: Node; target: string }[] | undefined {
  const info = meta.getModuleInfo(id);
  const body = (info?.ast as { body?: Node[] } | null)?.body;
  if (!info || !body) return undefined;
  const withSource = body.filter((n) => /^(Import|ExportNamed|ExportAll)Declaration$/.test(n.type) && n.source);
  const order = [...new Set(withSource.map((n) => String(n.source!.value)))];
  if (order.length !== info.importedIds.length) return undefined;
  return withSource.map((node) => ({ node, target: info.importedIds[order.indexOf(String(node.source!.value))] }));
}

/**
 * The modules `id` needs when `names` of it are used (undefined: all of it). Through a barrel
 * (`import { Form } from 'antd'`), only the files of the names imported: antd's index names
 * every component, and following all of them would put all of antd on the path.
 */
function edges(meta: ManualChunkMeta, id: string, names: Set<string> | undefined): { id: string; names?: Set<string> }[] {
  const all = statements(meta, id);
  if (!all) return (meta.getModuleInfo(id)?.importedIds ?? []).map((i) => ({ id: i }));
  const out: { id: string; names?: Set<string> }[] = [];
  for (const { node, target } of all) {
    if (node.type === 'ImportDeclaration') {
      const specs = node.specifiers ?? [];
      const named = specs.every((sp) => sp.type === 'ImportSpecifier') && specs.length > 0;
      out.push({ id: target, names: named ? new Set(specs.map((sp) => sp.imported?.name ?? '')) : undefined });
    } else if (node.type === 'ExportNamedDeclaration') {
      const wanted = (node.specifiers ?? []).filter((sp) => !names || names.has(sp.exported?.name ?? ''));
      if (wanted.length > 0) out.push({ id: target, names: new Set(wanted.map((sp) => sp.local?.name ?? '')) });
    } else out.push({ id: target });
  }
  return out;
}

/** Library modules reached from the roots by static imports, not entering what `skip` already holds. */
function reach(meta: ManualChunkMeta, roots: string[], skip: Set<string>): Set<string> {
  const ids = [...meta.getModuleIds()];
  const seen = new Map<string, Set<string> | 'all'>();
  const stack: { id: string; names?: Set<string> }[] = roots.flatMap((end) => ids.filter((id) => id.endsWith(end)).map((id) => ({ id })));
  while (stack.length > 0) {
    const { id, names } = stack.pop()!;
    if (skip.has(id)) continue;
    const before = seen.get(id);
    if (before === 'all') continue;
    // A barrel seen for some names may be asked for others later: follow only the new ones.
    const fresh = names && before ? new Set([...names].filter((n) => !before.has(n))) : names;
    if (fresh && fresh.size === 0) continue;
    seen.set(id, names && before !== undefined ? new Set([...before, ...names]) : (names ?? 'all'));
    stack.push(...edges(meta, id, fresh));
  }
  return new Set([...seen.keys()].filter(isLibrary));
}

export function manualChunks(): GetManualChunk {
  let groups: { entry: Set<string>; signIn: Set<string>; signedIn: Set<string> } | undefined;
  return (id, meta) => {
    if (!isLibrary(id)) return undefined;
    // Long-lived vendor files survive app deploys in the browser cache.
    if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
    if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
    if (!groups) {
      const entry = reach(meta, [ENTRY], new Set());
      const signIn = reach(meta, SIGN_IN, entry);
      groups = { entry, signIn, signedIn: reach(meta, SIGNED_IN, new Set([...entry, ...signIn])) };
    }
    // The entry's libraries in their own file: an app deploy does not make a phone fetch them again.
    if (groups.entry.has(id)) return 'vendor';
    if (groups.signIn.has(id)) return 'ui-sign-in';
    if (groups.signedIn.has(id)) return 'ui-signed-in';
    return undefined;
  };
}
