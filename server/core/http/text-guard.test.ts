import { describe, expect, it } from 'vitest';
import { badTextPaths, textFault } from './text-guard.js';

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const CONTROLS = [...Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).filter((c) => !'\t\n\r'.includes(c)), '\u007f'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

describe('the text guard', () => {
  it.each(BIDI.map((c) => [c.codePointAt(0)!.toString(16)]))('refuses the bidi control U+%s anywhere', (hex) => {
    expect(textFault(`工资${String.fromCodePoint(parseInt(hex, 16))}gnp.exe`)).toBe('validation.bidi');
  });
  it.each(CONTROLS.map((c) => [c.codePointAt(0)!.toString(16)]))('refuses the control character U+%s anywhere', (hex) => {
    expect(textFault(`前${String.fromCodePoint(parseInt(hex, 16))}后`)).toBe('validation.controlChar');
  });
  it('keeps tab, line breaks, emoji sequences and ordinary Chinese text', () => {
    for (const ok of ['第一行\n第二行\r\n第三行', '列1\t列2', '👨\u200d👩\u200d👧 家庭', '１２３４５６', '\u3000全角空格', 'e\u0301'])
      expect(textFault(ok)).toBeNull();
  });
  it('refuses zero-width characters in names only', () => {
    for (const z of ZERO_WIDTH) {
      expect(textFault(`张${z}三`, true)).toBe('validation.zeroWidth');
      expect(textFault(`张${z}三`, false)).toBeNull();
    }
  });
  it('finds every bad string by its path, in keys and nested arrays, names by their key', () => {
    const found = badTextPaths({
      title: 'ok',
      name: '王\u200b五',
      displayName: '\ufeff管理员',
      items: [{ note: 'a\u202eb' }, { fileName: 'x\u2060.pdf' }],
      ['k\u0001']: 1,
      content: '零宽\u200b可',
    });
    expect(found.map((f) => [f.path.join('.'), f.fault]).sort()).toEqual(
      [
        ['content', null],
        ['displayName', 'validation.zeroWidth'],
        ['items.0.note', 'validation.bidi'],
        ['items.1.fileName', 'validation.zeroWidth'],
        ['k\u0001', 'validation.controlChar'],
        ['name', 'validation.zeroWidth'],
      ]
        .filter(([, f]) => f !== null)
        .sort(),
    );
  });
  it('names a bad string at the bottom of a 10 000-deep body by its whole path', () => {
    let value: unknown = { note: '底\u0000' };
    for (let i = 0; i < 10_000; i++) value = i % 2 ? { a: value } : [value];
    const [found] = badTextPaths(value);
    expect(found.fault).toBe('validation.nul');
    expect(found.path).toHaveLength(10_001);
    expect(found.path.slice(0, 4)).toEqual(['a', 0, 'a', 0]);
    expect(found.path.at(-1)).toBe('note');
  });
});
