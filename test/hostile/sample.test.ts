import { describe, expect, it } from 'vitest';
import { propertiesOf, sampleValid, SAMPLE_DATE, SAMPLE_UUID } from './sample.js';

describe('sampleValid: the smallest valid instance of a JSON schema', () => {
  it('fills required properties only, with the first enum value, minimum numbers and lengths', () => {
    const schema = {
      type: 'object',
      properties: {
        category: { type: 'string', enum: ['wages', 'benefits'] },
        title: { type: 'string', minLength: 5, maxLength: 8 },
        count: { type: 'integer', minimum: 3, maximum: 9 },
        ratio: { type: 'number', exclusiveMinimum: 0 },
        flag: { type: 'boolean' },
        tags: { type: 'array', minItems: 2, items: { type: 'string', maxLength: 2 } },
        note: { type: 'string' },
      },
      required: ['category', 'title', 'count', 'ratio', 'flag', 'tags'],
      additionalProperties: false,
    };
    const v = sampleValid(schema) as any;
    expect(Object.keys(v).sort()).toEqual(['category', 'count', 'flag', 'ratio', 'tags', 'title']);
    expect(v.category).toBe('wages');
    expect(v.title.length).toBeGreaterThanOrEqual(5);
    expect(v.title.length).toBeLessThanOrEqual(8);
    expect(v.count).toBe(3);
    expect(v.ratio).toBeGreaterThan(0);
    expect(v.flag).toBe(false);
    expect(v.tags).toHaveLength(2);
    expect(v.tags.every((s: string) => s.length <= 2)).toBe(true);
    // Deterministic: the same schema gives the same value.
    expect(sampleValid(schema)).toEqual(v);
  });

  it('knows formats and the patterns the app uses: uuid, date, time of day, phone', () => {
    expect(sampleValid({ type: 'string', format: 'uuid' })).toBe(SAMPLE_UUID);
    expect(sampleValid({ type: 'string', format: 'date' })).toBe(SAMPLE_DATE);
    expect(sampleValid({ type: 'string', format: 'date-time' })).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    for (const pattern of [
      '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      '^\\d{4}-\\d{2}-\\d{2}$',
      '^([01]\\d|2[0-3]):[0-5]\\d$',
      '^1\\d{10}$',
      '^[A-Za-z0-9_.@-]+$',
    ]) {
      expect(String(sampleValid({ type: 'string', pattern, minLength: 2, maxLength: 40 }))).toMatch(new RegExp(pattern));
    }
  });

  it('takes the non-null branch of anyOf/oneOf and nullable, and merges allOf', () => {
    expect(sampleValid({ anyOf: [{ type: 'null' }, { type: 'integer', minimum: 7 }] })).toBe(7);
    expect(sampleValid({ oneOf: [{ type: 'string', enum: ['a'] }, { type: 'number' }] })).toBe('a');
    expect(sampleValid({ type: 'string', nullable: true, maxLength: 3 })).toHaveLength(3);
    expect(
      sampleValid({
        allOf: [
          { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] },
          { properties: { b: { type: 'boolean' } }, required: ['b'] },
        ],
      }),
    ).toEqual({ a: 1, b: false });
  });

  it('applies overrides on top of the required properties, and lists properties with their resolved schemas', () => {
    const schema = { type: 'object', properties: { orgId: { type: 'string', format: 'uuid' }, name: { type: 'string' } }, required: ['name'] };
    expect(sampleValid(schema, { orgId: 'real-org' })).toEqual({ name: '测试内容', orgId: 'real-org' });
    expect(propertiesOf(schema).map(([n, , r]) => [n, r])).toEqual([
      ['orgId', false],
      ['name', true],
    ]);
  });
});
