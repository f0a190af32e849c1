/** RFC 9457 problem details as the server renders them. */
export interface FieldProblem {
  /** Where the fault is, e.g. "body.name" or "query.page". */
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

/** Thrown for every non-2xx answer, and with status 0 when the network failed. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;

/** Turns any error body into a Problem, so callers never parse responses themselves. */
export async function readProblem(res: Response): Promise<Problem> {
  const fallback: Problem = { title: res.statusText || `HTTP ${res.status}`, status: res.status };
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body = (await res.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: body.status ?? res.status, title: body.title ?? fallback.title };
  } catch {
    return fallback;
  }
}

/** Problem text for XHR answers (uploads), which have no Response object. */
export function parseProblemText(status: number, statusText: string, text: string): Problem {
  const fallback: Problem = { title: statusText || `HTTP ${status}`, status };
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { ...fallback, ...body, status: body.status ?? status, title: body.title ?? fallback.title };
  } catch {
    return fallback;
  }
}

/**
 * "body.items.0.name" → ["items", 0, "name"]: the request part is dropped because forms
 * only know field names; numeric segments become list indexes.
 */
export function fieldPath(field: string): (string | number)[] {
  const parts = field.split('.');
  if (['body', 'query', 'params'].includes(parts[0]) && parts.length > 1) parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
