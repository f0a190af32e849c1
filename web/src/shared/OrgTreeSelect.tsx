import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { buildOrgTree, useOrgs, type OrgNode } from './orgs';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Ids that may not be chosen, e.g. a node's own subtree when moving it. */
  disabledIds?: Set<string>;
  style?: React.CSSProperties;
  id?: string;
  /** The picker's name where no form label names it (a Form.Item without `label` still hands it an id). */
  'aria-label'?: string;
}

function toOptions(nodes: OrgNode[], disabled?: Set<string>): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: disabled?.has(n.id),
    children: toOptions(n.children, disabled),
  }));
}

/** Picks one org from the tree the user may see; works as a Form.Item control. */
export function OrgTreeSelect({ value, onChange, placeholder, allowClear, disabledIds, style, id, 'aria-label': ariaLabel }: Props) {
  const { data, isLoading } = useOrgs();
  const treeData = useMemo(() => toOptions(buildOrgTree(data ?? []), disabledIds), [data, disabledIds]);
  // Open only the roots: deep trees (every class, every team) would fill a phone screen.
  const expanded = useMemo(() => treeData.map((r) => r.value), [treeData]);
  return (
    <TreeSelect<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={isLoading}
      placeholder={placeholder}
      // A filter bar has no form label: the placeholder names the picker (inside a Form.Item the id ties the label).
      aria-label={ariaLabel ?? (id ? undefined : placeholder)}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={expanded}
      popupMatchSelectWidth={false}
      style={{ minWidth: 180, ...style }}
    />
  );
}
