// Daily rows with the shapes that window features and designs must handle, and
// day arithmetic written apart from the library's calendar.
import type { DailyRowInput } from '../../src/index.js';
import { rng } from './synthetic.js';

const DAY = 86_400_000;
export const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
export const dateOf = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
/** The Sunday ending the week of day d (1970-01-01 was a Thursday). */
export const sundayOf = (d: number) => d + ((7 - ((d + 4) % 7)) % 7);

/** Profiles over 40 weeks with gaps of days and of whole weeks, quiet spells, late first posts and missing followers. */
export function historyRows(seed: number): DailyRowInput[] {
  const r = rng(seed);
  const out: DailyRowInput[] = [];
  for (let p = 0; p < 8; p++) {
    const start = dayOf('2023-09-01') + Math.floor(r() * 20);
    const end = start + 200 + Math.floor(r() * 80);
    // Profile 0 posts from its first day (the first row of the table has a post); every third from 1 starts late.
    const firstPost = start + (p % 3 === 1 ? Math.floor(r() * 60) : 0);
    let quiet = 0;
    for (let d = start; d <= end; d++) {
      if (quiet > 0 || d === end) quiet--;
      else if (r() < 0.03) quiet = 7 + Math.floor(r() * 20); // whole weeks without a record
      if (quiet > 0 && d !== end) continue;
      if (r() < 0.25 && d !== start && d !== end) continue;
      const posts = d === firstPost || (d >= firstPost && r() < 0.35) ? 1 + Math.floor(r() * 3) : 0;
      out.push({
        date: dateOf(d),
        profile_id: `p${p}`,
        followers: r() < 0.1 ? 'undefined' : 1000 + p * 100 + Math.floor(r() * 50),
        posts,
        engagement: posts * Math.floor(5 + r() * 200),
        reach: 1,
        impressions: 1,
      });
    }
  }
  return out;
}
