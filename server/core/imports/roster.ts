/**
 * The roster sheet's rules: which column is which, what each cell may hold, and where each
 * row belongs in the org tree. Pure: the database facts it needs are handed in.
 */
import { textFault } from '../http/text-guard.js';
import { categoryFromLabel, PERSON_KIND_LABELS, PERSON_KINDS, type PersonKind } from '../../../common/enums.js';
import { ROSTER_COLUMNS, type RosterField, type RosterRow } from '../../../common/schemas/imports.js';
import { GENDER_LABELS, GENDERS, isValidIdNumber, PHONE_RE } from '../../../common/schemas/people.js';
import type { NumberCell, Sheet } from '../excel/import.js';

/** A fault as stored in the batch; rendered in the caller's language when shown. */
export interface RowFault {
  row: number;
  column: string;
  key: string;
  params?: Record<string, unknown>;
}

export interface OrgNode {
  id: string;
  parent_id: string | null;
  name: string;
  path: string;
}

export const MAX_ROWS = 50_000;
const REQUIRED_HEADERS: RosterField[] = ['name', 'kind'];
const LIMITS: Partial<Record<RosterField, number>> = { name: 40, employeeNo: 40, position: 60 };

/** The header row is the first one naming 姓名 among the first rows (a title row may sit above it). */
function findHeader(sheet: Sheet) {
  const at = sheet.rows.slice(0, 5).findIndex((r) => r.cells.some((c) => normalHeader(c).startsWith(ROSTER_COLUMNS.name)));
  return at < 0 ? 0 : at;
}

const normalHeader = (h: string) => h.replace(/^[*＊\s]+/, '').trim();

function kindFromLabel(text: string): PersonKind | undefined {
  return PERSON_KINDS.find((k) => k === text || PERSON_KIND_LABELS[k].zh === text);
}

/** Columns whose digits are an identifier: a number cell would have dropped leading zeros or, past 15 digits, the last ones. */
const IDENTIFIERS: RosterField[] = ['employeeNo', 'phone', 'idNumber'];

/**
 * The identifier a number cell shows, when what it shows is exactly what was typed: a
 * zero-padded format (000000) keeps the zeros, and a mobile number has no zeros to lose.
 * Anything else cannot be trusted, so the row is refused rather than silently changed.
 */
function exactIdentifier(field: RosterField, n: NumberCell): string | undefined {
  if (!Number.isSafeInteger(n.value) || n.value < 0) return undefined;
  const digits = String(n.value);
  if (/^0+$/.test(n.numFmt)) return digits.padStart(n.numFmt.length, '0');
  if (field === 'phone' && (n.numFmt === 'General' || n.numFmt === '0') && /^1\d{10}$/.test(digits)) return digits;
  return undefined;
}

/** A CSV saved by Excel from a number cell: 1.10105E+17. */
const SCIENTIFIC = /^\d+(\.\d+)?E\+?\d+$/i;

const YES = new Set(['是', 'Y', 'y', 'yes', 'Yes', '1', '√']);
const NO = new Set(['否', 'N', 'n', 'no', 'No', '0', '', '×']);

/** Org paths are names level by level below the chosen org: 「生产部/采煤一队」. */
export class OrgPathResolver {
  private children = new Map<string, Map<string, string[]>>();
  private byId = new Map<string, OrgNode>();

  /** `chain`: the names from the top of the tree down to `root`, as an export writes them before a path. */
  constructor(
    private readonly root: OrgNode,
    subtree: OrgNode[],
    private readonly chain: string[] = [root.name],
  ) {
    for (const o of subtree) {
      this.byId.set(o.id, o);
      if (!o.parent_id) continue;
      const names = this.children.get(o.parent_id) ?? new Map<string, string[]>();
      names.set(o.name, [...(names.get(o.name) ?? []), o.id]);
      this.children.set(o.parent_id, names);
    }
    this.byId.set(root.id, root);
  }

  resolve(text: string): { id: string } | { fault: 'import.unknownOrg' | 'import.ambiguousOrg' } {
    const parts = text
      .split(/[/／\\>＞]/)
      .map((s) => s.trim())
      .filter(Boolean);
    // Writing the chosen org itself first (「一号矿/生产部」 while importing into 一号矿), or the
    // whole path from the top as the export writes it (「集团/一号矿/生产部」), is allowed.
    if (parts.length && !this.children.get(this.root.id)?.has(parts[0])) {
      for (let k = Math.min(this.chain.length, parts.length); k > 0; k--) {
        if (this.chain.slice(this.chain.length - k).every((n, i) => parts[i] === n)) {
          parts.splice(0, k);
          break;
        }
      }
    }
    let at = this.root.id;
    for (const name of parts) {
      const ids = this.children.get(at)?.get(name) ?? [];
      if (ids.length === 0) return { fault: 'import.unknownOrg' };
      if (ids.length > 1) return { fault: 'import.ambiguousOrg' };
      at = ids[0];
    }
    return { id: at };
  }

  pathOf(id: string): string | undefined {
    return this.byId.get(id)?.path;
  }
}

export interface ParsedRoster {
  rows: RosterRow[];
  faults: RowFault[];
  totalRows: number;
  /** Every employee number in the file, with the first row that has it. */
  employeeNos: Map<string, number>;
  /** Headers of columns the import does not read, so the preview can say they are left out. */
  ignoredColumns: string[];
}

