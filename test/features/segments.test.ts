// The weekly table from segment columns: the public constructor every source
// goes through, checked against the CSV path and against bad segments.
import { describe, expect, it } from 'vitest';
import { DataError, dailyFromRows, loadDaily, loadWeekly, weeklyFromSegmentColumns, type SegmentColumns, type WeeklyFrame } from '../../src/index.js';
import { generateDailyRows } from '../../src/generate.js';
import { weeklyFromHeldSegments } from '../../src/features/segments.js';
import { GOLDEN } from '../helpers/reference.js';
import { expectWeeklyMatchesCsv } from '../helpers/weekly-match.js';
import { segmentsByHand } from '../helpers/segments.js';

function sameTable(a: WeeklyFrame, b: WeeklyFrame): void {
  expect(b.length).toBe(a.length);
  expect(b.profileIds).toEqual(a.profileIds);
  expect(Array.from(b.offsets)).toEqual(Array.from(a.offsets));
  for (const name of a.columnNames) expect(Array.from(b.column(name)), name).toEqual(Array.from(a.column(name)));
  expect(b.toRecords()).toEqual(a.toRecords());
}

/** Picks segment i's entries of every column into a new set of columns (reordering or dropping segments). */
function pick(c: SegmentColumns, order: number[]): SegmentColumns {
  const out = { profileIds: c.profileIds } as Record<string, unknown>;
  for (const [k, v] of Object.entries(c)) if (k !== 'profileIds') out[k] = order.map((i) => (v as ArrayLike<number>)[i]!);
  return out as unknown as SegmentColumns;
}

/** A copy of the columns with one entry changed. */
function withValue(c: SegmentColumns, column: keyof SegmentColumns, i: number, value: number): SegmentColumns {
  const copy = Array.from(c[column] as ArrayLike<number>);
  copy[i] = value;
  return { ...c, [column]: copy };
}

