import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EmploymentCategory, PersonKind } from '@common/enums';
import { api, download } from '../../api/client';
import type { Paged } from '../../shared/PagedList';

export interface Person {
  id: string;
  name: string;
  kind: PersonKind;
  gender: string | null;
  orgId: string;
  orgName: string;
  employeeNo: string | null;
  employmentCategory: EmploymentCategory | null;
  position: string | null;
  unionMember: boolean;
  /** Masked by the server unless the user holds people.readContact; a teacher reveals one with revealPhone. */
  phone: string | null;
  /** Always masked in a list; in full only in a detail, for the academic office. */
  idNumber: string | null;
}

export const SORT_FIELDS = ['name', 'employeeNo', 'orgName', 'createdAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortOrder = 'asc' | 'desc';

export interface PeopleFilters {
  orgId?: string;
  kind?: PersonKind;
  category?: EmploymentCategory;
  q?: string;
}

export interface PeopleQuery extends PeopleFilters {
  page: number;
  pageSize: number;
  sort?: SortField;
  order?: SortOrder;
  /** Past the counted pages the list goes on by the server's cursor (by name or by creation only). */
  after?: string;
}

export type { Paged };

export function usePeople(query: PeopleQuery) {
  return useQuery({
    queryKey: ['people', 'list', query],
    queryFn: ({ signal }) => api.get<Paged<Person>>('/people', { ...query }, { signal }),
    // Keep the old page on screen while the next one loads: no flicker when paging.
    placeholderData: keepPreviousData,
  });
}

/** The same filters as the list, so the sheet holds exactly what the user sees. */
export function exportPeople(filters: PeopleFilters & Pick<PeopleQuery, 'sort' | 'order'>, format: 'xlsx' | 'csv' = 'xlsx'): Promise<void> {
  return download(`/people/export.${format}`, { ...filters }, `people.${format}`);
}

/** Tap-to-call: one person's number in full; the server audits every reveal. */
export async function revealPhone(personId: string): Promise<string | null> {
  return (await api.post<{ phone: string | null }>(`/people/${personId}/phone`)).phone;
}
