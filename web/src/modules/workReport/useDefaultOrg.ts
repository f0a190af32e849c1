import { useState } from 'react';
import { buildOrgTree, useOrgs } from '../../shared/orgs';

/** The org a page starts on: the one the user picked, else the first root of the tree they may see. */
export function useDefaultOrg(): [string | undefined, (id: string | undefined) => void] {
  const { data } = useOrgs();
  const [picked, setPicked] = useState<string>();
  return [picked ?? buildOrgTree(data ?? [])[0]?.id, setPicked];
}
