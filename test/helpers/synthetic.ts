import { formatDay, parseDay } from '../../src/calendar.js';
import type { DailyRowInput } from '../../src/schema.js';

/** A small deterministic pseudo-random source (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Daily rows for `profiles` profiles observed on most days between two dates, with engagement tied to followers. */
export function simpleRows(profiles: number, from: string, to: string, seed = 1): DailyRowInput[] {
  const r = rng(seed);
  const rows: DailyRowInput[] = [];
  const start = parseDay(from);
  const end = parseDay(to);
  for (let p = 0; p < profiles; p++) {
    const followers = Math.round(10 ** (2 + 4 * r()));
    const rate = 0.01 + 0.05 * r();
    for (let d = start; d <= end; d++) {
      if (r() < 0.2) continue;
      const posts = r() < 0.4 ? 1 + Math.floor(r() * 2) : 0;
      const engagement = posts ? Math.round(followers * rate * posts * (0.5 + r())) : 0;
      const reach = posts ? Math.round(engagement * (3 + 5 * r())) : 0;
      rows.push({
        date: formatDay(d),
        profile_id: `profile-${String(p).padStart(3, '0')}`,
        followers: r() < 0.03 ? 'undefined' : followers + Math.round(r() * 10),
        posts,
        engagement,
        reach,
        impressions: Math.round(reach * (1 + r())),
      });
    }
  }
  return rows;
}

/** Profiles seen daily, one to eight weeks without a post, then posting; some gaps in their records. */
export function newcomers(profiles: number): DailyRowInput[] {
  const out: DailyRowInput[] = [];
  for (let p = 0; p < profiles; p++) {
    const followers = Math.round(10 ** (2 + (4 * ((p * 37) % profiles)) / profiles));
    const start = parseDay('2024-01-01') + 7 * (p % 24);
    for (let d = 0; d < 100; d++) {
      if ((p + d) % 9 === 0) continue;
      const posts = d < 7 * (1 + (p % 8)) ? 0 : (p + d) % 3 === 0 ? 0 : 1;
      const date = formatDay(start + d);
      out.push({
        date,
        profile_id: `p${p}`,
        followers,
        posts,
        engagement: posts * Math.round(followers * 0.01 * (0.6 + ((p * 7 + d) % 10) / 12)),
        reach: 1,
        impressions: 1,
      });
    }
  }
  return out;
}
