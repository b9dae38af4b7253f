// Corrected designs against a direct reading of the weekly table's records:
// each feature the column's value, else the first present fallback, else its
// default, counted as imputed, then log1p of it where the name says so; and
// the candidate rows against their definition.
import { describe, expect, it } from 'vitest';
import { CORRECTED_WEEKLY_COLUMNS, dailyFromRows, resampleWeekly, type WeeklyRecord } from '../../src/index.js';
import { candidatesOf } from '../../src/model/candidates.js';
import { designColumns, designFeatures } from '../../src/model/design.js';
import { historyRows } from '../helpers/history.js';
import { once } from '../helpers/once.js';

// The imputation rules as docs/features.md states them.
const PER_POST = ['engagement_per_post_4w', 'engagement_per_post_13w', 'engagement_per_post_26w', 'engagement_per_post_all', 'last_engagement_per_post'];
function filled(record: Record<string, number>, column: string): { value: number; imputed: boolean } {
  const own = record[column]!;
  if (!Number.isNaN(own)) return { value: own, imputed: false };
  const chain = PER_POST.includes(column)
    ? PER_POST.slice(PER_POST.indexOf(column) + 1)
    : column === 'monthly_average_engagement_per_post'
      ? PER_POST.slice(1)
      : column === 'followers'
        ? ['followers_last_known']
        : [];
  for (const f of chain) if (!Number.isNaN(record[f]!)) return { value: record[f]!, imputed: true };
  return { value: column === 'weeks_since_post' ? 104 : 0, imputed: true };
}

// Built by the first test that needs it, not while the file is collected (see helpers/once.ts).
const table = once(() => {
  const weekly = resampleWeekly(dailyFromRows([...historyRows(4), ...historyRows(5).map((r) => ({ ...r, profile_id: `b-${r.profile_id}` }))]), {
    preset: 'corrected',
  });
  return { weekly, records: weekly.toRecords() as unknown as Record<string, number>[] };
});

describe('designColumns', () => {
  const designs: [string, string[]][] = [
    ['core', designFeatures('core', false)],
    ['core, log', designFeatures('core', true)],
    ['robust, log', designFeatures('robust', true)],
    ['full', designFeatures('full', false)],
    ['full, log', designFeatures('full', true)],
    // Chains in any order, a column both a feature and another's fallback, the notebook-named average.
    [
      'custom',
      [
        'last_engagement_per_post',
        'log1p(engagement_per_post_all)',
        'engagement_per_post_4w',
        'followers',
        'followers_last_known',
        'monthly_average_engagement_per_post',
        'weeks_since_post',
        'engagement_per_post_13w',
      ],
    ],
  ];
  for (const [name, features] of designs) {
    it(`fills and transforms each value as documented: ${name}`, () => {
      const { weekly, records } = table();
      for (const f of features) expect(CORRECTED_WEEKLY_COLUMNS, f).toContain(f.replace(/^log1p\((.+)\)$/, '$1'));
      // Every third row and the last, out of order.
      const rows = Int32Array.from([...Array.from({ length: Math.floor(records.length / 3) }, (_, k) => 3 * k).reverse(), records.length - 1]);
      const { columns, imputed } = designColumns(weekly, features, rows);
      expect(columns).toHaveLength(features.length);
      let imputedSeen = 0;
      rows.forEach((row, k) => {
        let count = 0;
        features.forEach((feature, j) => {
          const log = /^log1p\((.+)\)$/.exec(feature);
          const { value, imputed: wasImputed } = filled(records[row]!, log ? log[1]! : feature);
          if (wasImputed) count++;
          const want = log ? Math.log1p(Math.max(0, value)) : value;
          expect(columns[j]![k], `${(records[row] as unknown as WeeklyRecord).profile_id} ${(records[row] as unknown as WeeklyRecord).date} ${feature}`).toBe(
            want,
          );
        });
        expect(imputed[k], `row ${row}`).toBe(count);
        if (count > 0) imputedSeen++;
      });
      expect(imputedSeen).toBeGreaterThan(0);
    });
  }

  it('names the heavy-tailed columns and lags log1p(…) in the log designs, and nothing else', () => {
    const plain = designFeatures('full', false);
    const logged = designFeatures('full', true);
    expect(logged).toHaveLength(plain.length);
    const transformed = plain.filter((_, j) => logged[j] !== plain[j]);
    expect(logged.filter((f) => f.startsWith('log1p('))).toEqual(transformed.map((c) => `log1p(${c})`));
    expect(transformed).toEqual(
      expect.arrayContaining([
        'followers_last_known',
        'posts_13w',
        'last_engagement_per_post',
        'engagement_per_post_ewm_2w',
        'median_engagement_per_post_5',
        'engagement_per_post_level_slow',
        'engagement_per_post_level_fast',
        'engagement_lag_1',
        'followers',
      ]),
    );
    for (const kept of ['weeks_since_post', 'observed_days_4w', 'observed_days_26w', 'year', 'week'])
      if (plain.includes(kept)) expect(transformed, kept).not.toContain(kept);
    expect(designFeatures('core', false)).toHaveLength(11);
    expect(designFeatures('robust', false)).toEqual([
      ...designFeatures('core', false),
      'engagement_per_post_ewm_2w',
      'engagement_per_post_ewm_8w',
      'median_engagement_per_post_5',
      'engagement_per_post_level_slow',
      'engagement_per_post_level_fast',
    ]);
  });
});

