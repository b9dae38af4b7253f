// A corrected training recomputed from its definition (docs/models.md): which
// rows train, test, fall in the gap and calibrate, the scaler over the train
// rows, one head per horizon on the standardized design, test metrics of the
// clipped forecasts, and the interval scores of a model fitted before the
// calibration windows. Each step's building block is tested on its own; here
// the rows and the order of the steps are what is checked.
import { describe, expect, it } from 'vitest';
import { dailyFromRows, regressionMetrics, resampleWeekly, TARGETS, trainModels, type EngagementModel } from '../../src/index.js';
import { candidatesOf } from '../../src/model/candidates.js';
import { designColumns, designFeatures } from '../../src/model/design.js';
import { fitLinearHead, fitRidgeHead, type FittedHead } from '../../src/model/estimators.js';
import { standardizeColumns } from '../../src/model/linear.js';
import { applyEstimator } from '../../src/model/model-file.js';
import { fitMlpHead } from '../../src/model/mlp.js';
import { StandardScaler } from '../../src/model/scaler.js';
import { scoreQuantiles } from '../../src/model/intervals.js';
import { once } from '../helpers/once.js';
import { newcomers, simpleRows } from '../helpers/synthetic.js';

const DAY = 864e5;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
// With profiles whose engagement per post is below the intervals' floor of 1.
const low = () =>
  simpleRows(4, '2024-01-01', '2024-10-31', 22).map((r) => ({
    ...r,
    profile_id: `low-${r.profile_id}`,
    engagement: Math.floor((r.engagement as number) / 2000),
  }));
const weekly = once(() => resampleWeekly(dailyFromRows([...simpleRows(14, '2024-01-01', '2024-10-31', 21), ...low()]), { preset: 'corrected' }));

/** The candidate positions with a target for horizon `h` whose Sunday `keep` accepts. */
const kept = (c: ReturnType<typeof candidatesOf>, h: number, keep: (d: number) => boolean) =>
  Int32Array.from([...c.rows.keys()].filter((k) => !Number.isNaN(c.targets[h]![k]!) && keep(c.date[k]!)));

type Kind = 'log-linear' | 'linear' | 'ridge';
/** A fitted kind with its settings: a ridge's lambda, a log-linear model's back-transform. */
interface Fitted {
  kind: Kind;
  lambda?: number;
  correction?: 'absolute' | 'smearing';
}
function expected(spec: Kind | Fitted, cutoff: string, calibrationWeeks: number) {
  const { kind, lambda = 0.01, correction = 'absolute' } = typeof spec === 'string' ? { kind: spec } : spec;
  const table = weekly();
  const cutoffDay = dayOf(cutoff);
  const c = candidatesOf(table);
  const at = (h: number, keep: (d: number) => boolean) => kept(c, h, keep);
  const train = TARGETS.map((_, h) => at(h, (d) => d + 28 <= cutoffDay));
  const test = TARGETS.map((_, h) => at(h, (d) => d > cutoffDay));
  const gap = [...c.date].filter((d) => d <= cutoffDay && d + 28 > cutoffDay).length;
  const features = designFeatures('robust', kind === 'log-linear');
  const { columns } = designColumns(table, features, c.rows);
  const scale13 = Float64Array.from(columns[features.findIndex((f) => f.includes('engagement_per_post_13w'))]!, (v) =>
    kind === 'log-linear' ? Math.expm1(v) : v,
  );
  // The scaler: mean and population deviation over the union of the train rows.
  const union = [...new Set(train.flatMap((t) => [...t]))].sort((a, b) => a - b);
  const mean = columns.map((col) => union.reduce((s, k) => s + col[k]!, 0) / union.length);
  const sd = columns.map((col, j) => Math.sqrt(union.reduce((s, k) => s + (col[k]! - mean[j]!) ** 2, 0) / union.length));
  const z = columns.map((col, j) => col.map((v) => (v - mean[j]!) / (sd[j]! > 1e-9 ? sd[j]! : 1)));
  const fit = (h: number, rows: Int32Array): FittedHead =>
    kind === 'ridge' ? fitRidgeHead(z, c.targets[h]!, rows, lambda) : fitLinearHead(z, c.targets[h]!, rows, kind === 'log-linear', correction);
  const forecast = (head: FittedHead, k: number) => {
    const p = head.intercept + head.coef.reduce((s, b, j) => s + b * z[j]![k]!, 0);
    return kind === 'log-linear' ? Math.exp(p) * head.factor! - 1 : p;
  };
  const heads = TARGETS.map((_, h) => fit(h, train[h]!));
  const metrics = TARGETS.map((_, h) =>
    regressionMetrics(
      Array.from(test[h]!, (k) => c.targets[h]![k]!),
      Array.from(test[h]!, (k) => Math.max(0, forecast(heads[h]!, k))),
    ),
  );
  const calCut = cutoffDay - 28 - 7 * calibrationWeeks;
  const calibration = TARGETS.map((_, h) => {
    const head = fit(
      h,
      at(h, (d) => d + 28 <= calCut),
    );
    const rows = at(h, (d) => d > calCut && d + 7 * (h + 1) <= cutoffDay);
    const scores = Float64Array.from(rows, (k) => Math.abs(c.targets[h]![k]! - Math.max(0, forecast(head, k))) / Math.max(1, scale13[k]!));
    return { n: rows.length, grid: scoreQuantiles(scores), floored: Array.from(rows).filter((k) => scale13[k]! < 1).length };
  });
  return { c, train, test, gap, features, mean, sd, heads, metrics, calibration, calCut };
}

