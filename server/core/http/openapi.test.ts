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