/** Reads and checks every row; duplicates against existing people are the caller's second pass. */
export function parseRoster(sheet: Sheet, orgs: OrgPathResolver): ParsedRoster {
  const faults: RowFault[] = [];
  const headerAt = findHeader(sheet);
  const headerRow = sheet.rows[headerAt];
  const data = sheet.rows.slice(headerAt + 1);
  const col = new Map<RosterField, number>();
  for (const [field, label] of Object.entries(ROSTER_COLUMNS) as [RosterField, string][]) {
    const i = headerRow?.cells.findIndex((h) => normalHeader(h).startsWith(label)) ?? -1;
    if (i >= 0) col.set(field, i);
  }
  const used = new Set(col.values());
  const ignoredColumns = (headerRow?.cells ?? []).filter((h, i) => h.trim() !== '' && !used.has(i)).map((h) => h.trim());
  const missing = REQUIRED_HEADERS.filter((f) => !col.has(f));
  if (missing.length) {
    for (const f of missing)
      faults.push({ row: headerRow?.row ?? 1, column: ROSTER_COLUMNS[f], key: 'import.missingHeader', params: { column: ROSTER_COLUMNS[f] } });
    return { rows: [], faults, totalRows: data.length, employeeNos: new Map(), ignoredColumns };
  }

  const rows: RosterRow[] = [];
  const seenEmployeeNo = new Map<string, number>();
  const seenIdNumber = new Map<string, number>();
  for (const { row, cells, numbers } of data) {
    const fault = (f: RosterField, key: string, params?: Record<string, unknown>) => faults.push({ row, column: ROSTER_COLUMNS[f], key, params });
    const before = faults.length;
    const numericFaults = new Set<RosterField>();
    const text = (f: RosterField) => (col.has(f) ? (cells[col.get(f)!] ?? '').trim() : '');
    const identifier = (f: RosterField) => {
      const n = col.has(f) ? numbers?.[col.get(f)!] : undefined;
      const exact = n ? exactIdentifier(f, n) : text(f);
      if (exact === undefined || SCIENTIFIC.test(exact)) {
        numericFaults.add(f);
        return '';
      }
      return exact;
    };
    const read = new Map(IDENTIFIERS.map((f) => [f, identifier(f)]));
    for (const f of IDENTIFIERS) if (numericFaults.has(f)) fault(f, 'import.numericCell');
    const cell = (f: RosterField) => read.get(f) ?? text(f);

    for (const [f, max] of Object.entries(LIMITS) as [RosterField, number][]) {
      if (cell(f).length > max) fault(f, 'import.tooLong', { max });
    }
    // A spreadsheet is text from outside too: the same rules as the text guard of every request.
    for (const f of col.keys()) {
      const bad = textFault(cell(f), f === 'name');
      if (bad) fault(f, bad);
    }
    const name = cell('name');
    if (!name) fault('name', 'import.required');

    const kindText = cell('kind');
    const kind = kindText ? kindFromLabel(kindText) : undefined;
    if (!kindText) fault('kind', 'import.required');
    else if (!kind) fault('kind', 'import.badKind');

    const categoryText = cell('employmentCategory');
    const category = categoryText ? categoryFromLabel(categoryText) : undefined;
    if (categoryText && !category) fault('employmentCategory', 'import.badCategory');

    const unionText = cell('unionMember');
    if (!YES.has(unionText) && !NO.has(unionText)) fault('unionMember', 'import.badYesNo');

    const phone = cell('phone').replace(/[\s-]/g, '');
    if (phone && !PHONE_RE.test(phone)) fault('phone', 'import.badPhone');

    const idNumber = cell('idNumber').replace(/\s/g, '').toUpperCase();
    if (idNumber && !isValidIdNumber(idNumber)) fault('idNumber', 'import.badIdNumber');
    else if (idNumber) {
      const first = seenIdNumber.get(idNumber);
      if (first) fault('idNumber', 'import.duplicateInFile', { row: first });
      else seenIdNumber.set(idNumber, row);
    }

    const genderText = cell('gender');
    const gender = genderText ? GENDERS.find((g) => g === genderText || GENDER_LABELS[g].zh === genderText) : undefined;
    if (genderText && !gender) fault('gender', 'import.badGender');

    const employeeNo = cell('employeeNo');
    if (employeeNo) {
      const first = seenEmployeeNo.get(employeeNo);
      if (first) fault('employeeNo', 'import.duplicateInFile', { row: first });
      else seenEmployeeNo.set(employeeNo, row);
    }

    const orgPath = cell('org');
    const where = orgs.resolve(orgPath);
    if ('fault' in where) fault('org', where.fault, { path: orgPath });

    if (faults.length > before) continue;
    rows.push({
      row,
      name,
      employeeNo: employeeNo || null,
      kind: kind ?? null,
      employmentCategory: category ?? null,
      position: cell('position') || null,
      unionMember: YES.has(unionText),
      phone: phone || null,
      idNumber: idNumber || null,
      gender: gender ?? null,
      orgPath,
      orgId: 'id' in where ? where.id : null,
    });
  }
  return { rows, faults, totalRows: data.length, employeeNos: seenEmployeeNo, ignoredColumns };
}
