// danfo.js interop against the real danfojs-node (a dev dependency; an optional peer for users).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  WEEKLY_COLUMNS,
  dailyFromRows,
  loadBuiltinModel,
  loadDaily,
  predict,
  predictionsToDanfo,
  resampleWeekly,
  type DailyRowInput,
} from '../../src/index.js';

const danfo = createRequire(import.meta.url)('danfojs-node') as {
  DataFrame: new (data: unknown) => { columns: string[]; shape: number[]; values: unknown[][] };
};
const root = new URL('../..', import.meta.url).pathname;

const rows: DailyRowInput[] = [
  { date: '2024-09-02', profile_id: 'b', followers: 100, posts: 1, engagement: 10, reach: 50, impressions: 60 },
  { date: '2024-09-09', profile_id: 'b', followers: 'undefined', posts: 2, engagement: 30, reach: 70, impressions: 90 },
  { date: '2024-09-03', profile_id: 'a', followers: 2000, posts: 1, engagement: 200, reach: 900, impressions: 1000 },
  { date: '2024-09-17', profile_id: 'a', followers: 2010, posts: 0, engagement: 0, reach: 100, impressions: 120 },
];

function frameOf(input: DailyRowInput[]) {
  const columns = ['date', 'profile_id', 'followers', 'posts', 'engagement', 'reach', 'impressions'] as const;
  return new danfo.DataFrame(Object.fromEntries(columns.map((c) => [c, input.map((r) => r[c])])));
}

describe('danfo.js interop', () => {
  it('loadDaily and dailyFromRows read a DataFrame as they read the same rows', async () => {
    const df = frameOf(rows);
    const fromFrame = await loadDaily(df);
    expect(fromFrame.toRecords()).toEqual((await loadDaily(rows)).toRecords());
    expect(fromFrame.report.missingFollowers).toBe(1);
    expect(dailyFromRows(df).toRecords()).toEqual(fromFrame.toRecords());
  });

  it('reports a bad DataFrame row by its 1-based row number and column', () => {
    const df = frameOf([rows[0]!, { ...rows[1]!, posts: 'two' }]);
    expect(() => dailyFromRows(df)).toThrow("<rows>:2 (column 'posts'): posts is not a non-negative number");
  });

  it('predict takes a DataFrame and gives the same forecasts as for the rows', () => {
    const model = loadBuiltinModel();
    expect(predict(model, frameOf(rows))).toEqual(predict(model, rows));
  });

  it('weekly.toDanfo() holds the weekly table with the spec column names', () => {
    const weekly = resampleWeekly(dailyFromRows(rows));
    const df = weekly.toDanfo();
    expect(df.columns).toEqual([...WEEKLY_COLUMNS]);
    expect(df.shape).toEqual([weekly.length, WEEKLY_COLUMNS.length]);
    const records = weekly.toRecords();
    df.values.forEach((values, i) => {
      WEEKLY_COLUMNS.forEach((name, c) => expect(values[c], `${name} row ${i}`).toEqual(records[i]![name]));
    });
  });

  it('predictionsToDanfo gives one DataFrame row per forecast, with every field: the flags and the interval bounds', () => {
    const predictions = predict(loadBuiltinModel(), rows);
    const df = predictionsToDanfo(predictions);
    const fields = [
      'profile_id',
      'date',
      'future_period',
      'predicted_engagement',
      'prediction_date',
      'partial_week',
      'no_recent_posts',
      'clipped',
      'imputed',
      'cold_start',
      'non_finite_input',
    ];
    expect(df.columns).toEqual(fields);
    expect(df.values).toEqual(predictions.map((p) => fields.map((f) => (p as unknown as Record<string, unknown>)[f])));
    const withBounds = predictions.map((p) => ({ ...p, lo_80: 1, hi_80: 2 }));
    expect(predictionsToDanfo(withBounds).columns).toEqual([...fields, 'lo_80', 'hi_80']);
  });

  it('is never loaded unless a danfo helper is called', () => {
    const script = `
      const lib = require(${JSON.stringify(join(root, 'dist', 'index.cjs'))});
      const loaded = () => Object.keys(require.cache).some((k) => k.includes('danfojs-node'));
      const rows = ${JSON.stringify(rows)};
      lib.predict(lib.loadBuiltinModel(), rows);
      const before = loaded();
      lib.resampleWeekly(lib.dailyFromRows(rows)).toDanfo();
      console.log(JSON.stringify({ before, after: loaded() }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual({ before: false, after: true });
  });
});