describe('weeklyFromSegmentColumns', () => {
  it('gives the CSV path’s table, cell for cell, from segments summed by hand on the parity fixture (both presets)', async () => {
    const daily = await loadDaily(`${GOLDEN}input`);
    const segments = segmentsByHand(daily);
    expect(segments.profile.length).toBeGreaterThan(daily.length / 7);
    for (const preset of ['notebook', 'corrected'] as const) {
      const { weekly } = await loadWeekly(`${GOLDEN}input`, { preset });
      sameTable(weekly, weeklyFromSegmentColumns(segments, { preset }));
    }
    expectWeeklyMatchesCsv(weeklyFromSegmentColumns(segments), `${GOLDEN}expected/weekly_all.csv`);
    // Any order of the segments gives the same table.
    const n = segments.profile.length;
    const reversed = pick(
      segments,
      Array.from({ length: n }, (_, i) => n - 1 - i),
    );
    sameTable(weeklyFromSegmentColumns(segments, { preset: 'corrected' }), weeklyFromSegmentColumns(reversed, { preset: 'corrected' }));
  });

  it('gives the same table, bit for bit, from segments in any order, across more profiles than its ordering buckets', () => {
    const daily = dailyFromRows(generateDailyRows({ profiles: 700, from: '2024-01-01', to: '2024-04-30', seed: 5 }));
    const segments = segmentsByHand(daily);
    const n = segments.profile.length;
    // A shuffle (a fixed-seed LCG), and the segments already in profile order.
    const shuffled = Array.from({ length: n }, (_, i) => i);
    let state = 12345;
    for (let i = n - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const j = state % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const inOrder = Array.from({ length: n }, (_, i) => i).sort((a, b) => segments.profile[a]! - segments.profile[b]! || a - b);
    for (const preset of ['notebook', 'corrected'] as const) {
      const expected = weeklyFromSegmentColumns(pick(segments, inOrder), { preset });
      expect(expected.profileIds.length).toBeGreaterThan(600);
      sameTable(expected, weeklyFromSegmentColumns(pick(segments, shuffled), { preset }));
      sameTable(expected, weeklyFromSegmentColumns(segments, { preset }));
    }
  });

  // A profile with a Thursday, a Saturday and the Monday after, in a week that spans two months (2024-05-27 … 06-02).
  const base: SegmentColumns = {
    profileIds: ['b', 'a'],
    profile: [0, 0, 1],
    sunday: [19876, 19876, 19869], // 2024-06-02 (part 0 and 1), 2024-05-26
    part: [0, 1, 0],
    firstDay: [19875, 19870, 19869],
    lastDay: [19876, 19873, 19869],
    rows: [2, 3, 1],
    posts: [1, 2, 0],
    engagement: [10, 30, 0],
    reach: [100, 300, 0],
    impressions: [120, 360, 0],
    followersSum: [200, 150, 0],
    followersCount: [2, 3, 0],
    lastFollowers: [101, 52, Number.NaN],
    lastFollowersDay: [19876, 19873, Number.NaN],
  };

  it('lets go of held columns once summed, and gives the same table', async () => {
    const segments = segmentsByHand(await loadDaily(`${GOLDEN}input`));
    const held: { columns: SegmentColumns | null } = { columns: segments };
    const weekly = weeklyFromHeldSegments(held, { preset: 'corrected' });
    expect(held.columns).toBeNull();
    sameTable(weeklyFromSegmentColumns(segments, { preset: 'corrected' }), weekly);
  });

  it('builds a small table: sorted ids, every week, the sums of both parts and the last followers of the latest day', () => {
    const weekly = weeklyFromSegmentColumns(base, { preset: 'corrected' });
    expect(weekly.profileIds).toEqual(['a', 'b']);
    expect(Array.from(weekly.column('date'))).toEqual([19869, 19876]);
    expect(Array.from(weekly.column('posts'))).toEqual([0, 3]);
    expect(Array.from(weekly.column('engagement'))).toEqual([0, 40]);
    expect(Array.from(weekly.stored('followers'))).toEqual([0, 350]);
    expect(Array.from(weekly.stored('lastFollowers'))).toEqual([Number.NaN, 101]);
    // rowAt: a profile's row of a week, −1 outside its weeks or off a Sunday.
    expect([weekly.rowAt(0, 19869), weekly.rowAt(1, 19876), weekly.rowAt(1, 19869), weekly.rowAt(0, 19876), weekly.rowAt(1, 19875)]).toEqual([
      0, 1, -1, -1, -1,
    ]);
    const through = weeklyFromSegmentColumns(base, { preset: 'corrected', through: 19890 });
    expect(Array.from(through.column('date'))).toEqual([19869, 19876, 19883, 19890, 19876, 19883, 19890]);
  });

  it('names the segment and the column of every inconsistency', () => {
    const cases: [keyof SegmentColumns, number, number, RegExp][] = [
      ['profile', 1, 2, /<segments>:2 \(column 'profile'\): the profile number is not an index into profileIds \(0 … 1\): "2"/],
      ['sunday', 0, 19875, /<segments>:1 \(column 'sunday'\): the week is not given by the day number of a Sunday/],
      ['part', 2, 1, /<segments>:3 \(column 'part'\): the week ending 2024-05-26 lies in one month: it has no part 1/],
      ['part', 0, 2, /<segments>:1 \(column 'part'\)/],
      ['firstDay', 1, 19875, /<segments>:2 \(column 'firstDay'\): the first day is not a day of the segment \(2024-05-27 … 2024-05-31\)/],
      ['lastDay', 0, 19874, /<segments>:1 \(column 'lastDay'\)/],
      ['rows', 0, 0, /<segments>:1 \(column 'rows'\)/],
      ['rows', 0, 1.5, /<segments>:1 \(column 'rows'\)/],
      ['engagement', 1, -1, /<segments>:2 \(column 'engagement'\): the engagement sum is not a finite non-negative number/],
      ['reach', 1, Number.POSITIVE_INFINITY, /<segments>:2 \(column 'reach'\)/],
      ['followersCount', 0, 3, /<segments>:1 \(column 'followersCount'\): the followers count is not a whole number from 0 to the row count \(2\)/],
      ['followersSum', 2, 5, /<segments>:3 \(column 'followersSum'\): the followers sum is not 0 though the followers count is/],
      ['lastFollowers', 2, 5, /<segments>:3 \(column 'lastFollowers'\)/],
      ['lastFollowers', 0, Number.NaN, /<segments>:1 \(column 'lastFollowers'\)/],
      ['lastFollowersDay', 0, 19874, /<segments>:1 \(column 'lastFollowersDay'\)/],
    ];
    for (const [column, i, value, message] of cases) {
      const call = () => weeklyFromSegmentColumns(withValue(base, column, i, value));
      expect(call, `${column}[${i}] = ${value}`).toThrow(DataError);
      expect(call, `${column}[${i}] = ${value}`).toThrow(message);
    }
    expect(() => weeklyFromSegmentColumns(pick(base, [0, 1, 2, 1]), { source: 'daily_segments' })).toThrow(
      /^daily_segments:4 \(column 'sunday'\): the segment \(profile, week, part\) appears twice \(first at 2\)/,
    );
    expect(() => weeklyFromSegmentColumns({ ...base, rows: [1, 1] })).toThrow(/column 'rows' has 2 entries, 'profile' has 3/);
    expect(() => weeklyFromSegmentColumns({ ...base, profileIds: ['a', 'a'] })).toThrow(/the profile id appears twice/);
    const { reach: _reach, ...noReach } = base;
    expect(() => weeklyFromSegmentColumns(noReach as SegmentColumns)).toThrow(TypeError);
  });

  it('holds a profile to maxWeeksPerProfile', () => {
    expect(() => weeklyFromSegmentColumns(base, { limits: { maxWeeksPerProfile: 1 }, through: 19883 })).toThrow(/more than limits.maxWeeksPerProfile = 1/);
  });
});
