// Step P at its edges, each case with the value or message it must give:
// infinite and missing features, the model checks, options that cannot
// apply, and the messages that say so.
import { describe, expect, it } from 'vitest';
import {
  ArgumentRangeError,
  DataError,
  FEATURES,
  ModelError,
  TARGETS,
  dailyFromRows,
  loadBuiltinModel,
  predict,
  predictFeatures,
  predictWithSkipped,
  resampleWeekly,
  trainModels,
  type DailyRowInput,
  type EngagementModel,
} from '../src/index.js';
import { smallCorrectedModel } from './helpers/corrected.js';
import { designColumns } from '../src/model/design.js';
import { COLD_START_FEATURES } from '../src/model/cold-start.js';
import { simpleRows } from './helpers/synthetic.js';

const day = (date: string, extra: Partial<DailyRowInput> = {}): DailyRowInput => ({
  date,
  profile_id: 'p',
  followers: 100,
  posts: 1,
  engagement: 10,
  reach: 5,
  impressions: 6,
  ...extra,
});

describe('predict: infinite and missing features', () => {
  it('refuses followers that are a number but not a count ("-inf", -5): the row is a DataError naming the column', () => {
    const model = loadBuiltinModel();
    for (const followers of ['-inf', -5, 1e300]) {
      const call = () => predict(model, [day('2024-03-04', { followers: followers as number })]);
      expect(call, String(followers)).toThrow(DataError);
      expect(call, String(followers)).toThrow("<rows>:1 (column 'followers'): followers is not a count from 0 to 2^53");
    }
  });

  it('treats an infinite feature (engagement in a week with no post, quirk Q5) as missing: flagged non_finite_input, the forecast as with 0', () => {
    const model = loadBuiltinModel();
    const preds = predict(model, [day('2024-03-04', { posts: 0 })]);
    expect(preds.map((p) => [p.non_finite_input, p.imputed])).toEqual(TARGETS.map(() => [true, false]));
    const x = FEATURES.map((f) => (f === 'followers' ? 100 : f === 'engagement' ? 10 : f === 'reach' ? 5 : f === 'impressions' ? 6 : 0));
    const want = predictFeatures(model, x);
    expect(preds.map((p) => p.predicted_engagement)).toEqual(TARGETS.map((t) => Math.max(0, want[t])));
  });

  it('flags imputed when a notebook feature is missing (0 / 0 in a month with no post and no engagement), as 0', () => {
    const model = loadBuiltinModel();
    const preds = predict(model, [day('2024-03-04', { posts: 0, engagement: 0 })]);
    expect(preds.map((p) => [p.imputed, p.non_finite_input])).toEqual(TARGETS.map(() => [true, false]));
    const x = FEATURES.map((f) => (f === 'followers' ? 100 : f === 'reach' ? 5 : f === 'impressions' ? 6 : 0));
    const want = predictFeatures(model, x);
    expect(preds.map((p) => p.predicted_engagement)).toEqual(TARGETS.map((t) => Math.max(0, want[t])));
    const full = predict(model, [day('2024-03-04')]);
    expect(full.map((p) => [p.imputed, p.non_finite_input])).toEqual(TARGETS.map(() => [false, false]));
  });
});

describe('predictFeatures', () => {
  it('refuses a row of the wrong length, naming the features', () => {
    expect(() => predictFeatures(loadBuiltinModel(), [1, 2, 3])).toThrow(`predictFeatures: expected 21 features (${FEATURES.join(', ')}), got 3`);
  });

  it('standardizes the row first for a model that says so (corrected models)', () => {
    const model = smallCorrectedModel();
    expect(model.inputScaling).toBe('standard');
    const x = model.features.map((_, j) => j + 1);
    const standardized = x.map((v, j) => (v - model.scaler.mean[j]!) / model.scaler.scale[j]!);
    // The same heads given the standardized row, told not to scale: the same forecasts.
    const unscaled = { ...model, inputScaling: 'none' as const };
    const want = predictFeatures(unscaled, standardized);
    const got = predictFeatures(model, x);
    for (const t of TARGETS) expect(got[t], t).toBeCloseTo(want[t], 9);
    expect(predictFeatures(unscaled, x)[TARGETS[0]]).not.toBeCloseTo(got[TARGETS[0]], 3);
  });
});

