/**
 * The API document against the API itself: every GET route is called in the demo world —
 * by the demo account of a role it declares, and anonymously — and what comes back (status,
 * media type, body) must be what the document says. A generated client trusts exactly this.
 */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../common/roles.js';
import { declaredRoutes } from '../../server/core/http/access.js';
import { useTestApp, type Client, type Response } from '../app.js';
import { givePhoto } from '../../server/modules/moralEducation/moralEducation.testkit.js';
import { buildWorld, PNG, type Side, type World } from '../authz/world.js';
import { mergeKinds } from '../authz/part.js';

// The world's robots listen on loopback, which only an allow-listed host may reach.
const t = useTestApp({ config: { writeLimits: { perAccount: 0, perIp: 0 }, webhookAllowHosts: ['127.0.0.1'] } });

type Json = Record<string, any>;
const SCHOOL_ROLES = new Set<Role>(['principal', 'academicOffice', 'headTeacher', 'subjectTeacher', 'parent', 'student']);

/** What `{id}` names, by the path segment before it. */
const CORE_ID_KIND: Record<string, (keyof Side & string) | 'org' | 'person' | 'workReport'> = {
  appeals: 'appeal',
  'group-alerts': 'groupAlert',
  orgs: 'org',
  people: 'person',
  accounts: 'account',
  webhooks: 'webhook',
  imports: 'import',
  sessions: 'session',
  'work-reports': 'workReport',
};
const CORE_PARAM_KIND: Record<string, keyof Side & string> = {
  studentId: 'student',
  classId: 'schoolOrg',
  schoolId: 'school',
  attachmentId: 'attachment',
  week: 'week',
};

/** Merged with the modules' `<m>.world.ts` maps once the world is built. */
let ID_KIND: Record<string, string> = CORE_ID_KIND;
let PARAM_KIND: Record<string, string> = CORE_PARAM_KIND;

const today = new Date().toISOString().slice(0, 10);
const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

function pathWith(w: World, path: string, role: Role): string | undefined {
  const school = SCHOOL_ROLES.has(role);
  let missing = false;
  const url = path.replace(/\{([^}]+)\}/g, (_, name: string, offset: number) => {
    const before = path.slice(0, offset).split('/').filter(Boolean).pop()!;
    let kind: string | undefined = name === 'id' ? ID_KIND[before] : PARAM_KIND[name];
    if (kind === 'org') kind = school ? 'schoolOrg' : 'unionOrg';
    if (kind === 'person') kind = school ? 'student' : 'worker';
    if (kind === 'workReport') kind = school ? 'schoolWorkReport' : 'unionWorkReport';
    const id = kind ? w.own[kind as keyof Side] : undefined;
    if (!id) missing = true;
    return id ?? '';
  });
  return missing ? undefined : url;
}

function queryWith(w: World, op: Json): string {
  const values: Record<string, string> = { from: today, to: inTwoWeeks, start: today, days: '5', date: today, orgId: w.own.unionOrg, q: '工资', ref: 'F-01' };
  const required = (op.parameters ?? []).filter((p: Json) => p.in === 'query' && p.required).map((p: Json) => p.name as string);
  for (const name of required) if (!(name in values)) throw new Error(`no value for required query ${name}`);
  return required.length ? `?${new URLSearchParams(required.map((n: string) => [n, values[n]])).toString()}` : '';
}

/** The declared roles to try, most likely to see the record first; public and signed-in routes by the admin. */
function callers(access: Json | undefined): Role[] {
  if (!access || !Array.isArray(access.allow)) return ['sysAdmin'];
  const roles = access.allow as Role[];
  return [...roles.filter((r) => r !== 'sysAdmin'), ...(roles.includes('sysAdmin') ? (['sysAdmin'] as Role[]) : [])];
}

