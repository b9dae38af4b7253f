// Training and prediction with the corrected preset: Q6–Q8, the model kinds,
// the baselines, intervals, asOf, and a proof of no leakage.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dailyFromRows,
  loadBuiltinModel,
  loadModel,
  predict,
  resampleWeekly,
  saveModel,
  trainModels,
  ModelError,
  type DailyRowInput,
  type Prediction,
} from '../../src/index.js';
import { generateDailyRows } from '../../src/generate.js';
import { conformalMultiplier, intervalBounds, scoreQuantiles } from '../../src/model/intervals.js';
import { backTransformFactor } from '../../src/model/estimators.js';
import { designColumns } from '../../src/model/design.js';
import { smallCorrectedModel } from '../helpers/corrected.js';
import { simpleRows } from '../helpers/synthetic.js';

const parseDayUtc = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86400000;
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('ef-corrected-model-');
const rows = [...generateDailyRows({ profiles: 120, from: '2023-06-01', to: '2024-10-31', seed: 4, dynamics: true })] as unknown as DailyRowInput[];
const upTo = (day: string) => rows.filter((r) => r.date <= day);

describe('corrected training', () => {
  it("Q6: a train row's 28-day target lies on or before the cutoff; the 28 days before it are a gap", () => {
    // One profile posting every day: every week has all four targets.
    const daily = dailyFromRows(simpleRows(1, '2024-01-01', '2024-06-30').map((r) => ({ ...r, posts: 1, engagement: 10 })));
    const weekly = resampleWeekly(daily, { preset: 'corrected' });
    const sundays = weekly.toRecords().map((r) => r.date);
    const cutoff = '2024-05-05'; // a Sunday
    const t = trainModels(weekly, { cutoff, model: 'naive', calibrationWeeks: false });
    // Train: Sundays up to 7 April (7 April + 28 days = 5 May); gap: 14 … 28 April and 5 May.
    const trainSundays = sundays.filter((d) => d <= '2024-04-07');
    expect(t.rows.train.engagement_future_28d).toBe(trainSundays.length);
    expect(t.rows.train.engagement_future_7d).toBe(trainSundays.length);
    expect(t.rows.gap).toBe(4);
    // Test: Sundays after 5 May with a target 1 week on (the last has none).
    expect(t.rows.test.engagement_future_7d).toBe(sundays.filter((d) => d > cutoff).length - 1);
  });

  it('Q7: standardizes the design before fitting, and says so in the model', () => {
    const { model } = trainModels(dailyFromRows(rows), { preset: 'corrected', cutoff: '2024-08-31', model: 'linear' });
    expect(model.formatVersion).toBe(2);
    expect(model.inputScaling).toBe('standard');
    expect(model.features).toContain('engagement_per_post_13w');
    expect(model.scaler.features).toEqual(model.features);
  });

  it('fits every kind, and the baselines forecast what they say', () => {
    const daily = dailyFromRows(rows);
    const asOf = '2024-09-29';
    for (const kind of ['linear', 'log-linear', 'ridge', 'naive', 'window-average'] as const) {
      const { model } = trainModels(daily, { preset: 'corrected', cutoff: '2024-08-31', model: kind });
      const preds = predict(model, daily, { asOf });
      expect(preds.length, kind).toBeGreaterThan(0);
      for (const p of preds) expect(Number.isFinite(p.predicted_engagement) && p.predicted_engagement >= 0, kind).toBe(true);
    }
    // Naive: the last week with posts, hand-checked on one profile.
    const id = rows[0]!.profile_id;
    const mine = upTo(asOf).filter((r) => r.profile_id === id);
    const weeks = new Map<string, [number, number]>();
    for (const r of mine) {
      const d = new Date(`${r.date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + ((7 - d.getUTCDay()) % 7));
      const key = d.toISOString().slice(0, 10);
      const s = weeks.get(key) ?? [0, 0];
      s[0] += Number(r.engagement);
      s[1] += Number(r.posts);
      weeks.set(key, s);
    }
    const lastPosting = [...weeks]
      .filter(([, s]) => s[1] > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .pop()!;
    const naive = trainModels(daily, { preset: 'corrected', cutoff: '2024-08-31', model: 'naive' }).model;
    const p = predict(naive, daily, { asOf, profiles: [id] });
    expect(p.map((x) => x.predicted_engagement)).toEqual(Array(4).fill(lastPosting[1][0] / lastPosting[1][1]));
  });

  it('trains the small neural network on the pure-JS tfjs backend', () => {
    const daily = dailyFromRows(rows);
    const { model } = trainModels(daily, { preset: 'corrected', cutoff: '2024-08-31', model: { kind: 'mlp', mlp: { epochs: 2, maxRows: 3000 } } });
    expect(model.estimator!.kind).toBe('mlp');
    const preds = predict(model, daily, { asOf: '2024-09-29', intervals: [0.8] });
    expect(preds.every((p) => Number.isFinite(p.predicted_engagement) && p.lo_80! <= p.predicted_engagement && p.predicted_engagement <= p.hi_80!)).toBe(true);
  });

  it('saves and loads a corrected model, and refuses a broken one', async () => {
    const model = smallCorrectedModel();
    const file = join(dir, 'c.json');
    await saveModel(model, file);
    const loaded = await loadModel(file);
    const daily = dailyFromRows(simpleRows(12, '2024-01-01', '2024-10-31'));
    expect(predict(loaded, daily, { intervals: [0.8, 0.95] })).toEqual(predict(model, daily, { intervals: [0.8, 0.95] }));
    const broken = JSON.parse(JSON.stringify(model));
    broken.intervals.horizons.engagement_future_14d.quantiles.pop();
    await saveModel(broken, join(dir, 'b.json')).then(
      () => expect.fail('saved a broken model'),
      (e: Error) => expect(e.message).toMatch(/intervals\.horizons\.engagement_future_14d must hold n > 0 and 201/),
    );
  });
});

describe('the design', () => {
  it('imputes a missing average with the first present longer window, then 0, and logs after imputing', () => {
    // Posts only in the week of 7 January; rows for the weeks to 21 April (15 weeks later).
    const rows: DailyRowInput[] = [
      { date: '2024-01-02', profile_id: 'p', followers: 100, posts: 2, engagement: 100, reach: 1, impressions: 1 },
      { date: '2024-04-16', profile_id: 'p', followers: 'undefined', posts: 0, engagement: 0, reach: 1, impressions: 1 },
      { date: '2024-04-16', profile_id: 'never', followers: 'undefined', posts: 0, engagement: 0, reach: 1, impressions: 1 },
    ];
    const weekly = resampleWeekly(dailyFromRows(rows), { preset: 'corrected' });
    const last = Int32Array.from([weekly.offsets[1]! - 1, weekly.offsets[2]! - 1]); // 21 April of 'never', then of 'p'
    const features = [
      'engagement_per_post_4w',
      'log1p(engagement_per_post_13w)',
      'engagement_per_post_26w',
      'weeks_since_post',
      'followers',
      'followers_last_known',
    ];
    const { columns, imputed } = designColumns(weekly, features, last);
    const at = (name: string, r: number) => columns[features.indexOf(name)]![r]!;
    // 'p': 4w and 13w windows have no post, the 26-week window has 100 / 2.
    expect([at('engagement_per_post_4w', 1), at('log1p(engagement_per_post_13w)', 1), at('engagement_per_post_26w', 1)]).toEqual([50, Math.log1p(50), 50]);
    expect([at('weeks_since_post', 1), at('followers', 1), at('followers_last_known', 1)]).toEqual([15, 100, 100]);
    expect(imputed[1]).toBe(3); // 4w, 13w, followers
    // 'never': nothing to fall back to.
    expect([at('engagement_per_post_4w', 0), at('log1p(engagement_per_post_13w)', 0), at('weeks_since_post', 0), at('followers', 0)]).toEqual([0, 0, 104, 0]);
  });
});

describe('cold start', () => {
  it('forecasts profiles that have not posted yet from their followers, flagged, with intervals of their own', () => {
    // 300 profiles seen daily: one to five weeks without a post, then a post a day worth ~1% of followers.
    const input: DailyRowInput[] = [];
    for (let p = 0; p < 300; p++) {
      const followers = Math.round(10 ** (2 + (4 * p) / 300));
      const start = parseDayUtc('2024-01-01') + 7 * (p % 20);
      for (let d = 0; d < 120; d++) {
        const date = new Date((start + d) * 86400000).toISOString().slice(0, 10);
        const posts = d < 7 * (1 + (p % 5)) ? 0 : 1;
        input.push({
          date,
          profile_id: `p${p}`,
          followers,
          posts,
          engagement: posts * Math.round(followers * 0.01 * (0.7 + ((p * 7 + d) % 10) / 15)),
          reach: 1,
          impressions: 1,
        });
      }
    }
    const { model, rows: counts } = trainModels(dailyFromRows(input), { preset: 'corrected', cutoff: '2024-06-30', calibrationWeeks: 4 });
    expect(counts.noHistory).toBeGreaterThan(500);
    expect(model.coldStart).not.toBeNull();
    expect(model.coldStart!.intervals).not.toBeNull();
    const newcomers: DailyRowInput[] = [1e3, 1e5].flatMap((followers) =>
      // Seen every day of one week without a post, as the training profiles were.
      ['01', '02', '03', '04', '05', '06', '07'].map((day) => ({
        date: `2024-07-${day}`,
        profile_id: `new-${followers}`,
        followers,
        posts: 0,
        engagement: 0,
        reach: 0,
        impressions: 0,
      })),
    );
    const preds = predict(model, [...input.filter((r) => r.date <= '2024-07-07'), ...newcomers], { asOf: '2024-07-07', intervals: [0.8] });
    const small = preds.find((p) => p.profile_id === 'new-1000' && p.future_period.endsWith('_7d'))!;
    const large = preds.find((p) => p.profile_id === 'new-100000' && p.future_period.endsWith('_7d'))!;
    expect([small.cold_start, large.cold_start, small.no_recent_posts, small.partial_week]).toEqual([true, true, true, false]);
    // About 1% of followers per post: within a factor of 3 for both.
    expect(small.predicted_engagement).toBeGreaterThan(10 / 3);
    expect(small.predicted_engagement).toBeLessThan(30);
    expect(large.predicted_engagement).toBeGreaterThan(1000 / 3);
    expect(large.predicted_engagement).toBeLessThan(3000);
    expect(large.hi_80! - large.lo_80!).toBeGreaterThan(20 * (small.hi_80! - small.lo_80!));
    expect(preds.filter((p) => !p.profile_id.startsWith('new-')).some((p) => p.cold_start)).toBe(false);
  });
});

describe('the log-scale back-transform', () => {
  it("is Duan's smearing (a mean) or the absolute-error factor (a weighted median)", () => {
    // Residuals on the log scale: ln 2, 0, −ln 2, at fitted values ln 1, ln 3, ln 1.
    const predicted = [0, Math.log(3), 0];
    const y = [Math.log(2), Math.log(3), -Math.log(2)];
    expect(backTransformFactor(y, predicted, 'smearing')).toBeCloseTo((2 + 1 + 0.5) / 3, 12);
    // Ratios 2, 1, 0.5 with weights 1, 3, 1: the weighted median is 1.
    expect(backTransformFactor(y, predicted, 'absolute')).toBeCloseTo(1, 12);
  });
});

describe('aim: the median (default) or the mean', () => {
  it("'mean' maps the log-scale kinds back by the smearing factor, and leaves the others as they are", () => {
    const weekly = resampleWeekly(dailyFromRows(upTo('2024-08-31')), { preset: 'corrected' });
    const options = { cutoff: '2024-07-15', calibrationWeeks: 4 } as const;
    const mean = trainModels(weekly, { ...options, aim: 'mean' });
    const smearing = trainModels(weekly, { ...options, model: { kind: 'log-linear', correction: 'smearing' } });
    const median = trainModels(weekly, options);
    expect(mean.model.estimator).toEqual({ kind: 'log-linear', correction: 'smearing' });
    expect(mean.model.models).toEqual(smearing.model.models);
    // Duan's factor, a mean of e^residual, is above the weighted median of the same ratios here: forecasts aimed at the mean are higher.
    const sum = (m: typeof mean) => predict(m.model, upTo('2024-08-31')).reduce((total, p) => total + p.predicted_engagement, 0);
    expect(sum(mean)).toBeGreaterThan(sum(median));
    expect(trainModels(weekly, { ...options, model: 'ridge', aim: 'mean' }).model.models).toEqual(
      trainModels(weekly, { ...options, model: 'ridge' }).model.models,
    );
  });

  it('is refused where it cannot hold: against an explicit back-transform, for the notebook preset, or another word', () => {
    const weekly = resampleWeekly(dailyFromRows(upTo('2024-08-31')), { preset: 'corrected' });
    expect(() => trainModels(weekly, { cutoff: '2024-07-15', aim: 'mean', model: { kind: 'log-linear', correction: 'absolute' } })).toThrow(
      "trainModels: aim 'mean' maps a log-linear model back by 'smearing', but model.correction is 'absolute'",
    );
    expect(() => trainModels(weekly, { cutoff: '2024-07-15', aim: 'average' as never })).toThrow(
      "trainModels: aim must be 'median' or 'mean', got \"average\"",
    );
    expect(() => trainModels(dailyFromRows(upTo('2024-08-31')), { cutoff: '2024-07-15', aim: 'mean' })).toThrow(
      'trainModels: aim is a corrected-preset option',
    );
  });
});

describe('intervals', () => {
  it('take the conformal quantile of the scores and never go below 0', () => {
    const scores = Float64Array.from({ length: 999 }, (_, k) => k + 1); // 1 … 999
    const grid = scoreQuantiles(scores);
    // ⌈(n + 1)·0.8⌉ = 800: the 800th smallest score.
    expect(conformalMultiplier(grid, 0.8)).toBeCloseTo(800, 0);
    expect(conformalMultiplier(grid, 0.95)).toBeCloseTo(950, 0);
    expect(intervalBounds(10, 2, 3)).toEqual([4, 16]);
    expect(intervalBounds(1, 2, 3)).toEqual([0, 7]);
  });

  it("are scaled per profile: a small account's interval is its own size", () => {
    const model = smallCorrectedModel();
    const daily = dailyFromRows(simpleRows(12, '2024-01-01', '2024-10-31'));
    const preds = predict(model, daily, { intervals: [0.8, 0.95] });
    const seven = preds.filter((p) => p.future_period.endsWith('_7d'));
    const small = seven.reduce((a, b) => (a.predicted_engagement < b.predicted_engagement ? a : b));
    const large = seven.reduce((a, b) => (a.predicted_engagement > b.predicted_engagement ? a : b));
    const width = (p: Prediction) => p.hi_80! - p.lo_80!;
    expect(large.predicted_engagement / small.predicted_engagement).toBeGreaterThan(50);
    expect(width(large) / width(small)).toBeGreaterThan(20);
    for (const p of preds) {
      expect(p.lo_95!).toBeGreaterThanOrEqual(0);
      expect(p.lo_95!).toBeLessThanOrEqual(p.lo_80!);
      expect(p.hi_80!).toBeLessThanOrEqual(p.hi_95!);
    }
  });

  it('are refused, clearly, for a model without calibration', () => {
    expect(() => predict(loadBuiltinModel(), simpleRows(1, '2024-09-01', '2024-09-20'), { intervals: [0.8] })).toThrow(ModelError);
    expect(() => predict(smallCorrectedModel(), simpleRows(1, '2024-09-01', '2024-09-20'), { intervals: [150] })).toThrow(/between 0 and 1/);
  });
});

describe('predict as of a day', () => {
  it('Q8: corrected forecasts from the last complete week; notebook from the latest, partial, week', () => {
    const input = simpleRows(3, '2024-09-01', '2024-10-01'); // 1 October 2024 is a Tuesday
    const c = predict(smallCorrectedModel(), input);
    expect(new Set(c.map((p) => p.date))).toEqual(new Set(['2024-09-29']));
    expect(c.every((p) => !p.partial_week)).toBe(true);
    const n = predict(loadBuiltinModel(), input);
    expect(new Set(n.map((p) => p.date))).toEqual(new Set(['2024-10-06']));
    expect(n.every((p) => p.partial_week)).toBe(true);
  });

  it('dates forecasts from the last Sunday on or before asOf, and reaches profiles quiet since', () => {
    const input = [
      ...simpleRows(2, '2024-06-01', '2024-09-30'),
      ...simpleRows(1, '2024-01-01', '2024-02-15', 7).map((r) => ({ ...r, profile_id: 'quiet', posts: 1, engagement: 50 })),
    ];
    for (const model of [smallCorrectedModel(), loadBuiltinModel()]) {
      const preds = predict(model, input, { asOf: '2024-09-25' });
      expect(new Set(preds.map((p) => p.date))).toEqual(new Set(['2024-09-22']));
      expect(preds.filter((p) => p.future_period.endsWith('_28d')).map((p) => p.prediction_date)).toEqual(['2024-10-20', '2024-10-20', '2024-10-20']);
      const quiet = preds.filter((p) => p.profile_id === 'quiet');
      expect(quiet).toHaveLength(4);
      expect(quiet.every((p) => p.no_recent_posts)).toBe(true);
    }
  });

  it('leaks nothing: forecasts and features as of D are the same whether or not rows after D are there', () => {
    const daily = dailyFromRows(rows);
    const corrected = trainModels(daily, { preset: 'corrected', cutoff: '2024-08-31' }).model;
    for (const model of [corrected, loadBuiltinModel()]) {
      for (const asOf of ['2024-09-08', '2024-09-11', '2024-10-01']) {
        const all = predict(model, rows, { asOf, intervals: model.intervals ? [0.8, 0.95] : (undefined as never) });
        const known = predict(model, upTo(asOf), { asOf, intervals: model.intervals ? [0.8, 0.95] : (undefined as never) });
        expect(all, `${model.preset} ${asOf}`).toEqual(known);
        expect(all.length).toBeGreaterThan(100);
      }
    }
    // Features of every corrected row on or before D, with and without later rows.
    const D = '2024-09-15';
    const full = resampleWeekly(daily, { preset: 'corrected' })
      .toRecords()
      .filter((r) => r.date <= D);
    // Without later rows, a profile's table ends at its last record; extended through D, it holds every week of the full one.
    const cut = new Map(
      resampleWeekly(dailyFromRows(upTo(D)), { preset: 'corrected', through: D })
        .toRecords()
        .map((r) => [`${r.profile_id} ${r.date}`, r]),
    );
    const strip = (r: Record<string, unknown> | undefined) => r && Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('engagement_future_')));
    expect(full.length).toBeGreaterThan(1000);
    for (const r of full) expect(strip(cut.get(`${r.profile_id} ${r.date}`)), `${r.profile_id} ${r.date}`).toEqual(strip(r));
  });

  it('leaks nothing into training: the same model from all the rows or only those up to the cutoff', () => {
    const cutoff = '2024-08-25';
    for (const model of ['log-linear', 'ridge'] as const) {
      const a = trainModels(dailyFromRows(rows), { preset: 'corrected', cutoff, model }).model;
      const b = trainModels(dailyFromRows(upTo(cutoff)), { preset: 'corrected', cutoff, model }).model;
      expect(a.models, model).toEqual(b.models);
      expect(a.scaler).toEqual(b.scaler);
      expect(a.intervals).toEqual(b.intervals);
      expect(a.coldStart).toEqual(b.coldStart);
    }
  });
});