describe('the model checks', () => {
  it('names the call and the problem for a model that is not one, on the first call and after', () => {
    expect(() => predict({ formatVersion: 9 } as unknown as EngagementModel, [day('2024-03-04')])).toThrow(
      /^predict: model: model format version 9 is not supported/,
    );
    const model = structuredClone(loadBuiltinModel());
    expect(predict(model, [day('2024-03-04')])).toHaveLength(4);
    // Checked once, then only its heads: a head broken after the first call is still caught.
    (model.models[TARGETS[1]] as { coef: number[] }).coef = [1, 2];
    expect(() => predict(model, [day('2024-03-04')])).toThrow(ModelError);
    expect(() => predict(model, [day('2024-03-04')])).toThrow(/^predict: model: /);
  });

  it('says why a model has no intervals', () => {
    expect(() => predict(loadBuiltinModel(), [day('2024-03-04')], { intervals: [0.8] })).toThrow(
      'predict: this model has no interval calibration (notebook-preset models have none: their features see the weeks they predict)',
    );
    const uncalibrated = trainModels(dailyFromRows(simpleRows(12, '2024-01-01', '2024-10-31')), {
      preset: 'corrected',
      cutoff: '2024-09-30',
      calibrationWeeks: false,
    }).model;
    expect(() => predict(uncalibrated, [day('2024-03-04')], { intervals: [0.8] })).toThrow(
      'predict: this model has no interval calibration (it was trained with calibrationWeeks: false or too little history)',
    );
  });
});

describe('options that cannot apply', () => {
  it('refuses since and asOf for a weekly table, each alone', () => {
    const weekly = resampleWeekly(dailyFromRows([day('2024-03-04')]));
    expect(() => predict(loadBuiltinModel(), weekly, { asOf: '2024-03-10' })).toThrow(
      'predict: `since` and `asOf` apply to daily rows; filter the weekly table yourself',
    );
    expect(() => predict(loadBuiltinModel(), weekly, { since: '2024-03-01' })).toThrow(
      'predict: `since` and `asOf` apply to daily rows; filter the weekly table yourself',
    );
    expect(predict(loadBuiltinModel(), weekly)).toHaveLength(4);
  });

  it('names a profile asked for that has no rows, or none by asOf', () => {
    // 'late' is first seen on Monday 2024-03-11: after the origin of asOf 2024-03-12 (Sunday the 10th).
    // Its id sorts after 'p', so its rows follow p's in the weekly table.
    const rows = [day('2024-03-04'), day('2024-03-11', { profile_id: 'late' }), day('2024-03-11', { profile_id: 'zz-late' })];
    expect(() => predict(loadBuiltinModel(), rows, { profiles: ['nobody'] })).toThrow(/^predict: no rows for profile 'nobody'$/);
    expect(() => predict(loadBuiltinModel(), rows, { profiles: ['nobody'], asOf: '2024-03-12' })).toThrow(/^predict: no rows for profile 'nobody'$/);
    expect(() => predict(loadBuiltinModel(), rows, { profiles: ['late'], asOf: '2024-03-12' })).toThrow(
      /^predict: no rows for profile 'late' on or before 2024-03-10$/,
    );
    expect(() => predict(loadBuiltinModel(), rows, { profiles: ['zz-late'], asOf: '2024-03-12' })).toThrow(
      /^predict: no rows for profile 'zz-late' on or before 2024-03-10$/,
    );
    // Without naming it, a profile first seen after the origin is left out; the others are forecast from the origin week.
    const asOf = predict(loadBuiltinModel(), rows, { asOf: '2024-03-12' });
    expect([...new Set(asOf.map((p) => `${p.profile_id} ${p.date}`))]).toEqual(['p 2024-03-10']);
    const named = predict(loadBuiltinModel(), rows, { profiles: ['late'] });
    expect([...new Set(named.map((p) => `${p.profile_id} ${p.date}`))]).toEqual(['late 2024-03-17']);
  });

  it('names the function and option of a bad date, and applies limits to rows passed in', () => {
    expect(() => predict(loadBuiltinModel(), [day('2024-03-04')], { asOf: '12/03/2024' })).toThrow(/^predict: asOf /);
    expect(() => predict(loadBuiltinModel(), [day('2024-03-04')], { since: '2024-3-1' })).toThrow(/^predict: since /);
    const old = [day('1985-06-03')];
    expect(() => predict(loadBuiltinModel(), old)).toThrow(/the date is outside the accepted range 1990-01-01/);
    expect(predict(loadBuiltinModel(), old, { limits: { from: '1980-01-01' } }).map((p) => p.date)).toEqual([
      '1985-06-09',
      '1985-06-09',
      '1985-06-09',
      '1985-06-09',
    ]);
    const weekly = resampleWeekly(dailyFromRows([day('2024-03-04')]), { preset: 'corrected' });
    expect(() => predict(loadBuiltinModel(), weekly)).toThrow(/^predict: /);
  });

  it('forecasts a corrected model from the last complete week of the input, and nothing from no rows', () => {
    const model = smallCorrectedModel();
    // The input ends on Wednesday 2024-10-16: the last complete week ends on Sunday the 13th.
    const rows = simpleRows(3, '2024-08-01', '2024-10-16', 2);
    const preds = predict(model, rows);
    expect(new Set(preds.map((p) => p.date))).toEqual(new Set(['2024-10-13']));
    expect(preds.map((p) => p.partial_week)).toEqual(preds.map(() => false));
    expect(predict(model, [])).toEqual([]);
  });
});