function compare(model: EngagementModel, rows: ReturnType<typeof trainModels>['rows'], want: ReturnType<typeof expected>, cutoff: string) {
  expect(model.features).toEqual(want.features);
  expect(model.inputScaling).toBe('standard');
  model.scaler.mean.forEach((m, j) => expect(m, `mean of ${want.features[j]}`).toBeCloseTo(want.mean[j]!, 9));
  model.scaler.scale.forEach((s, j) => expect(s, `scale of ${want.features[j]}`).toBeCloseTo(want.sd[j]! > 1e-9 ? want.sd[j]! : 1, 9));
  const r = rows as unknown as Record<string, unknown>;
  expect(r.weekly).toBe(weekly().length);
  expect(r.gap).toBe(want.gap);
  expect(r.noHistory).toBe(want.c.cold.rows.length);
  TARGETS.forEach((t, h) => {
    expect((r.train as Record<string, number>)[t], `train ${t}`).toBe(want.train[h]!.length);
    expect((r.test as Record<string, number>)[t], `test ${t}`).toBe(want.test[h]!.length);
    expect((r.noTarget as Record<string, number>)[t], `noTarget ${t}`).toBe(want.c.noTarget[h]);
    expect((r.calibration as Record<string, number>)[t], `calibration ${t}`).toBe(want.calibration[h]!.n);
    const head = model.models[t] as unknown as FittedHead;
    head.coef.forEach((b, j) => expect(b, `${t} coef ${j}`).toBeCloseTo(want.heads[h]!.coef[j]!, 6));
    expect(head.intercept, `${t} intercept`).toBeCloseTo(want.heads[h]!.intercept, 6);
    if (want.heads[h]!.factor !== undefined) expect(head.factor, `${t} factor`).toBeCloseTo(want.heads[h]!.factor!, 6);
    else expect(head.factor).toBeUndefined();
    for (const key of ['MAE', 'RMSE', 'R2'] as const) expect(model.metrics![t][key], `${t} ${key}`).toBeCloseTo(want.metrics[h]![key], 6);
    model.intervals!.horizons[t].quantiles.forEach((q, k) => expect(q, `${t} quantile ${k}`).toBeCloseTo(want.calibration[h]!.grid.quantiles[k]!, 6));
    expect(model.intervals!.horizons[t].n).toBe(want.calibration[h]!.n);
  });
  expect([model.intervals!.method, model.intervals!.from, model.intervals!.to, model.intervals!.floor, model.intervals!.scale]).toEqual([
    'split-conformal, |actual - forecast| / profile scale',
    dateOf(want.calCut + 7),
    dateOf(dayOf(cutoff) - 7),
    1,
    'engagement_per_post_13w',
  ]);
  const sundays = [...want.c.date];
  expect([model.training!.cutoff, model.training!.from, model.training!.to]).toEqual([cutoff, dateOf(Math.min(...sundays)), dateOf(Math.max(...sundays))]);
}

