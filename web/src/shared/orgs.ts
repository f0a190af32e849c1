/**
 * The org list every module needs (pickers, filters). The server sends the flat list of
 * orgs the user may see; the tree is built here.
 */
import { useQuery } from '@tanstack/react-query';
import type { OrgKind } from '@common/enums';
import { comparePinyin } from '@common/school';
import { api } from '../api/client';

export interface Org {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  code: string | null;
  depth: number;
  sortOrder: number;
}

export interface OrgNode extends Org {
  children: OrgNode[];
}

export const ORGS_KEY = ['orgs'] as const;

export function useOrgs() {
  return useQuery({
    queryKey: ORGS_KEY,
    queryFn: () => api.get<{ items: Org[] }>('/orgs').then((r) => r.items),
    // The tree changes rarely and many pages share it.
    staleTime: 5 * 60_000,
  });
}

const byOrder = (a: Org, b: Org) => a.sortOrder - b.sortOrder || comparePinyin(a.name, b.name);

/** Orgs whose parent the user cannot see become roots: rights start at a subtree. */
export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>(orgs.map((o) => [o.id, { ...o, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort(byOrder);
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The ids of a node and everything below it (a node cannot move under its own subtree). */
export function subtreeIds(orgs: readonly Org[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of orgs) {
    if (!o.parentId) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o.id);
    children.set(o.parentId, list);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Names from the top visible ancestor down to the node, e.g. for breadcrumbs. */
export function orgPath(orgs: readonly Org[], id: string): Org[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const path: Org[] = [];
  let cur = byId.get(id);
  while (cur && path.length <= orgs.length) {
    path.unshift(cur);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return path;
}
