// The CSV writers, on literal inputs: field by field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyFromRows, resampleWeekly, writePredictionsCsv, writeWeeklyCsv, WEEKLY_COLUMNS, type Prediction } from '../../src/index.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('ef-csv-');

describe('CSV writers', () => {
  it('writes the weekly table: spec header, dates as text, missing as empty, x/0 as inf', async () => {
    const weekly = resampleWeekly(
      dailyFromRows([
        { date: '2024-03-04', profile_id: 'p,1', followers: 'undefined', posts: 0, engagement: 4, reach: 5, impressions: 6 },
        { date: '2024-03-11', profile_id: 'p,1', followers: 7, posts: 2, engagement: 3, reach: 1, impressions: 2 },
      ]),
    );
    const file = join(dir, 'weekly.csv');
    await writeWeeklyCsv(weekly, file);
    const [header, first, second, end] = readFileSync(file, 'utf8').split('\n');
    expect(header).toBe(WEEKLY_COLUMNS.join(','));
    const field = (line: string, name: string) => {
      // The id is quoted (it holds a comma): split after it.
      expect(line.startsWith('"p,1",')).toBe(true);
      return line.slice('"p,1",'.length).split(',')[WEEKLY_COLUMNS.indexOf(name) - 1];
    };
    expect(field(first!, 'date')).toBe('2024-03-10');
    expect(field(first!, 'year_week')).toBe('2024-10');
    expect(field(first!, 'followers')).toBe('0'); // Q1: no followers value sums to 0
    expect(field(first!, 'engagement_per_post')).toBe('inf'); // Q5: 4 / 0
    expect(field(first!, 'monthly_average_engagement_per_post')).toBe('3.5'); // (4 + 3) / 2
    expect(field(first!, 'engagement_future_7d')).toBe('1.5');
    expect(field(first!, 'engagement_future_14d')).toBe(''); // missing past the last week
    expect(field(second!, 'engagement_lag_1')).toBe('4');
    expect(field(second!, 'engagement_future_7d')).toBe('');
    expect(end).toBe('');
  });

  it('writes predictions with a quoted id where needed', async () => {
    const flags = { partial_week: false, no_recent_posts: true, clipped: false, imputed: true, cold_start: false, non_finite_input: false };
    const predictions: Prediction[] = [
      {
        profile_id: 'a"b',
        date: '2024-03-10',
        future_period: 'predicted_engagement_future_7d',
        predicted_engagement: 1.25,
        prediction_date: '2024-03-17',
        ...flags,
        lo_80: 0.5,
        hi_80: 2,
      },
      {
        profile_id: 'plain',
        date: '2024-03-10',
        future_period: 'predicted_engagement_future_14d',
        predicted_engagement: Number.NaN,
        prediction_date: '2024-03-24',
        ...flags,
        clipped: true,
        lo_80: 0,
        hi_80: Number.NaN,
      },
    ];
    const file = join(dir, 'predictions.csv');
    await writePredictionsCsv(predictions, file);
    expect(readFileSync(file, 'utf8')).toBe(
      'profile_id,date,future_period,predicted_engagement,prediction_date,partial_week,no_recent_posts,clipped,imputed,cold_start,non_finite_input,lo_80,hi_80\n' +
        '"a""b",2024-03-10,predicted_engagement_future_7d,1.25,2024-03-17,false,true,false,true,false,false,0.5,2\n' +
        'plain,2024-03-10,predicted_engagement_future_14d,,2024-03-24,false,true,true,true,false,false,0,\n',
    );
  });
});
