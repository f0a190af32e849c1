import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

const t = useTestApp();

describe('API documentation and health', () => {
  it('publishes an OpenAPI 3 document of the routes, generated from the zod schemas', async () => {
    const res = await t.client().get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(res.body.paths);
    for (const p of ['/api/v1/auth/login', '/api/v1/orgs', '/api/v1/people', '/api/v1/calendar/days', '/api/v1/appeals', '/api/v1/audit']) {
      expect(paths).toContain(p);
    }
    // The login body schema comes from common/schemas/auth.ts.
    const login = res.body.paths['/api/v1/auth/login'].post;
    const schema = login.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['login', 'password']));
  });

  it('tells a generated client how to sign in, what may go wrong, and what comes back besides JSON', async () => {
    const doc = (await t.client().get('/api/v1/openapi.json')).body;
    expect(doc.info.license.name).toBe('Apache-2.0');
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);

    // Public: no sign-in, so no 401/403; a cookie write needs the CSRF header, a bearer token does not.
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.security).toEqual([]);
    expect(Object.keys(login.responses)).not.toContain('401');
    const submit = doc.paths['/api/v1/appeals'].post;
    expect(submit.security).toEqual([{ session: [], csrf: [] }, { token: [] }]);
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '409', '413', '415', '422', '429']));
    expect(submit.responses['201'].headers.Location).toBeTruthy();
    expect(submit.parameters.find((p: any) => p.name === 'Idempotency-Key')).toMatchObject({ in: 'header', required: false });
    expect(doc.components.responses.Problem404.content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    expect(doc.paths['/api/v1/appeals/{id}'].get.responses['404']).toBeTruthy();

    expect(doc.paths['/api/v1/appeals/attachments'].post.requestBody.content['multipart/form-data']).toBeTruthy();
    expect(Object.keys(doc.paths['/api/v1/appeals/export.xlsx'].get.responses['200'].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(Object.keys(doc.paths['/api/v1/appeals/export.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(doc.paths['/api/v1/heart-bridge/classes/{classId}/weeks/{week}/print'].get.responses['200'].content['text/html']).toBeTruthy();
    expect(doc.paths['/api/v1/orgs/{id}'].delete.responses['204']).toBeTruthy();
  });

  it('serves interactive docs at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('reports the database in the health check', async () => {
    const res = await t.client().get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', engine: t.engine });
  });

  it('answers an unknown API path with a Chinese problem+json 404, never HTML', async () => {
    const res = await t.client().get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toBe('接口不存在');
  });
});