describe('corrected forecasts', () => {
  it('are the heads applied to the standardized design row of the origin week, clipped, flagged imputed where the design filled a value', () => {
    const model = smallCorrectedModel();
    // Some profiles never report followers: the design fills their followers (imputed).
    const rows = [
      ...simpleRows(3, '2024-05-01', '2024-10-13', 3),
      ...simpleRows(3, '2024-05-01', '2024-10-13', 4).map((r) => ({ ...r, profile_id: `nf-${r.profile_id}`, followers: 'undefined' as unknown as number })),
    ];
    const preds = predict(model, rows);
    const weekly = resampleWeekly(dailyFromRows(rows), { preset: 'corrected', through: '2024-10-13' });
    expect(new Set(preds.map((p) => p.date))).toEqual(new Set(['2024-10-13']));
    const origins = weekly.profileIds.map((_, k) => weekly.offsets[k + 1]! - 1);
    const { columns, imputed } = designColumns(weekly, model.features, origins);
    let imputedSeen = 0;
    weekly.profileIds.forEach((id, k) => {
      const want = predictFeatures(
        model,
        columns.map((c) => c[k]!),
      );
      const got = preds.filter((p) => p.profile_id === id);
      expect(
        got.map((p) => p.predicted_engagement),
        id,
      ).toEqual(TARGETS.map((t) => Math.max(0, want[t])));
      expect(
        got.map((p) => p.imputed),
        id,
      ).toEqual(got.map(() => imputed[k]! > 0));
      if (imputed[k]! > 0) imputedSeen++;
    });
    expect(imputedSeen).toBeGreaterThan(0);
    expect(imputedSeen).toBeLessThan(weekly.profileIds.length);
  });

  it('come without intervals from a model trained without calibration', () => {
    const uncalibrated = trainModels(dailyFromRows(simpleRows(12, '2024-01-01', '2024-10-31')), {
      preset: 'corrected',
      cutoff: '2024-09-30',
      calibrationWeeks: false,
    }).model;
    const preds = predict(uncalibrated, simpleRows(2, '2024-08-01', '2024-10-13', 5));
    expect(preds).toHaveLength(8);
    expect(preds.filter((p) => 'lo_80' in p)).toEqual([]);
    expect(preds.map((p) => p.predicted_engagement).filter((v) => !Number.isFinite(v))).toEqual([]);
  });
});