describe('corrected training, recomputed from its definition', () => {
  // A Monday cutoff, and a Sunday one (a row whose 28-day target week ends on the cutoff trains).
  // Settings other than the defaults (a ridge's lambda, the smearing back-transform) reach both fits.
  const cases: [Kind | Fitted, string, number][] = [
    ['log-linear', '2024-09-30', 4],
    ['log-linear', '2024-09-29', 6],
    ['linear', '2024-09-29', 4],
    ['ridge', '2024-09-15', 3],
    [{ kind: 'ridge', lambda: 40 }, '2024-09-15', 3],
    [{ kind: 'log-linear', correction: 'smearing' }, '2024-09-29', 4],
  ];
  for (const [spec, cutoff, weeks] of cases) {
    const kind = typeof spec === 'string' ? spec : spec.kind;
    it(`${JSON.stringify(spec)}, cutoff ${cutoff}, ${weeks} calibration weeks`, () => {
      const want = expected(spec, cutoff, weeks);
      expect(want.gap).toBeGreaterThan(0);
      for (const h of want.calibration) {
        expect(h.floored).toBeGreaterThan(0);
        expect(h.floored).toBeLessThan(h.n);
      }
      const { model, rows } = trainModels(weekly(), { preset: 'corrected', cutoff, calibrationWeeks: weeks, model: spec });
      compare(model, rows, want, cutoff);
      expect(model.description).toBe(`${kind} per horizon, corrected preset, trained on weeks whose 28-day target lies on or before ${cutoff}`);
    });
  }

  it('a Sunday cutoff puts the week whose 28-day target week ends on it in train, and the next in the gap', () => {
    const want = expected('log-linear', '2024-09-29', 4);
    const sunday = dayOf('2024-09-01'); // + 28 = the cutoff
    const k = [...want.c.date].indexOf(sunday);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(want.train[3]!.includes(k)).toBe(!Number.isNaN(want.c.targets[3]![k]!));
    expect([...want.train[0]!].filter((p) => want.c.date[p] === sunday).length).toBeGreaterThan(0);
    expect([...want.train[0]!].filter((p) => want.c.date[p] === sunday + 7)).toEqual([]);
  });
});

