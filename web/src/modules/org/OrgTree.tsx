import { useEffect, useMemo, useState } from 'react';
import { Input, Tag, Tree, type TreeDataNode } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from '../../shared/enumOptions';
import { buildOrgTree, orgPath, type Org, type OrgNode } from '../../shared/orgs';

interface Props {
  orgs: Org[];
  selectedId?: string;
  onSelect: (id: string) => void;
}

/** Keeps nodes that match the search, and their ancestors so the match has a place. */
function filterTree(nodes: OrgNode[], q: string): OrgNode[] {
  if (!q) return nodes;
  return nodes.flatMap((n) => {
    const children = filterTree(n.children, q);
    return n.name.includes(q) || (n.code ?? '').includes(q) || children.length ? [{ ...n, children }] : [];
  });
}

export function OrgTree({ orgs, selectedId, onSelect }: Props) {
  const { t } = useTranslation('org');
  const label = useEnumLabel();
  const [q, setQ] = useState('');
  const roots = useMemo(() => filterTree(buildOrgTree(orgs), q.trim()), [orgs, q]);

  const treeData = useMemo(() => {
    const toNode = (n: OrgNode): TreeDataNode => ({
      key: n.id,
      title: (
        <span>
          {n.name}{' '}
          <Tag variant="filled" style={{ marginInlineStart: 4 }}>
            {label('orgKind', n.kind)}
          </Tag>
        </span>
      ),
      children: n.children.map(toNode),
    });
    return roots.map(toNode);
  }, [roots, label]);

  // While searching, show every match; otherwise open the roots only.
  const expandAll = q.trim().length > 0;
  const [expanded, setExpanded] = useState<React.Key[]>(() => buildOrgTree(orgs).map((r) => r.id));

  // A newly created or picked node may sit under collapsed parents: open the way to it.
  useEffect(() => {
    if (!selectedId) return;
    const ancestors = orgPath(orgs, selectedId)
      .slice(0, -1)
      .map((o) => o.id);
    setExpanded((keys) => [...new Set([...keys, ...ancestors])]);
  }, [selectedId, orgs]);

  return (
    <div data-testid="org-tree">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        data-testid="org-search"
        placeholder={t('searchPlaceholder')}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      <Tree
        blockNode
        showLine
        treeData={treeData}
        selectedKeys={selectedId ? [selectedId] : []}
        expandedKeys={expandAll ? orgs.map((o) => o.id) : expanded}
        onExpand={(keys) => setExpanded(keys)}
        onSelect={(keys) => {
          if (keys.length) onSelect(String(keys[0]));
        }}
      />
    </div>
  );
}