describe('interval bounds', () => {
  // A model whose interval floor is not the default (1) and whose quantiles
  // differ by horizon, with hand-made cold-start heads (forecast c − 1 for
  // horizon h, c = 3, 30, 300, 3000) and quantiles of their own.
  const grid = (step: number) => ({ n: 500, quantiles: Array.from({ length: 201 }, (_, k) => (k * step) / 200) });
  function modelWith(coldIntervals: boolean, floor: number): EngagementModel {
    const model = structuredClone(smallCorrectedModel());
    model.intervals = {
      ...model.intervals!,
      floor,
      horizons: Object.fromEntries(TARGETS.map((t, h) => [t, grid(1 + h)])) as NonNullable<EngagementModel['intervals']>['horizons'],
    };
    model.coldStart = {
      features: [...COLD_START_FEATURES],
      scaler: { features: [...COLD_START_FEATURES], mean: [0, 0, 0], var: [1, 1, 1], scale: [1, 1, 1], nSamplesSeen: [100, 100, 100] },
      models: Object.fromEntries(TARGETS.map((t, h) => [t, { coef: [0, 0, 0], intercept: Math.log(3 * 10 ** h), factor: 1 }])) as NonNullable<
        EngagementModel['coldStart']
      >['models'],
      intervals: coldIntervals
        ? (Object.fromEntries(TARGETS.map((t, h) => [t, grid(10 + 5 * h)])) as NonNullable<NonNullable<EngagementModel['coldStart']>['intervals']>)
        : null,
    };
    return model;
  }
  const warmRows = simpleRows(6, '2024-07-01', '2024-10-13', 7);
  const coldRows = ['2024-09-30', '2024-10-01', '2024-10-02', '2024-10-05', '2024-10-13'].map((date) =>
    day(date, { profile_id: 'cold', posts: 0, engagement: 0, followers: 50 }),
  );
  const origin = '2024-10-13';

  it('are forecast ± q·max(floor, scale) for profiles with a history and forecast ± q·max(floor, forecast) for cold ones, each with its own quantiles', () => {
    // The warm profiles' scales at the origin, read apart from predict.
    const weekly = resampleWeekly(dailyFromRows([...warmRows, ...coldRows]), { preset: 'corrected', through: origin });
    const origins = weekly.profileIds.map((_, k) => weekly.offsets[k + 1]! - 1);
    const probe = modelWith(true, 1);
    const scales = designColumns(weekly, [probe.intervals!.scale], origins).columns[0]!;
    const scaleOf = new Map(weekly.profileIds.map((id, k) => [id, scales[k]!]));
    const warmScales = weekly.profileIds
      .filter((id) => id !== 'cold')
      .map((id) => scaleOf.get(id)!)
      .sort((a, b) => a - b);
    // A floor between the smallest and largest scale, and between the cold forecasts 29 and 299.
    const floor = Math.min(100, (warmScales[0]! + warmScales[warmScales.length - 1]!) / 2);
    expect(floor).toBeGreaterThan(warmScales[0]!);
    expect(floor).toBeLessThan(warmScales[warmScales.length - 1]!);
    expect(floor).toBeGreaterThan(29);
    for (const coldIntervals of [true, false]) {
      const model = modelWith(coldIntervals, floor);
      const preds = predict(model, [...warmRows, ...coldRows], { asOf: origin, intervals: [0.8, 0.95] });
      expect(preds).toHaveLength(4 * 7);
      let floored = 0;
      for (const p of preds) {
        const h = TARGETS.findIndex((t) => p.future_period === `predicted_${t}`);
        expect(h).toBeGreaterThanOrEqual(0);
        const cold = p.profile_id === 'cold';
        expect(p.cold_start, p.profile_id).toBe(cold);
        if (cold) expect(p.predicted_engagement).toBeCloseTo(3 * 10 ** h - 1, 9);
        const scale = Math.max(floor, cold ? p.predicted_engagement : scaleOf.get(p.profile_id)!);
        if (scale === floor) floored++;
        const quantiles = cold && coldIntervals ? grid(10 + 5 * h) : grid(1 + h);
        for (const [coverage, label] of [
          [0.8, '80'],
          [0.95, '95'],
        ] as const) {
          // ⌈501·p⌉ / 500 of a grid k·step/200: the multiplier is that level times step.
          const q = (Math.ceil(501 * coverage) / 500) * quantiles.quantiles[200]!;
          expect(p[`lo_${label}`], `${p.profile_id} ${p.future_period} lo_${label}`).toBeCloseTo(Math.max(0, p.predicted_engagement - q * scale), 6);
          expect(p[`hi_${label}`], `${p.profile_id} ${p.future_period} hi_${label}`).toBeCloseTo(p.predicted_engagement + q * scale, 6);
        }
      }
      expect(floored).toBeGreaterThan(0);
      expect(floored).toBeLessThan(preds.length);
    }
  });
});

