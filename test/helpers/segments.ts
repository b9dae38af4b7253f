// Segment columns computed the plain way, independently of the library's segment tables.
import { civilFromDays, sundayOf } from '../../src/calendar.js';
import type { DailyFrame, SegmentColumns } from '../../src/index.js';

/** Segments summed by hand from daily rows (those of the days `keep` keeps): a Map keyed by profile, Sunday and month part, in the rows' order. */
export function segmentsByHand(daily: DailyFrame, keep: (day: number) => boolean = () => true): SegmentColumns {
  const month = (day: number) => {
    const c = civilFromDays(day);
    return c[0]! * 12 + c[1]!;
  };
  type Acc = {
    profile: number;
    sunday: number;
    part: number;
    firstDay: number;
    lastDay: number;
    rows: number;
    posts: number;
    engagement: number;
    reach: number;
    impressions: number;
    followersSum: number;
    followersCount: number;
    lastFollowers: number;
    lastFollowersDay: number;
  };
  const map = new Map<string, Acc>();
  for (let i = 0; i < daily.length; i++) {
    const day = daily.day[i]!;
    if (!keep(day)) continue;
    const sunday = sundayOf(day);
    const part = month(day) === month(sunday) ? 0 : 1;
    const key = `${daily.profile[i]}/${sunday}/${part}`;
    let s = map.get(key);
    if (!s) {
      s = {
        profile: daily.profile[i]!,
        sunday,
        part,
        firstDay: day,
        lastDay: day,
        rows: 0,
        posts: 0,
        engagement: 0,
        reach: 0,
        impressions: 0,
        followersSum: 0,
        followersCount: 0,
        lastFollowers: Number.NaN,
        lastFollowersDay: Number.NaN,
      };
      map.set(key, s);
    }
    s.firstDay = Math.min(s.firstDay, day);
    s.lastDay = Math.max(s.lastDay, day);
    s.rows++;
    s.posts += daily.posts[i]!;
    s.engagement += daily.engagement[i]!;
    s.reach += daily.reach[i]!;
    s.impressions += daily.impressions[i]!;
    const f = daily.followers[i]!;
    if (!Number.isNaN(f)) {
      s.followersSum += f;
      s.followersCount++;
      if (!(day < s.lastFollowersDay) && !(day === s.lastFollowersDay && f <= s.lastFollowers)) {
        s.lastFollowers = f;
        s.lastFollowersDay = day;
      }
    }
  }
  const list = [...map.values()];
  const col = (k: keyof Acc) => list.map((s) => s[k]);
  return {
    profileIds: daily.profileIds,
    profile: col('profile'),
    sunday: col('sunday'),
    part: col('part'),
    firstDay: col('firstDay'),
    lastDay: col('lastDay'),
    rows: col('rows'),
    posts: col('posts'),
    engagement: col('engagement'),
    reach: col('reach'),
    impressions: col('impressions'),
    followersSum: col('followersSum'),
    followersCount: col('followersCount'),
    lastFollowers: col('lastFollowers'),
    lastFollowersDay: col('lastFollowersDay'),
  };
}
