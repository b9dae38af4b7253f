// Compile-only: `npm test` type-checks this file (tsc --noEmit); it is never run.
// It pins the public types a user's code relies on.
import {
  loadBuiltinModel,
  loadDaily,
  predict,
  predictInEngine,
  resampleWeekly,
  trainModels,
  type DailyRowInput,
  type EngagementModel,
  type Metrics,
  type Prediction,
  type RowCounts,
  type TargetName,
  type WeeklyRecord,
  type WeeklySource,
  type WrittenForecasts,
} from '../src/index.js';

export async function typesCheck(): Promise<void> {
  const daily = await loadDaily('data/', { onError: 'skip' });
  const weekly = resampleWeekly(daily, { preset: 'notebook' });
  const record: WeeklyRecord = weekly.toRecords()[0]!;
  const date: string = record.date;
  const lag: number | string | undefined = record.engagement_lag_1;
  const trained = trainModels(weekly, { cutoff: '2024-07-30' });
  const m: Metrics = trained.metrics.engagement_future_28d;
  const rows: RowCounts = trained.rows;
  const model: EngagementModel = trained.model;
  const target: TargetName = 'engagement_future_7d';
  const coef: number[] = model.models[target].coef;
  const row: DailyRowInput = { date: '2024-09-01', profile_id: 'p', followers: 'undefined', posts: 1, engagement: 2, reach: 3, impressions: 4 };
  const preds: Prediction[] = predict(loadBuiltinModel(), [row], { profiles: ['p'] });
  // @ts-expect-error an unknown preset is a type error
  resampleWeekly(daily, { preset: 'fancy' });
  // @ts-expect-error predictions are numbers
  const wrong: string = preds[0]!.predicted_engagement;
  // From an engine: the forecasts returned, or, written into a table, only what was written.
  const engine = null as unknown as WeeklySource;
  const returned: Prediction[] = (await predictInEngine(model, engine, { asOf: '2024-11-24' })).predictions;
  const intoTable = await predictInEngine(model, engine, { into: 'forecasts' });
  const written: WrittenForecasts = intoTable.written;
  // @ts-expect-error written into a table, the forecasts are not returned
  void intoTable.predictions;
  void [date, lag, m, rows, coef, wrong, returned, written];
}