describe('asOf far after the records', () => {
  it('is a RangeError about asOf, not a DataError about the records, when only asOf makes the span too long', () => {
    const rows = [{ date: '2024-06-03', profile_id: 'p', followers: 10, posts: 1, engagement: 5, reach: 7, impressions: 8 }];
    expect(() => predict(loadBuiltinModel(), rows, { asOf: '2099-12-31' })).toThrow(
      new ArgumentRangeError("predict: asOf 2099-12-31 lies more than limits.maxWeeksPerProfile = 1100 weeks after the first record of profile 'p'"),
    );
    // Records that span too many weeks by themselves are still the records' fault.
    const spread = [...rows, { ...rows[0]!, date: '2046-06-04' }];
    expect(() => predict(loadBuiltinModel(), spread, { asOf: '2099-12-31' })).toThrow(DataError);
  });
});

describe('no profile left out without a word', () => {
  const row = { followers: 10, posts: 1, engagement: 5, reach: 7, impressions: 8 };
  // 'late' is first seen on Wednesday 2024-06-12, in the input's last, incomplete week (ending Sunday 06-16).
  const rows = [
    { date: '2024-06-03', profile_id: 'early', ...row },
    { date: '2024-06-11', profile_id: 'early', ...row },
    { date: '2024-06-12', profile_id: 'late', ...row },
  ];

  it('names a profile whose rows all lie after the origin week (corrected, no asOf), with why', () => {
    const model = smallCorrectedModel();
    const { predictions, skipped } = predictWithSkipped(model, rows);
    expect(new Set(predictions.map((p) => p.profile_id))).toEqual(new Set(['early']));
    expect(skipped).toEqual([
      {
        profile_id: 'late',
        reason: 'its first record is in the week ending 2024-06-16, after the origin week ending 2024-06-09 (the last complete week, or the week of asOf)',
      },
    ]);
    expect(predict(model, rows)).toEqual(predictions);
  });

  it('names every profile when asOf is before all the rows, and the ones outside the window', () => {
    const { predictions, skipped } = predictWithSkipped(loadBuiltinModel(), rows, { asOf: '2024-06-10' });
    expect(new Set(predictions.map((p) => p.profile_id))).toEqual(new Set(['early']));
    expect(skipped).toEqual([{ profile_id: 'late', reason: 'no rows on or before 2024-06-10' }]);
    expect(predictWithSkipped(loadBuiltinModel(), rows, { asOf: '2024-05-01' })).toEqual({
      predictions: [],
      skipped: [
        { profile_id: 'early', reason: 'no rows on or before 2024-05-01' },
        { profile_id: 'late', reason: 'no rows on or before 2024-05-01' },
      ],
    });
  });
});

describe('interval bounds that overflow', () => {
  it('are never Infinity: an overflowing bound is a DataError naming the profile (422 over HTTP)', () => {
    const model = smallCorrectedModel();
    const base = { followers: 10, reach: 7, impressions: 8 };
    const rows: DailyRowInput[] = [];
    // Ordinary weeks, then two days of engagement 1e308 in one week.
    for (let d = 1; d <= 26; d++) rows.push({ date: `2024-05-${String(d).padStart(2, '0')}`, profile_id: 'huge', posts: 1, engagement: 50, ...base });
    rows.push({ date: '2024-05-27', profile_id: 'huge', posts: 1, engagement: 1e308, ...base });
    rows.push({ date: '2024-05-28', profile_id: 'huge', posts: 1, engagement: 1e308, ...base });
    const call = () => predict(model, rows, { asOf: '2024-06-02', intervals: [0.8] });
    expect(call).toThrow(DataError);
    expect(call).toThrow(/^<input> \(column 'profile_id'\): .*: "huge"$/);
    try {
      call();
    } catch (error) {
      expect((error as DataError).code).toBe('unforecastable');
    }
  });
});
