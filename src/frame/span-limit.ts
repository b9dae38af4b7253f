import { formatDay, sundayOf } from '../calendar.js';
import type { ProfileInterner } from './profile-dictionary.js';

/**
 * Profiles whose records span more weeks than `limits.maxWeeksPerProfile`,
 * each with the weeks it keeps (`spanLimits` finds them): a row of such a
 * profile outside them is refused as a bad row, named by its file and line
 * (or row), code `span_limit`.
 */
export interface SpanLimit {
  /** The limit, in weeks. */
  weeks: number;
  ids: string[];
  /** Per id, the first and the last day kept (a Monday and a Sunday). */
  from: number[];
  to: number[];
}

/**
 * The span limit of a source's rows, or null when every profile is within
 * `maxWeeks` weeks: from each profile's first and last day (`minDay[k]` >
 * `maxDay[k]` for a profile with none), and its rows per week, which
 * `segments` hands to `visit` (profile, the week's Sunday, rows) — only
 * those of the profiles past the limit are kept. What every source decides
 * with: the reader's segment tables and the engines' segment columns.
 */
export function spanLimitOfSegments(
  ids: readonly string[],
  minDay: ArrayLike<number>,
  maxDay: ArrayLike<number>,
  maxWeeks: number,
  segments: (visit: (profile: number, sunday: number, rows: number) => void) => void,
): SpanLimit | null {
  const perWeek = new Map<number, Map<number, number>>();
  for (let k = 0; k < ids.length; k++) {
    if (minDay[k]! <= maxDay[k]! && (sundayOf(maxDay[k]!) - sundayOf(minDay[k]!)) / 7 + 1 > maxWeeks) perWeek.set(k, new Map());
  }
  if (perWeek.size === 0) return null;
  segments((profile, sunday, rows) => {
    const weeks = perWeek.get(profile);
    if (weeks) weeks.set(sunday, (weeks.get(sunday) ?? 0) + rows);
  });
  return spanLimitOf(new Map([...perWeek].map(([k, weeks]) => [ids[k]!, weeks])), maxWeeks);
}

/**
 * The span limit of profiles past it, from each one's rows per week (by the
 * week's Sunday): the `maxWeeks` weeks holding most of its rows, the earliest
 * such run on a tie.
 */
function spanLimitOf(rowsPerWeek: ReadonlyMap<string, ReadonlyMap<number, number>>, maxWeeks: number): SpanLimit {
  const limit: SpanLimit = { weeks: maxWeeks, ids: [], from: [], to: [] };
  for (const [id, counts] of rowsPerWeek) {
    const sundays = [...counts.keys()].sort((a, b) => a - b);
    // The run of maxWeeks weeks starting at each week with rows: the most rows wins, the earliest on a tie.
    let best = -1;
    let bestStart = 0;
    let inRun = 0;
    let end = 0;
    for (let start = 0; start < sundays.length; start++) {
      while (end < sundays.length && sundays[end]! <= sundays[start]! + 7 * (maxWeeks - 1)) inRun += counts.get(sundays[end++]!)!;
      if (inRun > best) {
        best = inRun;
        bestStart = sundays[start]!;
      }
      inRun -= counts.get(sundays[start]!)!;
    }
    limit.ids.push(id);
    limit.from.push(bestStart - 6);
    limit.to.push(bestStart + 7 * (maxWeeks - 1));
  }
  return limit;
}

/**
 * A span limit as a collector checks it, per row: the profiles it names are
 * interned first, so the check is one comparison for every other profile.
 */
export class SpanCheck {
  /** Per profile number: the first and last day kept (all days for a profile the limit does not name). */
  private readonly from: Int32Array;
  private readonly to: Int32Array;

  constructor(
    private readonly limit: SpanLimit,
    private readonly profiles: ProfileInterner,
  ) {
    const numbers = limit.ids.map((id) => profiles.internString(id));
    const size = numbers.length ? Math.max(...numbers) + 1 : 0;
    this.from = new Int32Array(size).fill(-0x80000000);
    this.to = new Int32Array(size).fill(0x7fffffff);
    numbers.forEach((k, j) => {
      this.from[k] = limit.from[j]!;
      this.to[k] = limit.to[j]!;
    });
  }

  /** Why a row of this profile and day is refused, or null. */
  refusal(profile: number, day: number): string | null {
    if (profile >= this.from.length || (day >= this.from[profile]! && day <= this.to[profile]!)) return null;
    return spanReason(this.profiles.ids[profile]!, this.limit.weeks, this.from[profile]!, this.to[profile]!);
  }
}

/** Why a row of profile `id` outside the days it keeps (`from` … `to`) is refused. */
export function spanReason(id: string, weeks: number, from: number, to: number): string {
  return `the date lies outside the ${weeks} weeks that hold most of the records of profile ${JSON.stringify(id)} (${formatDay(from)} … ${formatDay(to)}; limits.maxWeeksPerProfile)`;
}