describe('corrected training of the kinds without a fit, and of the network', () => {
  const positionsOf = (h: number, keep: (d: number) => boolean) => kept(candidatesOf(weekly()), h, keep);

  // The naive and window-average forecasts are their one input as it is (not standardized).
  for (const [spec, feature, text] of [
    ['naive', 'last_engagement_per_post', 'naive'],
    ['window-average', 'engagement_per_post_13w', 'window-average 13 weeks'],
    [{ kind: 'window-average', weeks: 4 }, 'engagement_per_post_4w', 'window-average 4 weeks'],
  ] as const) {
    it(`${JSON.stringify(spec)}: its input unstandardized is the forecast, the intervals scaled by the 13-week average`, () => {
      const cutoff = '2024-09-29';
      const cutoffDay = dayOf(cutoff);
      const weeks = 4;
      const c = candidatesOf(weekly());
      const value = designColumns(weekly(), [feature], c.rows).columns[0]!;
      const scale = designColumns(weekly(), ['engagement_per_post_13w'], c.rows).columns[0]!;
      const { model, rows } = trainModels(weekly(), { preset: 'corrected', cutoff, calibrationWeeks: weeks, model: spec });
      expect([model.features, model.inputScaling, model.description]).toEqual([
        [feature],
        'none',
        `${text} per horizon, corrected preset, trained on weeks whose 28-day target lies on or before ${cutoff}`,
      ]);
      const calCut = cutoffDay - 28 - 7 * weeks;
      TARGETS.forEach((t, h) => {
        expect(model.models[t], t).toEqual({});
        const test = positionsOf(h, (d) => d > cutoffDay);
        const want = regressionMetrics(
          Array.from(test, (k) => c.targets[h]![k]!),
          Array.from(test, (k) => Math.max(0, value[k]!)),
        );
        for (const key of ['MAE', 'RMSE', 'R2'] as const) expect(model.metrics![t][key], `${t} ${key}`).toBeCloseTo(want[key], 9);
        const cal = positionsOf(h, (d) => d > calCut && d + 7 * (h + 1) <= cutoffDay);
        const grid = scoreQuantiles(Float64Array.from(cal, (k) => Math.abs(c.targets[h]![k]! - Math.max(0, value[k]!)) / Math.max(1, scale[k]!)));
        expect(rows.calibration[t]).toBe(cal.length);
        model.intervals!.horizons[t].quantiles.forEach((q, k) => expect(q, `${t} quantile ${k}`).toBeCloseTo(grid.quantiles[k]!, 9));
      });
    });
  }

  it('mlp: the logged design, one seed per horizon (h + 1) and another for its calibration fit (h + 101), the back-transform asked for', () => {
    const cutoff = '2024-09-29';
    const cutoffDay = dayOf(cutoff);
    const weeks = 4;
    const small = { hidden: [4], epochs: 2, batchSize: 64 };
    const { model } = trainModels(weekly(), {
      preset: 'corrected',
      cutoff,
      calibrationWeeks: weeks,
      model: { kind: 'mlp', mlp: small, correction: 'smearing' },
    });
    const features = designFeatures('robust', true);
    expect(model.features).toEqual(features);
    const c = candidatesOf(weekly());
    const { columns } = designColumns(weekly(), features, c.rows);
    const scale = columns[features.findIndex((f) => f.includes('engagement_per_post_13w'))]!.map(Math.expm1);
    const train = TARGETS.map((_, h) => positionsOf(h, (d) => d + 28 <= cutoffDay));
    const union = Int32Array.from(new Set(train.flatMap((t) => [...t]))).sort();
    standardizeColumns(columns, StandardScaler.fitColumns(features, columns, union));
    const calCut = cutoffDay - 28 - 7 * weeks;
    TARGETS.forEach((t, h) => {
      expect(model.models[t], t).toEqual(fitMlpHead(columns, c.targets[h]!, train[h]!, { ...small, correction: 'smearing', seed: h + 1 }));
      const head = fitMlpHead(
        columns,
        c.targets[h]!,
        positionsOf(h, (d) => d + 28 <= calCut),
        { ...small, correction: 'smearing', seed: h + 101 },
      );
      const cal = positionsOf(h, (d) => d > calCut && d + 7 * (h + 1) <= cutoffDay);
      const grid = scoreQuantiles(
        Float64Array.from(
          cal,
          (k) =>
            Math.abs(
              c.targets[h]![k]! -
                Math.max(
                  0,
                  applyEstimator(
                    'mlp',
                    head,
                    features.map((_, j) => columns[j]![k]!),
                  ),
                ),
            ) / Math.max(1, scale[k]!),
        ),
      );
      model.intervals!.horizons[t].quantiles.forEach((q, k) => expect(q, `${t} quantile ${k}`).toBeCloseTo(grid.quantiles[k]!, 9));
    });
  });

  it('a ridge without calibration fits each head directly, with its own lambda', () => {
    const spec = { kind: 'ridge', lambda: 40 } as const;
    const want = expected(spec, '2024-09-15', 3);
    const { model } = trainModels(weekly(), { preset: 'corrected', cutoff: '2024-09-15', calibrationWeeks: 0, model: spec });
    expect(model.intervals).toBeNull();
    TARGETS.forEach((t, h) => {
      const head = model.models[t] as unknown as FittedHead;
      head.coef.forEach((b, j) => expect(b, `${t} coef ${j}`).toBeCloseTo(want.heads[h]!.coef[j]!, 6));
      expect(head.intercept, `${t} intercept`).toBeCloseTo(want.heads[h]!.intercept, 6);
    });
  });
});

