/**
 * Who may call a route, declared next to the route itself (`config: { access }`).
 *
 * The declaration is the expected outcome the authorization matrix (test/authz) checks
 * against the real services and policies: every role, on its own organisation's records,
 * on a colleague's records and on another organisation's. It enforces one thing only —
 * that a caller is signed in — so an anonymous caller hears 401 before any validation
 * tells them the shape of a body. Everything finer stays in the policies, where the rules live.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Role } from '../../../common/roles.js';
import { requireActor } from '../auth/auth.plugin.js';

export interface RouteAccess {
  /**
   * - 'public': anyone, signed in or not (health, login, the API document);
   * - 'signedIn': any account, acting on what is its own (its session, notifications, tokens);
   * - a list of roles: the roles that get past authorization on records of their own org.
   *   On records that belong to a colleague (another worker's appeal, another class's
   *   student) only the roles whose scope is the whole org (see ORG_WIDE_ROLES) get through;
   *   on another organisation's records nobody but a global system admin does.
   */
  allow: 'public' | 'signedIn' | readonly Role[];
  /** The record a path names is the caller's own work (an import batch): nobody else reaches it, not even an admin. */
  personal?: boolean;
}

/**
 * Roles that act on everything in the org they are granted at, rather than on records they
 * are related to (the author, the assigned department, the guardian of a child, the teacher of a class).
 */
export const ORG_WIDE_ROLES: readonly Role[] = ['sysAdmin', 'unionChair', 'unionStaff', 'mediator', 'principal', 'academicOffice'];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** `config` for a route: `{ config: allow('unionStaff', 'unionChair'), schema: … }`. */
export function allow(...roles: Role[]): { access: RouteAccess } {
  return { access: { allow: roles } };
}
/** Like `allow`, for records that belong to the account that made them. */
export function allowOwn(...roles: Role[]): { access: RouteAccess } {
  return { access: { allow: roles, personal: true } };
}
export const PUBLIC: { access: RouteAccess } = { access: { allow: 'public' } };
export const SIGNED_IN: { access: RouteAccess } = { access: { allow: 'signedIn' } };
/** Every role that works on records (not workers, parents or students): the org tree and the working-day calendar are read by all of them. */
export const STAFF = allow(
  'sysAdmin',
  'unionChair',
  'unionStaff',
  'handler',
  'representative',
  'mediator',
  'principal',
  'academicOffice',
  'headTeacher',
  'subjectTeacher',
);

/** Routes outside the API (the web app's files) and the API's own documentation answer to everyone. */
const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

export class UndeclaredAccessError extends Error {}

/** The one check the declaration enforces itself: someone is signed in. */
async function signedIn(req: Parameters<typeof requireActor>[0]): Promise<void> {
  requireActor(req);
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** The route's validation schemas (zod), so a probe can check it is valid before it is sent. */
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
}
const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** The API's route table with each route's declaration, in registration order (the matrix walks it). */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return declared.get(app) ?? [];
}

/**
 * Refuses to register an API route that does not say who may call it, and makes every
 * non-public route require a signed-in caller before its input is validated.
 */
export function enforceDeclaredAccess(app: FastifyInstance): void {
  const table: DeclaredRoute[] = [];
  declared.set(app, table);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isApi(route.url) || route.method === 'HEAD') return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) throw new UndeclaredAccessError(`route ${String(route.method)} ${route.url} declares no access (config.access)`);
    for (const method of ([] as string[]).concat(route.method))
      table.push({ method, url: route.url, access, schema: (route.schema ?? {}) as DeclaredRoute['schema'] });
    if (access.allow === 'public') return;
    const existing = route.preValidation ? ([] as unknown[]).concat(route.preValidation) : [];
    route.preValidation = [signedIn, ...(existing as any[])];
  });
}
