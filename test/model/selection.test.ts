// T1–T3 and T5 on a small literal table, with row counts worked out by hand.
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/calendar.js';
import { dailyFromRows, resampleWeekly, type DailyRowInput } from '../../src/index.js';
import { selectRows, withoutMissing } from '../../src/model/selection.js';
import { once } from '../helpers/once.js';

/** One daily row on each Sunday from 2024-03-03, with these (posts, engagement) per week. */
function weeks(profile_id: string, values: [posts: number, engagement: number][]): DailyRowInput[] {
  return values.map(([posts, engagement], k) => {
    const day = new Date(Date.UTC(2024, 2, 3 + 7 * k)).toISOString().slice(0, 10);
    const quiet = posts === 0 && engagement === 0;
    return { date: day, profile_id, followers: 100, posts, engagement, reach: quiet ? 0 : 50, impressions: quiet ? 0 : 60 };
  });
}

// Weeks (Sundays): 03-03, 03-10, 03-17, 03-24, 03-31, 04-07, 04-14, 04-21.
const rows = [
  // a: 8 weeks of posts → rows 0…3 have all four targets.
  ...weeks('a', [
    [1, 10],
    [1, 20],
    [1, 30],
    [1, 40],
    [1, 50],
    [1, 60],
    [1, 70],
    [1, 80],
  ]),
  // b: 6 weeks; week 1 has engagement but no post, so its engagement per post is +Infinity.
  // Row 0's targets include week 1 (dropped at T1, counted); row 1's are weeks 2…5 (kept).
  ...weeks('b', [
    [1, 5],
    [0, 5],
    [1, 5],
    [1, 5],
    [1, 5],
    [1, 5],
  ]),
  // c: 5 weeks; week 0 is all zeros with no earlier week (all lags 0): T2 drops it.
  ...weeks('c', [
    [0, 0],
    [1, 9],
    [1, 9],
    [1, 9],
    [1, 9],
  ]),
];
const weeklyOnce = once(() => resampleWeekly(dailyFromRows(rows)));

describe('row selection (T1–T3, T5)', () => {
  it('counts the rows of each step, and a week whose Sunday is the cutoff trains', () => {
    const selection = selectRows(weeklyOnce(), parseDay('2024-03-10'));
    expect(selection.counts).toEqual({
      weekly: 8 + 6 + 5,
      afterTargetDrop: 4 + 1 + 1, // a 0…3, b 1, c 0
      infiniteTargets: 1, // b 0
      infiniteFeatures: 0,
      afterZeroDrop: 4 + 1 + 0, // c 0 is all zeros
      trainBeforeMissingDrop: 3, // a 03-03, a 03-10, b 03-10: Sundays on or before the cutoff
      testBeforeMissingDrop: 2, // a 03-17, a 03-24
    });
    const ids = Array.from(selection.rows, (i) => `${weeklyOnce().profileIds[weeklyOnce().profile[i]!]} ${weeklyOnce().toRecords()[i]!.date}`);
    expect(ids).toEqual(['a 2024-03-03', 'a 2024-03-10', 'a 2024-03-17', 'a 2024-03-24', 'b 2024-03-10']);
    expect(Array.from(selection.train, (k) => ids[k])).toEqual(['a 2024-03-03', 'a 2024-03-10', 'b 2024-03-10']);
    expect(Array.from(selection.test, (k) => ids[k])).toEqual(['a 2024-03-17', 'a 2024-03-24']);
    // Targets of a 2024-03-03: engagement per post 1…4 weeks later.
    expect(selection.targets.map((t) => t[0])).toEqual([20, 30, 40, 50]);
  });

  it('drops a row whose monthly average is infinite, after the rows with infinite targets', () => {
    // d: no post in March (engagement 5 each Sunday), one a week in April. The March Sundays 03-03…03-24 have
    // targets in March (infinite: T1); 03-31's targets are in April, but its March monthly average is infinite.
    const d = weeks('d', [
      [0, 5],
      [0, 5],
      [0, 5],
      [0, 5],
      [0, 5],
      [1, 10],
      [1, 10],
      [1, 10],
      [1, 10],
    ]);
    const selection = selectRows(resampleWeekly(dailyFromRows(d)), parseDay('2024-03-31'));
    expect(selection.counts).toEqual({
      weekly: 9,
      afterTargetDrop: 0, // T1 drops both
      infiniteTargets: 4,
      infiniteFeatures: 1,
      afterZeroDrop: 0,
      trainBeforeMissingDrop: 0,
      testBeforeMissingDrop: 0,
    });
  });

  it('moves the split by one week when the cutoff is the Saturday before', () => {
    const selection = selectRows(weeklyOnce(), parseDay('2024-03-09'));
    expect(selection.counts.trainBeforeMissingDrop).toBe(1);
    expect(selection.counts.testBeforeMissingDrop).toBe(4);
  });

  it('drops rows with a missing feature at T5', () => {
    const columns = [Float64Array.of(1, Number.NaN, 3, 4), Float64Array.of(1, 2, 3, Number.NaN)];
    expect(Array.from(withoutMissing(columns, Int32Array.of(0, 1, 2, 3)))).toEqual([0, 2]);
  });
});
