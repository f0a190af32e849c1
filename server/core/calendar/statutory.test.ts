import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './calendar.js';
import { chineseNewYearsEve, lunarToSolar, qingming, statutorySchedule } from './statutory.js';

const off = (year: number) => Object.fromEntries(statutorySchedule(year).map((d) => [d.date, d.name]));

describe('statutory holidays of a year nobody has published (pure)', () => {
  it('converts the lunar festivals and the 清明 solar term for 2027 and 2028', () => {
    expect(lunarToSolar(2027, 1, 1)).toBe('2027-02-06');
    expect(chineseNewYearsEve(2027)).toBe('2027-02-05');
    expect(lunarToSolar(2028, 1, 1)).toBe('2028-01-26');
    expect(chineseNewYearsEve(2028)).toBe('2028-01-25');
    expect(lunarToSolar(2027, 5, 5)).toBe('2027-06-09');
    expect(lunarToSolar(2028, 5, 5)).toBe('2028-05-28');
    expect(lunarToSolar(2027, 8, 15)).toBe('2027-09-15');
    expect(lunarToSolar(2028, 8, 15)).toBe('2028-10-03');
    expect(qingming(2027)).toBe('2027-04-05');
    expect(qingming(2028)).toBe('2028-04-04');
  });

  it('puts 春节, 清明, 端午 and 中秋 on days the published schedules of 2008–2026 gave off', () => {
    const published = new WorkCalendar([]);
    const missed: string[] = [];
    for (let y = 2008; y <= 2026; y++) {
      for (const [name, date] of [
        ['春节', lunarToSolar(y, 1, 1)],
        ['清明', qingming(y)],
        ['端午', lunarToSolar(y, 5, 5)],
        ['中秋', lunarToSolar(y, 8, 15)],
      ]) {
        if (published.isWorkingDay(date)) missed.push(`${y} ${name} ${date}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('takes 除夕 as the last day of lunar month 12, the 30th when that month is long', () => {
    // 2030: month 12 of 2029 has 30 days, so 除夕 is 腊月三十, 2 Feb.
    expect(chineseNewYearsEve(2030)).toBe('2030-02-02');
    expect(lunarToSolar(2030, 1, 1)).toBe('2030-02-03');
    // 2025: month 12 of 2024 has 29 days, so 除夕 is 腊月二十九, 28 Jan.
    expect(chineseNewYearsEve(2025)).toBe('2025-01-28');
  });

  it('gives 2027 its holidays and makes weekend ones up on the next working days', () => {
    expect(off(2027)).toEqual({
      '2027-01-01': '元旦',
      // 除夕 Fri, 初一 Sat, 初二 Sun, 初三 Mon: Saturday and Sunday are made up on Tue and Wed.
      '2027-02-05': '春节',
      '2027-02-06': '春节',
      '2027-02-07': '春节',
      '2027-02-08': '春节',
      '2027-02-09': '春节',
      '2027-02-10': '春节',
      '2027-04-05': '清明',
      // 1 May is a Saturday, 2 May a Sunday: made up on Mon 3 and Tue 4.
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-05-03': '劳动节',
      '2027-05-04': '劳动节',
      '2027-06-09': '端午',
      '2027-09-15': '中秋',
      // 1 Oct is a Friday; Sat 2 and Sun 3 are made up on Mon 4 and Tue 5.
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
      '2027-10-04': '国庆节',
      '2027-10-05': '国庆节',
    });
  });

  it('gives 2028 its holidays, 中秋 on 国庆 included', () => {
    const days = off(2028);
    // 元旦 on a Saturday → Monday 3 January.
    expect(days['2028-01-03']).toBe('元旦');
    expect(['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'].map((d) => days[d])).toEqual(['春节', '春节', '春节', '春节']);
    expect(days['2028-04-04']).toBe('清明');
    expect(days['2028-05-28']).toBe('端午'); // a Sunday
    expect(days['2028-05-29']).toBe('端午');
    expect(days['2028-10-03']).toBe('中秋');
    // 国庆 Sun 1 → Wed 4; its 3 Oct shared with 中秋 → Thu 5.
    expect(['2028-10-01', '2028-10-02', '2028-10-04', '2028-10-05'].every((d) => days[d])).toBe(true);
    expect(days['2028-10-06']).toBeUndefined();
  });
});

describe('statutory holidays of 2029 and 2030, against a table drawn up apart from the code', () => {
  // Festival dates from the published lunar calendar (春节 2029-02-13, 2030-02-03; 端午 2029-06-16,
  // 2030-06-05; 中秋 2029-09-22, 2030-09-12; 清明 2029-04-04, 2030-04-05), weekdays from the Gregorian calendar.
  it('gives 2029 its holidays: 端午 and 中秋 on Saturdays, each made up on the Monday', () => {
    expect(off(2029)).toEqual({
      '2029-01-01': '元旦',
      // 除夕 Mon 12 Feb to 初三 Thu 15 Feb: no weekend day to make up.
      '2029-02-12': '春节',
      '2029-02-13': '春节',
      '2029-02-14': '春节',
      '2029-02-15': '春节',
      '2029-04-04': '清明',
      '2029-05-01': '劳动节',
      '2029-05-02': '劳动节',
      '2029-06-16': '端午',
      '2029-06-18': '端午',
      '2029-09-22': '中秋',
      '2029-09-24': '中秋',
      '2029-10-01': '国庆节',
      '2029-10-02': '国庆节',
      '2029-10-03': '国庆节',
    });
  });

  it('gives 2030 its holidays: 除夕 on a Saturday (腊月三十), 初一 on a Sunday, both made up after 初三', () => {
    expect(off(2030)).toEqual({
      '2030-01-01': '元旦',
      '2030-02-02': '春节',
      '2030-02-03': '春节',
      '2030-02-04': '春节',
      '2030-02-05': '春节',
      '2030-02-06': '春节',
      '2030-02-07': '春节',
      '2030-04-05': '清明',
      '2030-05-01': '劳动节',
      '2030-05-02': '劳动节',
      '2030-06-05': '端午',
      '2030-09-12': '中秋',
      '2030-10-01': '国庆节',
      '2030-10-02': '国庆节',
      '2030-10-03': '国庆节',
    });
    // A deadline across the 2030 春节 week skips its six days off and the weekend after.
    const cal = new WorkCalendar([]);
    expect(cal.deadline('2030-02-01', 3)).toEqual({ date: '2030-02-12', provisional: true });
  });
});

describe('the calendar beyond the published years', () => {
  const cal = new WorkCalendar([]);

  it('no longer counts 1 January 2027 as a working day, and says the day is provisional', () => {
    expect(cal.day('2027-01-01')).toMatchObject({ working: false, kind: 'holiday', name: '元旦', provisional: true });
    expect(cal.day('2027-02-09')).toMatchObject({ working: false, name: '春节', provisional: true });
    expect(cal.day('2027-01-04')).toMatchObject({ working: true, kind: 'workday', provisional: true });
    expect(cal.day('2026-12-31')).toMatchObject({ working: true, provisional: false });
    expect(cal.yearSource(2026)).toBe('package');
    expect(cal.yearSource(2027)).toBe('statutory');
  });

  it('lets a deadline across New Year skip 元旦 and flags it as provisional', () => {
    // Mon 21 Dec 2026 + 10 working days: 22–31 Dec gives 8, 1 Jan is 元旦, so Mon 4 and Tue 5 Jan.
    expect(cal.deadline('2026-12-21', 10)).toEqual({ date: '2027-01-05', provisional: true });
    expect(cal.deadline('2026-12-01', 5)).toEqual({ date: '2026-12-08', provisional: false });
    // A deadline stored earlier, shown today: flagged when its span reaches into 2027.
    expect(cal.provisionalWithin('2026-12-21', '2027-01-05')).toBe(true);
    expect(cal.provisionalWithin('2026-12-21', '2026-12-31')).toBe(false);
  });

  it('treats a year imported from the notice as published', () => {
    const imported = new WorkCalendar([], null, [
      {
        year: 2027,
        days: [
          { date: '2027-01-01', working: false, name: '元旦' },
          { date: '2027-02-20', working: true, name: '春节' },
        ],
      },
    ]);
    expect(imported.yearSource(2027)).toBe('notice');
    expect(imported.day('2027-02-20')).toMatchObject({ working: true, kind: 'makeupWorkday', provisional: false });
    // The notice says nothing of 9 Feb, so it is an ordinary Tuesday, no longer a statutory make-up.
    expect(imported.day('2027-02-09')).toMatchObject({ working: true, kind: 'workday', provisional: false });
  });
});
