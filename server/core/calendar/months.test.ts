import { describe, expect, it } from 'vitest';
import { addMonths, monthEnd, monthsOf } from './months.js';

describe('months', () => {
  it('moves across year ends both ways, from a month or a date', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01');
    expect(addMonths('2026-11-25', -11)).toBe('2025-12');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
  });

  it('ends February on the 28th or, in a leap year, the 29th', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(monthEnd('2026-12-01')).toBe('2026-12-31');
  });

  it('lists every month of a period, both ends included', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(monthsOf('2026-04-01', '2026-03-31')).toEqual([]);
  });
});
