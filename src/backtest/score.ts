import { parseDayStrict } from '../calendar.js';
import { ArgumentTypeError } from '../errors.js';
import { DailyFrame } from '../frame/daily-frame.js';
import { dailyFromRows } from '../io/load-daily.js';
import type { DailyRowInput, Prediction } from '../schema.js';

/** Scores of one model at one horizon. */
export interface ForecastScore {
  /** Forecasts scored. */
  n: number;
  MAE: number;
  RMSE: number;
  /** Weighted absolute percentage error: Σ|actual − forecast| / Σ|actual|. */
  WAPE: number;
  /** WAPE divided by the naive forecast's WAPE on the same forecasts (NaN without a naive one). */
  relativeWAPE: number;
  /** Mean of forecast − actual. */
  bias: number;
  /** Coefficient of determination over the scored forecasts (scikit-learn's definition). */
  R2: number;
  /** Per interval label (`80`, `95`): the share of actuals inside [lo, hi]. */
  coverage: Record<string, number>;
  /** Per interval label: the mean of hi − lo. */
  width: Record<string, number>;
}

/**
 * Accumulates forecasts against actuals for one model and horizon, with the
 * naive forecast of the same rows beside them: what `backtest` and
 * `scoreForecasts` share.
 */
export class ScoreAccumulator {
  private n = 0;
  private abs = 0;
  private sq = 0;
  private actualSum = 0;
  private bias = 0;
  private sumY = 0;
  private sumY2 = 0;
  private naiveAbs = 0;
  private naiveCount = 0;
  private readonly inside = new Map<string, number>();
  private readonly widths = new Map<string, number>();

  /** Adds one forecast; `naive` NaN when there is none; `bounds` per label. */
  add(actual: number, forecast: number, naive: number, bounds?: Record<string, [number, number]>): void {
    const d = forecast - actual;
    this.n++;
    this.abs += Math.abs(d);
    this.sq += d * d;
    this.bias += d;
    this.actualSum += Math.abs(actual);
    this.sumY += actual;
    this.sumY2 += actual * actual;
    if (naive === naive) {
      this.naiveAbs += Math.abs(naive - actual);
      this.naiveCount++;
    }
    if (bounds) {
      for (const [label, [lo, hi]] of Object.entries(bounds)) {
        this.inside.set(label, (this.inside.get(label) ?? 0) + (actual >= lo && actual <= hi ? 1 : 0));
        this.widths.set(label, (this.widths.get(label) ?? 0) + (hi - lo));
      }
    }
  }

  /** The scores so far. */
  result(): ForecastScore {
    const n = this.n;
    const wape = this.abs / this.actualSum;
    const naiveWape = this.naiveCount === n && n > 0 ? this.naiveAbs / this.actualSum : Number.NaN;
    const coverage: Record<string, number> = {};
    const width: Record<string, number> = {};
    for (const [label, count] of this.inside) {
      coverage[label] = count / n;
      width[label] = this.widths.get(label)! / n;
    }
    const total = this.sumY2 - (this.sumY * this.sumY) / n;
    return {
      n,
      MAE: this.abs / n,
      RMSE: Math.sqrt(this.sq / n),
      WAPE: wape,
      relativeWAPE: wape / naiveWape,
      bias: this.bias / n,
      R2: 1 - this.sq / total,
      coverage,
      width,
    };
  }
}

/** Actual engagement per post of the 7 days ending on each day, per profile: what `scoreForecasts` compares with. */
function weekActuals(daily: DailyFrame): (profile: string, lastDay: number) => number {
  // Sums per (profile, day), keyed by a number (no string per daily row): profile · span + day offset.
  const { day, profile, posts, engagement, profileIds } = daily;
  let first = 0;
  let last = -1;
  for (let i = 0; i < day.length; i++) {
    if (i === 0 || day[i]! < first) first = day[i]!;
    if (i === 0 || day[i]! > last) last = day[i]!;
  }
  const SPAN = last - first + 1;
  const slot = new Map<number, number>();
  const sums: number[] = [];
  for (let i = 0; i < daily.length; i++) {
    const key = profile[i]! * SPAN + (day[i]! - first);
    let at = slot.get(key);
    if (at === undefined) {
      at = sums.length;
      slot.set(key, at);
      sums.push(0, 0);
    }
    sums[at]! += engagement[i]!;
    sums[at + 1]! += posts[i]!;
  }
  const index = new Map(profileIds.map((id, k) => [id, k]));
  return (id, end) => {
    const k = index.get(id);
    if (k === undefined) return Number.NaN;
    let e = 0;
    let p = 0;
    for (let d = end - 6; d <= end; d++) {
      const at = d < first || d > last ? undefined : slot.get(k * SPAN + (d - first));
      if (at !== undefined) {
        e += sums[at]!;
        p += sums[at + 1]!;
      }
    }
    return p > 0 ? e / p : Number.NaN;
  };
}

/**
 * Scores forecasts made anywhere (this library's `predict`, or another
 * system's, in the same shape) against what happened: per `future_period`,
 * MAE, RMSE, WAPE, bias, and coverage and mean width of every `lo_X`/`hi_X`
 * pair they carry. The actual of a forecast is the engagement per post of
 * the 7 days ending on its `prediction_date`, from `actuals`' daily rows;
 * forecasts whose 7 days have no post are not scored (counted in
 * `unscored`). With `naive` (forecasts of the same profiles, dates and
 * periods), `relativeWAPE` compares with it on the same forecasts.
 *
 * @example
 * const preds = predict(model, rows, { asOf: '2024-10-06', intervals: [0.8] });
 * scoreForecasts(preds, allRows).scores.predicted_engagement_future_7d.WAPE;
 */
export function scoreForecasts(
  forecasts: readonly Prediction[],
  actuals: DailyFrame | readonly DailyRowInput[],
  options: { naive?: readonly Prediction[] } = {},
): { scores: Record<string, ForecastScore>; unscored: number } {
  if (!Array.isArray(forecasts)) throw new ArgumentTypeError('scoreForecasts: forecasts must be an array of predictions');
  const daily = actuals instanceof DailyFrame ? actuals : dailyFromRows(actuals);
  const actual = weekActuals(daily);
  const naive = new Map<string, number>();
  for (const p of options.naive ?? []) naive.set(`${p.profile_id}\u0000${p.date}\u0000${p.future_period}`, p.predicted_engagement);
  const acc = new Map<string, ScoreAccumulator>();
  let unscored = 0;
  for (const p of forecasts) {
    const y = actual(p.profile_id, parseDayStrict(p.prediction_date, 'scoreForecasts: prediction_date'));
    if (y !== y) {
      unscored++;
      continue;
    }
    const labels = Object.keys(p)
      .filter((k) => k.startsWith('lo_'))
      .map((k) => k.slice(3));
    const bounds: Record<string, [number, number]> = {};
    for (const l of labels) bounds[l] = [p[`lo_${l}`]!, p[`hi_${l}`]!];
    let a = acc.get(p.future_period);
    if (!a) acc.set(p.future_period, (a = new ScoreAccumulator()));
    const nv = options.naive ? (naive.get(`${p.profile_id}\u0000${p.date}\u0000${p.future_period}`) ?? Number.NaN) : Number.NaN;
    a.add(y, p.predicted_engagement, nv, labels.length ? bounds : undefined);
  }
  return { scores: Object.fromEntries([...acc].map(([k, a]) => [k, a.result()])), unscored };
}