describe('the OpenAPI document describes what the API really answers', () => {
  let doc: Json;
  let world: World;
  // OpenAPI 3.0 schemas: `nullable`, and `format` values (binary) plain JSON Schema does not know.
  const ajv = new Ajv({ nullable: true, unknownFormats: 'ignore', allErrors: true });

  const deref = (node: Json): Json =>
    node.$ref
      ? node.$ref
          .slice(2)
          .split('/')
          .reduce((n: Json, k: string) => n[k], doc)
      : node;

  /** The body against the schema the document gives for this status and media type; a message per mismatch. */
  function check(op: Json, res: Response): string[] {
    const documented = op.responses[String(res.status)];
    if (!documented) return [`status ${res.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`];
    const response = deref(documented);
    if (res.status === 204) return [];
    const type = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const media = response.content?.[type];
    if (!media) return [`media type ${type} is not documented for ${res.status} (documented: ${Object.keys(response.content ?? {}).join(', ')})`];
    if (!type.endsWith('json')) return [];
    const validate = ajv.compile({ ...media.schema, components: doc.components });
    return validate(res.body) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath || 'body'} ${e.message}`);
  }

  const getRoutes = () =>
    Object.entries(doc.paths as Record<string, Json>)
      .filter(([, item]) => item.get)
      .map(([path, item]) => ({ path, op: item.get as Json }));

  it('builds the demo world and reads the document', async () => {
    world = await buildWorld(t);
    ID_KIND = mergeKinds(CORE_ID_KIND, world.parts, 'ids');
    PARAM_KIND = mergeKinds(CORE_PARAM_KIND, world.parts, 'params');
    // The demo records no photos; the world's session gets one so the photo route has something to send.
    await givePhoto(t.db, t.app.deps.config.dataDir, world.own.session, PNG);
    // The world's mediation case is only applied for; accepted and agreed here, so its printable agreement exists.
    const committee = world.clients.mediator;
    expect((await committee.post(`/api/v1/mediation/cases/${world.own.mediationCase}/accept`, {})).status).toBe(200);
    const agreement = {
      terms: '单位于月底前补发加班费。',
      agreedAmount: 1200,
      performanceDue: inTwoWeeks,
      applicantSignedOn: today,
      respondentSigner: '人力资源部',
      respondentSignedOn: today,
    };
    expect((await committee.post(`/api/v1/mediation/cases/${world.own.mediationCase}/agreement`, agreement)).status).toBe(200);
    // The world's work reports are queued rows; marked generated, with the figures of the demo's issued report (its F-01
    // names a figure), so their documents can be downloaded and a figure's records read.
    const issued = await (t.db as any).selectFrom('work_reports').select('figures').where('status', '=', 'issued').executeTakeFirstOrThrow();
    await (t.db as any)
      .updateTable('work_reports')
      .set({ status: 'draft', progress: 100, figures: issued.figures, generated_at: new Date().toISOString() })
      .where('id', 'in', [world.own.unionWorkReport, world.own.schoolWorkReport])
      .execute();
    const res = await t.client().get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
    expect(getRoutes().length).toBeGreaterThan(40);
  }, 300_000);

  it('every GET route answers a signed-in staff member with a body its documented schema accepts', async () => {
    const access = new Map(declaredRoutes(t.app).map((r) => [`${r.method} ${r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`, r.access]));
    const failures: string[] = [];
    for (const { path, op } of getRoutes()) {
      let answered: { role: Role; res: Response } | undefined;
      for (const role of callers(access.get(`GET ${path}`))) {
        const url = pathWith(world, path, role);
        if (!url) continue;
        const res = await world.clients[role].get(url + queryWith(world, op));
        answered = { role, res };
        if (res.status < 300) break;
      }
      if (!answered) {
        failures.push(`GET ${path}: the world has no record to name`);
        continue;
      }
      const { role, res } = answered;
      if (res.status >= 300) failures.push(`GET ${path} as ${role}: ${res.status} ${res.text.slice(0, 200)}`);
      for (const problem of check(op, res)) failures.push(`GET ${path} as ${role}: ${problem}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('every GET route answers an anonymous caller with a problem the document lists, in the problem schema', async () => {
    const anonymous: Client = t.client();
    const failures: string[] = [];
    for (const { path, op } of getRoutes()) {
      const url = pathWith(world, path, 'sysAdmin') ?? pathWith(world, path, 'principal');
      if (!url) continue;
      const res = await anonymous.get(url + queryWith(world, op));
      if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      for (const problem of check(op, res)) failures.push(`GET ${path} anonymously: ${problem}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('an invalid query is a documented 400 problem naming the field', async () => {
    const op = doc.paths['/api/v1/calendar/days'].get;
    const res = await world.clients.sysAdmin.get('/api/v1/calendar/days?from=not-a-date&to=2026-01-01');
    expect(res.status).toBe(400);
    expect(check(op, res)).toEqual([]);
    expect(res.body.errors.map((e: Json) => e.field)).toContain('query.from');
  });
});
