/**
 * The people and places every scale builder (bench/<module>/data.ts) starts from, written once:
 * row factories for orgs, persons, accounts and role grants with the columns the services write,
 * a chunked bulk insert, and the union tree most builders share (group → mines → teams →
 * workers). A builder adds only what is its own: its records, and any org shape that differs.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../server/core/db/database.js';
import type { AccountTable, OrgTable, PersonTable, RoleGrantTable } from '../server/core/db/schema.js';
import { newId } from '../server/core/ids.js';

/** Where a row hangs in the tree: enough of an org to be a parent or a scope. */
export interface Place {
  id: string;
  path: string;
}

/**
 * Inserts rows in chunks of `chunk` (default: as many as keep one statement under ~30 000 bound
 * values, within both engines' parameter limits).
 */
export async function bulk(db: Db, table: string, rows: object[], chunk?: number): Promise<void> {
  if (!rows.length) return;
  const k = db as unknown as Kysely<any>;
  const size = chunk ?? Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += size)
    await k
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}

/** Row factories stamped with one creation time (`iso`), as one build would write them. */
export function worldRows(iso = new Date().toISOString()) {
  return {
    iso,
    org(name: string, kind: string, parent: Place | null): OrgTable {
      const id = newId();
      return {
        id,
        parent_id: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.path.split('/').length - 2 : 0,
        kind,
        name,
        code: null,
        sort_order: 0,
        created_at: iso,
        updated_at: iso,
      };
    },
    /** A person with every optional column empty; `more` sets the ones a builder varies. */
    person(orgId: string, kind: string, name: string, more: Partial<PersonTable> = {}): PersonTable {
      return {
        id: newId(),
        org_id: orgId,
        kind,
        name,
        gender: null,
        employee_no: null,
        employment_category: null,
        position: null,
        union_member: 0,
        phone: null,
        id_number: null,
        birth_date: null,
        subject: null,
        archived: 0,
        created_at: iso,
        updated_at: iso,
        ...more,
      };
    },
    /** An account that cannot log in (the benchmarks call services, not the login route). */
    account(username: string, personId: string | null = null): AccountTable {
      return {
        id: newId(),
        username,
        phone: null,
        display_name: username,
        password_hash: 'x',
        person_id: personId,
        locale: 'zh-CN',
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: iso,
        created_at: iso,
      };
    },
    grant(accountId: string, role: string, orgId: string): RoleGrantTable {
      return { id: newId(), account_id: accountId, role, org_id: orgId, created_at: iso };
    },
  };
}
export type WorldRows = ReturnType<typeof worldRows>;

export interface UnionScale {
  mines: number;
  teamsPerMine: number;
  workers: number;
}

export interface UnionTree {
  group: OrgTable;
  mines: OrgTable[];
  /** Teams in mine order; `mineOf` gives each team's mine. */
  teams: OrgTable[];
  mineOf: Map<string, OrgTable>;
  /** Worker i belongs to team i mod teams. */
  workers: PersonTable[];
}

/**
 * The coal group of the union benchmarks, written: 基准煤业集团 → `mines` mines → `teamsPerMine`
 * teams each → `workers` union-member contract workers spread round the teams (employee numbers
 * `<prefix><i>`); `worker(i)` overrides columns of worker i (category, gender, membership …).
 */
export async function unionTree(
  db: Db,
  rows: WorldRows,
  scale: UnionScale,
  opts: { prefix: string; worker?: (i: number) => Partial<PersonTable> },
): Promise<UnionTree> {
  const group = rows.org('基准煤业集团', 'group', null);
  const mines: OrgTable[] = [];
  const teams: OrgTable[] = [];
  const mineOf = new Map<string, OrgTable>();
  for (let m = 0; m < scale.mines; m++) {
    const mine = rows.org(`${m + 1}号矿`, 'mine', group);
    mines.push(mine);
    for (let t = 0; t < scale.teamsPerMine; t++) {
      const team = rows.org(`${t + 1}队`, 'team', mine);
      teams.push(team);
      mineOf.set(team.id, mine);
    }
  }
  await bulk(db, 'orgs', [group, ...mines, ...teams]);
  const workers = Array.from({ length: scale.workers }, (_, i) =>
    rows.person(teams[i % teams.length]!.id, 'worker', `职工${i}`, {
      employee_no: `${opts.prefix}${i}`,
      employment_category: 'contract',
      union_member: 1,
      ...opts.worker?.(i),
    }),
  );
  await bulk(db, 'persons', workers);
  return { group, mines, teams, mineOf, workers };
}
