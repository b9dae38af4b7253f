import { HORIZONS, TARGETS } from '../schema.js';

/**
 * N8: `engagement_future_{7,14,21,28}d` = engagement per post 1, 2, 3, 4 rows
 * later in the same profile; NaN past the profile's last week.
 */
export function futureTargets(offsets: Int32Array, engagementPerPost: Float64Array): Record<string, Float64Array> {
  const n = engagementPerPost.length;
  const out: Record<string, Float64Array> = {};
  HORIZONS.forEach((_, h) => {
    const ahead = h + 1;
    const target = new Float64Array(n).fill(Number.NaN);
    for (let k = 0; k + 1 < offsets.length; k++) {
      const end = offsets[k + 1]!;
      for (let i = offsets[k]!; i + ahead < end; i++) target[i] = engagementPerPost[i + ahead]!;
    }
    out[TARGETS[h]!] = target;
  });
  return out;
}
