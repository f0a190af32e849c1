/**
 * Every action and object type the server writes to the audit log has a Chinese and an
 * English label (common/auditLabels.ts), so the audit viewer never shows a raw key. The
 * keys are read from the source: `action: '…'` and `entityType: '…'` literals (both arms of
 * a ternary) in every non-test server file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../common/auditLabels.js';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

function keys(field: string, key: RegExp): Set<string> {
  const out = new Set<string>();
  for (const file of sources(path.resolve('server'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(new RegExp(`\\b${field}:\\s*([^,\\n}]+)`, 'g'))) {
      for (const k of m[1].matchAll(key)) out.add(k[1]);
    }
  }
  return out;
}

describe('audit log labels', () => {
  it('labels every recorded action in Chinese and English', () => {
    const actions = keys('action', /'([a-z][A-Za-z]*\.[A-Za-z]+)'/g);
    expect(actions.size).toBeGreaterThan(50);
    const missing = [...actions].filter((a) => !AUDIT_ACTION_LABELS[a]?.zh || !AUDIT_ACTION_LABELS[a]?.en);
    expect(missing).toEqual([]);
  });

  it('labels every recorded object type in Chinese and English', () => {
    const types = keys('entityType', /'([a-z][A-Za-z]*)'/g);
    expect(types.size).toBeGreaterThan(10);
    const missing = [...types].filter((e) => !AUDIT_ENTITY_LABELS[e]?.zh || !AUDIT_ENTITY_LABELS[e]?.en);
    expect(missing).toEqual([]);
  });
});
