import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatDay, formatYearWeek, isoWeek, parseDay, sundayOf, weekNumberU, weekday } from '../src/calendar.js';

describe('calendar', () => {
  it('converts day numbers both ways, matching Date, over 1900–2100', () => {
    const start = daysFromCivil(1900, 1, 1);
    const end = daysFromCivil(2100, 12, 31);
    for (let d = start; d <= end; d += 1) {
      const date = new Date(d * 86400000);
      const [y, m, day] = civilFromDays(d);
      expect([y, m, day]).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
      if (d % 97 === 0) expect(daysFromCivil(y!, m!, day!)).toBe(d);
      if (d % 13 === 0) expect(weekday(d)).toBe(date.getUTCDay());
    }
  });

  it('labels Monday–Sunday weeks by their Sunday', () => {
    expect(formatDay(sundayOf(parseDay('2024-01-01')))).toBe('2024-01-07'); // Monday
    expect(formatDay(sundayOf(parseDay('2024-01-07')))).toBe('2024-01-07'); // Sunday
    expect(formatDay(sundayOf(parseDay('2024-12-30')))).toBe('2025-01-05'); // crosses the year
    expect(formatDay(sundayOf(parseDay('1969-12-31')))).toBe('1970-01-04'); // before the epoch
  });

  it('numbers weeks as %U does, including 53-Sunday years', () => {
    // 2023 starts on a Sunday: 53 Sundays, the last is week 53.
    expect(formatYearWeek(parseDay('2023-01-01'))).toBe('2023-01');
    expect(formatYearWeek(parseDay('2023-12-31'))).toBe('2023-53');
    // 2024 starts on a Monday: its first Sunday (7 Jan) is week 1; 2024-12-29 is week 52.
    expect(formatYearWeek(parseDay('2024-01-07'))).toBe('2024-01');
    expect(formatYearWeek(parseDay('2024-12-29'))).toBe('2024-52');
    // A leap year starting on Saturday ends on a Sunday in week 53 (2028).
    expect(formatYearWeek(parseDay('2028-12-31'))).toBe('2028-53');
    // Days before the first Sunday are week 0.
    expect(weekNumberU(parseDay('2022-01-01'))).toBe(0);
  });

  it('gives ISO week numbers', () => {
    expect(isoWeek(parseDay('2023-01-01'))).toBe(52); // Sunday in ISO week 2022-W52
    expect(isoWeek(parseDay('2020-12-31'))).toBe(53);
    expect(isoWeek(parseDay('2021-01-03'))).toBe(53);
    expect(isoWeek(parseDay('2024-12-29'))).toBe(52);
    expect(isoWeek(parseDay('2024-12-30'))).toBe(1);
    expect(isoWeek(parseDay('2026-12-27'))).toBe(52);
    expect(isoWeek(parseDay('2027-01-03'))).toBe(53);
  });

  it('parses only real YYYY-MM-DD dates', () => {
    expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-5', '2024/01/05', '', '2024-01-05T00:00']) {
      expect(parseDay(bad), bad).toBeNaN();
    }
  });

  it('parses every day text as Date does, whichever month it read before', () => {
    // Day 0 … 32 of each month of 1899–2101, in three orders (parseDay keeps the month it read last):
    // month by month, each day of a month after the same day of another year's month, and reversed.
    const texts: string[] = [];
    for (let y = 1899; y <= 2101; y++)
      for (let m = 1; m <= 12; m++) for (let d = 0; d <= 32; d++) texts.push(`${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const byDay = [...texts].sort((a, b) => a.slice(8).localeCompare(b.slice(8)) || a.slice(5, 7).localeCompare(b.slice(5, 7)));
    for (const order of [texts, byDay, [...texts].reverse()]) {
      for (const text of order) {
        const [y, m, d] = text.split('-').map(Number) as [number, number, number];
        const date = new Date(Date.UTC(y, m - 1, d));
        const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        const day = parseDay(text);
        if (real !== (day === date.getTime() / 86400000)) expect.fail(`${text}: ${day}`);
        if (!real && !Number.isNaN(day)) expect.fail(`${text}: ${day}`);
      }
    }
    // A month refused is not kept: the day after it is read afresh.
    expect(parseDay('2024-13-01')).toBeNaN();
    expect(formatDay(parseDay('2024-12-31'))).toBe('2024-12-31');
    expect(parseDay('2023-02-29')).toBeNaN();
    expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29');
  });
});
