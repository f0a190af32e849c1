import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { buildOrgTree, useOrgs, type OrgNode } from '../../shared/orgs';

/** The org kinds an appeal can be assigned to; the server refuses any other. */
const ASSIGNABLE = new Set(['department', 'office', 'team']);

interface Option {
  value: string;
  title: string;
  /** Shown once chosen: "一号矿 / 生产部", since every mine has a 生产部. */
  label: string;
  disabled: boolean;
  children: Option[];
}

function toOptions(nodes: OrgNode[], parent: string | null, onlyAssignable: boolean): Option[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    label: parent ? `${parent} / ${n.name}` : n.name,
    disabled: onlyAssignable && !ASSIGNABLE.has(n.kind),
    children: toOptions(n.children, n.name, onlyAssignable),
  }));
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  id?: string;
  /** For assigning: only departments, offices and teams can be chosen. For filters, any org. */
  onlyAssignable?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
  /** The accessible name where no form label names the picker (a filter bar); defaults to the placeholder. */
  'aria-label'?: string;
}

/** Picks a department from the org tree, naming it with its parent so "生产部" is never ambiguous. */
export function DepartmentSelect({ value, onChange, placeholder, id, onlyAssignable = true, allowClear, style, ...rest }: Props) {
  const { data, isLoading } = useOrgs();
  const treeData = useMemo(() => toOptions(buildOrgTree(data ?? []), null, onlyAssignable), [data, onlyAssignable]);
  // Open the roots and their children (the mines): departments sit one level below.
  const expanded = useMemo(() => treeData.flatMap((r) => [r.value, ...r.children.map((c) => c.value)]), [treeData]);
  return (
    <div data-testid={rest['data-testid'] ?? 'appeal-department-select'} style={style}>
      <TreeSelect<string>
        id={id}
        value={value}
        onChange={(v) => onChange?.(v ?? undefined)}
        treeData={treeData}
        treeNodeLabelProp="label"
        loading={isLoading}
        placeholder={placeholder}
        aria-label={rest['aria-label'] ?? (id ? undefined : placeholder)}
        allowClear={allowClear}
        showSearch={{ treeNodeFilterProp: 'title' }}
        treeDefaultExpandedKeys={expanded}
        popupMatchSelectWidth={false}
        style={{ width: '100%' }}
      />
    </div>
  );
}
