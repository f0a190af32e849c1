/**
 * The classes a user can open in the class views: the ones they teach, and for the
 * principal and academic office every class of the schools they oversee.
 */
import { useMemo } from 'react';
import { compareNames } from '@common/school';
import { useOrgs, type Org } from '../../shared/orgs';
import { useMySchool } from './api';

export interface ClassOption {
  id: string;
  name: string;
  schoolId: string;
  /** Grade name, when the class sits under a grade. */
  gradeName: string | null;
  head: boolean;
  teaches: boolean;
}

function ancestors(byId: Map<string, Org>, org: Org): Org[] {
  const out: Org[] = [];
  let cur = org.parentId ? byId.get(org.parentId) : undefined;
  while (cur && out.length < 50) {
    out.push(cur);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return out;
}

export function useClassOptions(opts: { oversee?: boolean } = {}) {
  const me = useMySchool();
  const overseen = opts.oversee ? (me.data?.schools ?? []) : [];
  const orgs = useOrgs();
  const options = useMemo<ClassOption[]>(() => {
    const out = new Map<string, ClassOption>();
    for (const c of me.data?.classes ?? []) {
      out.set(c.id, { id: c.id, name: c.name, schoolId: c.schoolId, gradeName: null, head: c.duties.includes('head'), teaches: true });
    }
    const list = orgs.data ?? [];
    const byId = new Map(list.map((o) => [o.id, o]));
    const schools = new Set(overseen.map((s) => s.id));
    for (const o of list) {
      if (o.kind !== 'class') continue;
      const up = ancestors(byId, o);
      const grade = up.find((a) => a.kind === 'grade');
      const school = up.find((a) => a.kind === 'school');
      const known = out.get(o.id);
      if (known) known.gradeName = grade?.name ?? null;
      else if (school && schools.has(school.id))
        out.set(o.id, { id: o.id, name: o.name, schoolId: school.id, gradeName: grade?.name ?? null, head: false, teaches: false });
    }
    return [...out.values()].sort((a, b) => Number(b.head) - Number(a.head) || Number(b.teaches) - Number(a.teaches) || compareNames(a.name, b.name));
  }, [me.data, orgs.data, overseen]);
  return { options, loading: me.isLoading || (!!overseen.length && orgs.isLoading), me: me.data };
}