describe('corrected training on awkward tables', () => {
  const table = (rows: ReturnType<typeof simpleRows>) => resampleWeekly(dailyFromRows(rows), { preset: 'corrected' });

  it('names the earliest and latest Sunday of any profile, whatever the profile order', () => {
    // The profile that sorts last ends first.
    const t = table([
      ...simpleRows(3, '2024-01-01', '2024-08-31', 5),
      ...simpleRows(1, '2024-02-05', '2024-05-31', 6).map((r) => ({ ...r, profile_id: 'zz-short' })),
    ]);
    const { model } = trainModels(t, { cutoff: '2024-06-30', calibrationWeeks: false });
    const sundays = [...candidatesOf(t).date];
    expect([model.training!.from, model.training!.to]).toEqual([dateOf(Math.min(...sundays)), dateOf(Math.max(...sundays))]);
    expect(dateOf(candidatesOf(t).date.at(-1)!) < model.training!.to).toBe(true);
  });

  it('warns of nothing when intervals and cold-start heads are fitted', () => {
    // Profiles without a post in their first weeks give the cold-start heads their rows.
    const t = trainModels(table(newcomers(160)), { cutoff: '2024-06-30', calibrationWeeks: 3 });
    expect(t.model.intervals).not.toBeNull();
    expect(t.model.coldStart).not.toBeNull();
    expect(t.warnings).toEqual([]);
  });

  it('gives no intervals when a horizon has no calibration rows, and says so', () => {
    // Every profile ends a week before the cutoff: no calibration origin has a 28-day target.
    const t = trainModels(table(simpleRows(6, '2024-01-01', '2024-09-22', 9)), { cutoff: '2024-09-29', calibrationWeeks: 1 });
    expect(t.rows.calibration.engagement_future_7d).toBeGreaterThan(0);
    expect(t.rows.calibration.engagement_future_28d).toBe(0);
    expect(t.model.intervals).toBeNull();
    expect(t.warnings).toContain('no intervals: a horizon has no calibration rows');
  });

  it('gives no intervals when one horizon has no rows before the calibration windows, though others have', () => {
    // Short profiles early (a 7-day target, never a 28-day one), long ones from July.
    const early = [0, 1, 2, 3, 4, 5].flatMap((p) => simpleRows(1, '2024-02-05', '2024-02-24', 40 + p).map((r) => ({ ...r, profile_id: `early${p}` })));
    const t = trainModels(table([...early, ...simpleRows(8, '2024-07-08', '2024-10-31', 41)]), { cutoff: '2024-09-29', calibrationWeeks: 4 });
    expect(t.model.intervals).toBeNull();
    // 2024-09-29 − 28 − 4·7 days.
    expect(t.warnings).toContain("no intervals: no rows before the calibration windows (2024-08-04); train with an earlier cutoff's data or more history");
    expect(Object.values(t.rows.calibration)).toEqual([0, 0, 0, 0]);
  });

  it('refuses a training where one horizon has no train rows, though others have', () => {
    // Profiles of three weeks: a 7- and 14-day target, never a 28-day one.
    const rows = [0, 1, 2, 3, 4, 5].flatMap((p) => simpleRows(1, '2024-02-05', '2024-02-24', 30 + p).map((r) => ({ ...r, profile_id: `p${p}` })));
    const t = table(rows);
    const c = candidatesOf(t);
    expect([c.targets[0]!.some((v) => !Number.isNaN(v)), c.targets[3]!.some((v) => !Number.isNaN(v))]).toEqual([true, false]);
    expect(() => trainModels(t, { cutoff: '2024-06-30' })).toThrow(
      `trainModels: no train rows whose 28-day target lies on or before 2024-06-30 for every horizon (${c.rows.length} rows have a target and a posting history)`,
    );
  });
});
