import { describe, expect, it } from 'vitest';
import { dateOf, dayOf, historyRows, sundayOf } from '../helpers/history.js';

// The column registries are built, and checked against the spec's lists, when
// their modules load. This file imports the library inside its tests (not at
// the top), so a registry that fails its own check, or a module that throws
// while loading, fails a test here rather than only the loading of other
// test files.

const NOTEBOOK_NUMERIC = [
  'date',
  'year',
  'month',
  'week_of_year',
  'followers',
  'posts',
  'engagement',
  'reach',
  'impressions',
  'engagement_per_post',
  'monthly_average_engagement_per_post',
  'week',
  ...[1, 2, 3, 4].flatMap((lag) => ['engagement', 'followers', 'reach', 'impressions'].map((c) => `${c}_lag_${lag}`)),
  'engagement_future_7d',
  'engagement_future_14d',
  'engagement_future_21d',
  'engagement_future_28d',
];
const CORRECTED_EXTRA = [
  'last_engagement_per_post',
  'weeks_since_post',
  'engagement_per_post_4w',
  'engagement_per_post_13w',
  'engagement_per_post_26w',
  'engagement_per_post_all',
  'observed_days_4w',
  'observed_days_13w',
  'observed_days_26w',
  'posts_13w',
  'followers_last_known',
  'engagement_per_post_ewm_2w',
  'engagement_per_post_ewm_8w',
  'median_engagement_per_post_5',
  'engagement_per_post_level_slow',
  'engagement_per_post_level_fast',
];
/** Columns computed as whole numbers, kept as Int32Array once materialized (`date` is stored as a day number). */
const INTEGER = new Set(['date', 'year', 'month', 'week_of_year', 'week', 'observed_days_4w', 'observed_days_13w', 'observed_days_26w']);

describe('column registries', () => {
  it('the library loads, and each preset has the spec columns in order, integer ones as Int32Array', async () => {
    const { dailyFromRows, resampleWeekly } = await import('../../src/index.js');
    for (const [preset, numeric] of [
      ['notebook', NOTEBOOK_NUMERIC],
      ['corrected', [...NOTEBOOK_NUMERIC, ...CORRECTED_EXTRA]],
    ] as const) {
      const frame = resampleWeekly(dailyFromRows(historyRows(1)), { preset });
      expect(frame.columnNames, preset).toEqual(numeric);
      const kinds = frame.columnNames.map((name) => `${name}: ${frame.column(name).constructor.name}`);
      expect(kinds, preset).toEqual(numeric.map((name) => `${name}: ${INTEGER.has(name) ? 'Int32Array' : 'Float64Array'}`));
      const record = frame.toRecords()[0]!;
      expect(Object.keys(record), preset).toEqual(['profile_id', ...numeric.slice(0, 4), 'year_week', ...numeric.slice(4)]);
      // The first profile's first week: its Sunday, and `%U` of a Sunday = floor((day of year, from 0) / 7) + 1.
      const sunday = sundayOf(dayOf(historyRows(1)[0]!.date));
      const year = dateOf(sunday).slice(0, 4);
      const week = Math.floor((sunday - dayOf(`${year}-01-01`)) / 7) + 1;
      expect([record.profile_id, record.date, record.year_week], preset).toEqual(['p0', dateOf(sunday), `${year}-${String(week).padStart(2, '0')}`]);
    }
  });
});