describe('candidatesOf', () => {
  it('keeps rows with a target at some horizon, split by whether the profile had posted by then, with their targets and Sundays', () => {
    const { weekly, records } = table();
    const c = candidatesOf(weekly);
    const warm: number[] = [];
    const cold: number[] = [];
    const noTarget = [0, 0, 0, 0];
    const targets = new Map<number, number[]>();
    records.forEach((r, i) => {
      const id = (r as unknown as WeeklyRecord).profile_id;
      const ahead = [1, 2, 3, 4].map((h) => {
        const later = records[i + h];
        const inProfile = later !== undefined && (later as unknown as WeeklyRecord).profile_id === id;
        return inProfile && later.posts! > 0 ? later.engagement! / later.posts! : Number.NaN;
      });
      ahead.forEach((t, h) => Number.isNaN(t) && noTarget[h]!++);
      if (ahead.every(Number.isNaN)) return;
      const posted = records.slice(0, i + 1).some((q) => (q as unknown as WeeklyRecord).profile_id === id && q.posts! > 0);
      (posted ? warm : cold).push(i);
      targets.set(i, ahead);
    });
    expect(Array.from(c.rows)).toEqual(warm);
    expect(Array.from(c.cold.rows)).toEqual(cold);
    expect(cold.length).toBeGreaterThan(0);
    expect(c.noHistory).toBe(cold.length);
    expect(c.noTarget).toEqual(noTarget);
    for (const set of [c, c.cold]) {
      set.rows.forEach((row, k) => {
        expect(set.date[k]).toBe(Date.parse(`${(records[row] as unknown as WeeklyRecord).date}T00:00:00Z`) / 864e5);
        set.targets.forEach((t, h) => expect(t[k], `row ${row} h ${h + 1}`).toEqual(targets.get(row)![h]));
      });
    }
  });
});

describe('designFeatures', () => {
  const CORE = [
    'last_engagement_per_post',
    'engagement_per_post_4w',
    'engagement_per_post_13w',
    'engagement_per_post_26w',
    'engagement_per_post_all',
    'weeks_since_post',
    'observed_days_4w',
    'observed_days_13w',
    'observed_days_26w',
    'posts_13w',
    'followers_last_known',
  ];
  const ROBUST = [
    ...CORE,
    'engagement_per_post_ewm_2w',
    'engagement_per_post_ewm_8w',
    'median_engagement_per_post_5',
    'engagement_per_post_level_slow',
    'engagement_per_post_level_fast',
  ];
  const LAGS = [1, 2, 3, 4].flatMap((lag) => ['engagement', 'followers', 'reach', 'impressions'].map((c) => `${c}_lag_${lag}`));
  const FULL = [...ROBUST, ...LAGS, 'followers', 'reach', 'impressions', 'engagement'];
  // docs/features.md: counts of weeks and days stay as they are; amounts (per-post averages, posts, followers, sums, lags) are heavy-tailed.
  const PLAIN = new Set(['weeks_since_post', 'observed_days_4w', 'observed_days_13w', 'observed_days_26w']);
  const logged = (names: string[]) => names.map((n) => (PLAIN.has(n) ? n : `log1p(${n})`));
  it('names the columns of each set, with log1p on the heavy-tailed ones in the log designs', () => {
    expect(designFeatures('core', false)).toEqual(CORE);
    expect(designFeatures('robust', false)).toEqual(ROBUST);
    expect(designFeatures('full', false)).toEqual(FULL);
    expect(designFeatures('core', true)).toEqual(logged(CORE));
    expect(designFeatures('robust', true)).toEqual(logged(ROBUST));
    expect(designFeatures('full', true)).toEqual(logged(FULL));
  });
});
