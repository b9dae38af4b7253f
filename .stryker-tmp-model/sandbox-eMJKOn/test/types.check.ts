// @ts-nocheck
// Compile-only: `npm test` type-checks this file (tsc --noEmit); it is never run.
// It pins the public types a user's code relies on.
import {
  loadBuiltinModel,
  loadDaily,
  predict,
  resampleWeekly,
  trainModels,
  type DailyRowInput,
  type EngagementModel,
  type Metrics,
  type Prediction,
  type RowCounts,
  type TargetName,
  type WeeklyRecord,
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
  //  an unknown preset is a type error
  resampleWeekly(daily, { preset: 'fancy' });
  //  predictions are numbers
  const wrong: string = preds[0]!.predicted_engagement;
  void [date, lag, m, rows, coef, wrong];
}
