import { monthIndexOf, sundayOf } from '../calendar.js';
import { DailyFrame } from '../frame/daily-frame.js';
import { WeeklyFrame } from '../frame/weekly-frame.js';
import { assertPreset, type Preset, type ProgressCallback } from '../schema.js';
import { SundayCalendar } from './calendar-table.js';
import { compareCodePoints } from './order.js';
import { CELL, SegmentTable, type SegmentData } from './segments.js';

/** Options of `resampleWeekly`. */
export interface ResampleOptions {
  /** Pipeline variant; defaults to `notebook`. */
  preset?: Preset;
}

/** Sums a daily frame's rows into segments (see `SegmentTable`). */
export function segmentsOfDaily(daily: DailyFrame): SegmentTable {
  const table = new SegmentTable(Math.max(64, daily.length / 2));
  const { profile, day, followers, posts, engagement, reach, impressions } = daily;
  for (let i = 0; i < daily.length; i++) {
    table.add(profile[i]!, day[i]!, followers[i]!, posts[i]!, engagement[i]!, reach[i]!, impressions[i]!);
  }
  return table;
}

/**
 * Steps N2–N8: daily rows → the weekly table with monthly averages, lag
 * features and targets, for the chosen preset.
 *
 * @example
 * const weekly = resampleWeekly(await loadDaily('data/'), { preset: 'notebook' });
 * weekly.toRecords()[0].engagement_lag_1;
 */
export function resampleWeekly(daily: DailyFrame, options: ResampleOptions = {}): WeeklyFrame {
  if (!(daily instanceof DailyFrame)) throw new TypeError('resampleWeekly: expected a DailyFrame (from loadDaily or dailyFromRows)');
  const preset = options.preset ?? 'notebook';
  assertPreset(preset, 'resampleWeekly');
  return weeklyFromSegments([{ data: segmentsOfDaily(daily) }], daily.profileIds, preset);
}

/** Segment sums from one reader; `profileMap[local]` is the profile's number in `profileIds` (identity when absent). */
export interface SegmentPart {
  data: SegmentData;
  profileMap?: Int32Array;
}

/**
 * Builds the weekly table from segment sums (N2–N6; N7 and N8 are derived by
 * the frame). Several parts — one per reading thread — are scattered straight
 * into the weekly rows, with no merged table in between.
 */
export function weeklyFromSegments(
  parts: readonly SegmentPart[],
  profileIds: readonly string[],
  preset: Preset,
  onProgress?: ProgressCallback,
): WeeklyFrame {
  const p = profileIds.length;
  const minDay = new Int32Array(p).fill(0x7fffffff);
  const maxDay = new Int32Array(p).fill(-0x80000000);
  for (const { data, profileMap } of parts) {
    const slots = Math.min(data.minDay.length, profileMap ? profileMap.length : p);
    for (let local = 0; local < slots; local++) {
      if (data.minDay[local]! > data.maxDay[local]!) continue;
      const g = profileMap ? profileMap[local]! : local;
      if (data.minDay[local]! < minDay[g]!) minDay[g] = data.minDay[local]!;
      if (data.maxDay[local]! > maxDay[g]!) maxDay[g] = data.maxDay[local]!;
    }
  }

  // Profiles with rows, in code-point order of their ids (N4).
  const seen: number[] = [];
  for (let g = 0; g < p; g++) if (minDay[g]! <= maxDay[g]!) seen.push(g);
  seen.sort((a, b) => compareCodePoints(profileIds[a]!, profileIds[b]!));
  const profiles = seen.length;
  const rank = new Int32Array(p).fill(-1);
  const firstSunday = new Int32Array(profiles);
  const firstMonth = new Int32Array(profiles);
  const monthCount = new Int32Array(profiles);
  const offsets = new Int32Array(profiles + 1);
  const monthOffsets = new Int32Array(profiles + 1);
  let globalFirst = 0;
  let globalLast = -7;
  for (let k = 0; k < profiles; k++) {
    const g = seen[k]!;
    rank[g] = k;
    const first = sundayOf(minDay[g]!);
    const last = sundayOf(maxDay[g]!);
    firstSunday[k] = first;
    offsets[k + 1] = offsets[k]! + (last - first) / 7 + 1;
    firstMonth[k] = monthIndexOf(minDay[g]!);
    monthCount[k] = monthIndexOf(maxDay[g]!) - firstMonth[k]! + 1;
    monthOffsets[k + 1] = monthOffsets[k]! + monthCount[k]!;
    if (k === 0 || first < globalFirst) globalFirst = first;
    if (k === 0 || last > globalLast) globalLast = last;
  }
  const n = offsets[profiles]!;
  const cal = new SundayCalendar(globalFirst, globalLast);
  onProgress?.({ stage: 'weekly', rows: n });

  // N2 + N3: scatter the segment sums into weekly and monthly rows.
  const date = new Int32Array(n);
  const profile = new Int32Array(n);
  const records = new Int32Array(n);
  const followers = new Float64Array(n);
  const posts = new Float64Array(n);
  const engagement = new Float64Array(n);
  const reach = new Float64Array(n);
  const impressions = new Float64Array(n);
  const monthEngagement = new Float64Array(monthOffsets[profiles]!);
  const monthPosts = new Float64Array(monthOffsets[profiles]!);
  for (let k = 0; k < profiles; k++) {
    for (let i = offsets[k]!; i < offsets[k + 1]!; i++) {
      profile[i] = k;
      date[i] = firstSunday[k]! + 7 * (i - offsets[k]!);
    }
  }
  for (const { data, profileMap } of parts) {
    const c = data.cells;
    for (let e = 0; e < data.size; e++) {
      const at = e * CELL.stride;
      const local = c[at + CELL.profile]!;
      const k = rank[profileMap ? profileMap[local]! : local]!;
      const code = c[at + CELL.code]!;
      const sunday = code >> 1;
      const row = offsets[k]! + (sunday - firstSunday[k]!) / 7;
      records[row]! += c[at + CELL.rows]!;
      posts[row]! += c[at + CELL.posts]!;
      engagement[row]! += c[at + CELL.engagement]!;
      reach[row]! += c[at + CELL.reach]!;
      impressions[row]! += c[at + CELL.impressions]!;
      followers[row]! += c[at + CELL.followersSum]!; // Q1: the week's SUM of daily followers, 0 when none
      const m = monthOffsets[k]! + cal.monthIndex[(sunday - cal.first) / 7]! - (code & 1) - firstMonth[k]!;
      monthEngagement[m]! += c[at + CELL.engagement]!;
      monthPosts[m]! += c[at + CELL.posts]!;
    }
  }

  // N6: the monthly average of the Sunday's month (Q2), missing outside the profile's months.
  const monthlyAverage = new Float64Array(n);
  for (let k = 0; k < profiles; k++) {
    for (let i = offsets[k]!; i < offsets[k + 1]!; i++) {
      const mi = cal.monthIndex[(date[i]! - cal.first) / 7]! - firstMonth[k]!;
      monthlyAverage[i] =
        mi >= 0 && mi < monthCount[k]!
          ? monthEngagement[monthOffsets[k]! + mi]! / monthPosts[monthOffsets[k]! + mi]!
          : Number.NaN;
    }
  }
  const ids = seen.map((g) => profileIds[g]!);
  return new WeeklyFrame(
    preset,
    ids,
    offsets,
    { date, profile, records, followers, posts, engagement, reach, impressions, monthlyAverage },
    cal,
  );
}
