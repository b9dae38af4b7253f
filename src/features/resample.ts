import { civilFromDays, isoWeek, sundayOf, weekNumberU } from '../calendar.js';
import { DailyFrame } from '../frame/daily-frame.js';
import { WeeklyFrame, type WeeklyColumnMap } from '../frame/weekly-frame.js';
import { assertPreset, type Preset } from '../schema.js';
import { notebookLags } from './lags.js';
import { compareCodePoints } from './order.js';
import { SegmentTable } from './segments.js';
import { futureTargets } from './targets.js';

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
  return weeklyFromSegments(segmentsOfDaily(daily), daily.profileIds, preset);
}

/** Calendar facts of each Sunday in a range, looked up by (sunday - first) / 7. */
interface SundayCalendar {
  first: number;
  year: Int32Array;
  month: Int32Array;
  monthIndex: Int32Array;
  isoWeek: Int32Array;
  weekU: Int32Array;
}

function sundayCalendar(first: number, last: number): SundayCalendar {
  const n = Math.max(0, (last - first) / 7 + 1);
  const cal: SundayCalendar = {
    first,
    year: new Int32Array(n),
    month: new Int32Array(n),
    monthIndex: new Int32Array(n),
    isoWeek: new Int32Array(n),
    weekU: new Int32Array(n),
  };
  const ymd = new Int32Array(3);
  for (let k = 0; k < n; k++) {
    const sunday = first + 7 * k;
    civilFromDays(sunday, ymd);
    cal.year[k] = ymd[0]!;
    cal.month[k] = ymd[1]!;
    cal.monthIndex[k] = ymd[0]! * 12 + ymd[1]! - 1;
    cal.isoWeek[k] = isoWeek(sunday);
    cal.weekU[k] = weekNumberU(sunday);
  }
  return cal;
}

/**
 * Builds the weekly table from segment sums (N2–N8). `profileIds[p]` names
 * profile number `p` of the segment table.
 */
export function weeklyFromSegments(seg: SegmentTable, profileIds: readonly string[], preset: Preset): WeeklyFrame {
  // Profiles with rows, in code-point order of their ids (N4).
  const seen: number[] = [];
  const slots = Math.min(profileIds.length, seg.profileSlots);
  for (let p = 0; p < slots; p++) if (seg.minDay[p]! <= seg.maxDay[p]!) seen.push(p);
  seen.sort((a, b) => compareCodePoints(profileIds[a]!, profileIds[b]!));
  const profiles = seen.length;
  const rank = new Int32Array(Math.max(1, seg.profileSlots)).fill(-1);
  const firstSunday = new Int32Array(profiles);
  const firstMonth = new Int32Array(profiles);
  const monthCount = new Int32Array(profiles);
  const offsets = new Int32Array(profiles + 1);
  const monthOffsets = new Int32Array(profiles + 1);
  let globalFirst = Number.POSITIVE_INFINITY;
  let globalLast = Number.NEGATIVE_INFINITY;
  const ymd = new Int32Array(3);
  const monthIndex = (day: number): number => {
    civilFromDays(day, ymd);
    return ymd[0]! * 12 + ymd[1]! - 1;
  };
  for (let k = 0; k < profiles; k++) {
    const p = seen[k]!;
    rank[p] = k;
    const first = sundayOf(seg.minDay[p]!);
    const last = sundayOf(seg.maxDay[p]!);
    firstSunday[k] = first;
    offsets[k + 1] = offsets[k]! + (last - first) / 7 + 1;
    firstMonth[k] = monthIndex(seg.minDay[p]!);
    monthCount[k] = monthIndex(seg.maxDay[p]!) - firstMonth[k]! + 1;
    monthOffsets[k + 1] = monthOffsets[k]! + monthCount[k]!;
    if (first < globalFirst) globalFirst = first;
    if (last > globalLast) globalLast = last;
  }
  const n = offsets[profiles]!;
  const cal = sundayCalendar(profiles ? globalFirst : 0, profiles ? globalLast : -7);

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
  for (let e = 0; e < seg.size; e++) {
    const k = rank[seg.entryProfile[e]!]!;
    const code = seg.entryCode[e]!;
    const sunday = code >> 1;
    const row = offsets[k]! + (sunday - firstSunday[k]!) / 7;
    records[row]! += seg.rows[e]!;
    posts[row]! += seg.posts[e]!;
    engagement[row]! += seg.engagement[e]!;
    reach[row]! += seg.reach[e]!;
    impressions[row]! += seg.impressions[e]!;
    followers[row]! += seg.followersSum[e]!; // Q1: the week's SUM of daily followers, 0 when none
    const month = cal.monthIndex[(sunday - cal.first) / 7]! - (code & 1);
    const m = monthOffsets[k]! + month - firstMonth[k]!;
    monthEngagement[m]! += seg.engagement[e]!;
    monthPosts[m]! += seg.posts[e]!;
  }

  // N4–N6: calendar columns, engagement per post, monthly average.
  const year = new Int32Array(n);
  const month = new Int32Array(n);
  const weekOfYear = new Int32Array(n);
  const week = new Int32Array(n);
  const perPost = new Float64Array(n);
  const monthlyAverage = new Float64Array(n);
  for (let k = 0; k < profiles; k++) {
    for (let i = offsets[k]!; i < offsets[k + 1]!; i++) {
      const c = (date[i]! - cal.first) / 7;
      year[i] = cal.year[c]!;
      month[i] = cal.month[c]!;
      weekOfYear[i] = cal.isoWeek[c]!;
      week[i] = cal.weekU[c]!;
      perPost[i] = engagement[i]! / posts[i]!; // Q5: IEEE division, x/0 = Infinity, 0/0 = NaN
      const mi = cal.monthIndex[c]! - firstMonth[k]!;
      monthlyAverage[i] =
        mi >= 0 && mi < monthCount[k]!
          ? monthEngagement[monthOffsets[k]! + mi]! / monthPosts[monthOffsets[k]! + mi]!
          : Number.NaN;
    }
  }

  // N7, N8.
  const lags = notebookLags(offsets, year, week, { engagement, followers, reach, impressions });
  const targets = futureTargets(offsets, perPost);

  const columns: WeeklyColumnMap = {
    date,
    year,
    month,
    week_of_year: weekOfYear,
    followers,
    posts,
    engagement,
    reach,
    impressions,
    engagement_per_post: perPost,
    monthly_average_engagement_per_post: monthlyAverage,
    week,
    ...lags,
    ...targets,
  };
  const ids = seen.map((p) => profileIds[p]!);
  return new WeeklyFrame(preset, ids, offsets, profile, columns, records);
}
