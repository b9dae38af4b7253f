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
import { scoreQuantiles } from '../../src/model/intervals.js';
import { once } from '../helpers/once.js';
import { simpleRows } from '../helpers/synthetic.js';

const DAY = 864e5;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
// With profiles whose engagement per post is below the intervals' floor of 1.
const low = () => simpleRows(4, '2024-01-01', '2024-10-31', 22).map((r) => ({ ...r, profile_id: `low-${r.profile_id}`, engagement: Math.floor((r.engagement as number) / 2000) }));
const weekly = once(() => resampleWeekly(dailyFromRows([...simpleRows(14, '2024-01-01', '2024-10-31', 21), ...low()]), { preset: 'corrected' }));

type Kind = 'log-linear' | 'linear' | 'ridge';
function expected(kind: Kind, cutoff: string, calibrationWeeks: number) {
  const table = weekly();
  const cutoffDay = dayOf(cutoff);
  const c = candidatesOf(table);
  const at = (h: number, keep: (d: number) => boolean) => Int32Array.from([...c.rows.keys()].filter((k) => !Number.isNaN(c.targets[h]![k]!) && keep(c.date[k]!)));
  const train = TARGETS.map((_, h) => at(h, (d) => d + 28 <= cutoffDay));
  const test = TARGETS.map((_, h) => at(h, (d) => d > cutoffDay));
  const gap = [...c.date].filter((d) => d <= cutoffDay && d + 28 > cutoffDay).length;
  const features = designFeatures('robust', kind === 'log-linear');
  const { columns } = designColumns(table, features, c.rows);
  const scale13 = Float64Array.from(columns[features.findIndex((f) => f.includes('engagement_per_post_13w'))]!, (v) => (kind === 'log-linear' ? Math.expm1(v) : v));
  // The scaler: mean and population deviation over the union of the train rows.
  const union = [...new Set(train.flatMap((t) => [...t]))].sort((a, b) => a - b);
  const mean = columns.map((col) => union.reduce((s, k) => s + col[k]!, 0) / union.length);
  const sd = columns.map((col, j) => Math.sqrt(union.reduce((s, k) => s + (col[k]! - mean[j]!) ** 2, 0) / union.length));
  const z = columns.map((col, j) => col.map((v) => (v - mean[j]!) / (sd[j]! > 1e-9 ? sd[j]! : 1)));
  const fit = (h: number, rows: Int32Array): FittedHead => (kind === 'ridge' ? fitRidgeHead(z, c.targets[h]!, rows, 0.01) : fitLinearHead(z, c.targets[h]!, rows, kind === 'log-linear'));
  const forecast = (head: FittedHead, k: number) => {
    const p = head.intercept + head.coef.reduce((s, b, j) => s + b * z[j]![k]!, 0);
    return kind === 'log-linear' ? Math.exp(p) * head.factor! - 1 : p;
  };
  const heads = TARGETS.map((_, h) => fit(h, train[h]!));
  const metrics = TARGETS.map((_, h) => regressionMetrics(Array.from(test[h]!, (k) => c.targets[h]![k]!), Array.from(test[h]!, (k) => Math.max(0, forecast(heads[h]!, k)))));
  const calCut = cutoffDay - 28 - 7 * calibrationWeeks;
  const calibration = TARGETS.map((_, h) => {
    const head = fit(h, at(h, (d) => d + 28 <= calCut));
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
  expect([model.intervals!.from, model.intervals!.to, model.intervals!.floor, model.intervals!.scale]).toEqual([dateOf(want.calCut + 7), dateOf(dayOf(cutoff) - 7), 1, 'engagement_per_post_13w']);
  const sundays = [...want.c.date];
  expect([model.training!.cutoff, model.training!.from, model.training!.to]).toEqual([cutoff, dateOf(Math.min(...sundays)), dateOf(Math.max(...sundays))]);
}

describe('corrected training, recomputed from its definition', () => {
  // A Monday cutoff, and a Sunday one (a row whose 28-day target week ends on the cutoff trains).
  for (const [kind, cutoff, weeks] of [['log-linear', '2024-09-30', 4], ['log-linear', '2024-09-29', 6], ['linear', '2024-09-29', 4], ['ridge', '2024-09-15', 3]] as const) {
    it(`${kind}, cutoff ${cutoff}, ${weeks} calibration weeks`, () => {
      const want = expected(kind, cutoff, weeks);
      expect(want.gap).toBeGreaterThan(0);
      for (const h of want.calibration) {
        expect(h.floored).toBeGreaterThan(0);
        expect(h.floored).toBeLessThan(h.n);
      }
      const { model, rows } = trainModels(weekly(), { preset: 'corrected', cutoff, calibrationWeeks: weeks, model: kind });
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
