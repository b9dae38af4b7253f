import * as ss from 'simple-statistics';
import { PRESETS, TARGETS, type Preset, type TargetName } from '../schema.js';
import { presetOf } from '../model/presets.js';
import type { BacktestResult } from '../backtest/backtest.js';
import { backtestSection } from './backtest-html.js';
import { REPORT_STYLE } from './style.js';
import type { Evaluation } from './evaluate.js';

/**
 * Inverse of the standard normal CDF (P. J. Acklam's rational approximation,
 * relative error < 1.2e-9). simple-statistics' `probit` is not used here: its
 * error-function approximation is off by about 3e-3 (1.9572 for p = 0.975).
 */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

const MAX_POINTS = 2500;

/** Every k-th index, so a chart holds at most MAX_POINTS points (deterministic). */
function sampleIndexes(n: number): number[] {
  const step = Math.max(1, Math.ceil(n / MAX_POINTS));
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  return out;
}

const log1p = (v: number) => Math.log10(1 + Math.max(0, v));
const symlog = (v: number) => Math.sign(v) * Math.log10(1 + Math.abs(v));
const round = (v: number) => Math.round(v * 1000) / 1000;

interface ChartSpec {
  id: string;
  title: string;
  x: string;
  y: string;
  /** Axis kinds: tick labels are 10^k for log axes, ±10^k for symlog, plain for linear. */
  xKind: 'log' | 'symlog' | 'linear';
  yKind: 'log' | 'symlog' | 'linear';
  points: [number, number][];
  /** A reference line from (x0, y0) to (x1, y1), in plotted units. */
  line?: [number, number, number, number];
}

function chartsFor(evaluation: Evaluation, target: TargetName): ChartSpec[] {
  const { actual, predicted } = evaluation.points[target];
  const idx = sampleIndexes(actual.length);
  const short = target.replace('engagement_future_', '');
  const scatter = idx.map((i) => [round(log1p(predicted[i]!)), round(log1p(actual[i]!))] as [number, number]);
  const top = Math.max(1, ...scatter.flat());
  const residuals = Float64Array.from(actual, (a, i) => a - predicted[i]!);
  const resid = idx.map((i) => [round(log1p(predicted[i]!)), round(symlog(residuals[i]!))] as [number, number]);
  // Q-Q: standardized residual quantiles against standard normal quantiles.
  const sorted = Float64Array.from(residuals).sort();
  const n = sorted.length;
  const values = Array.from(sorted);
  const mean = n > 0 ? ss.mean(values) : 0;
  const sd = (n > 1 ? ss.sampleStandardDeviation(values) : 0) || 1;
  const qq: [number, number][] = [];
  const quantiles = Math.min(n, 300);
  for (let k = 0; k < quantiles; k++) {
    const p = (k + 0.5) / quantiles;
    const i = Math.min(n - 1, Math.floor(p * n));
    qq.push([round(normalQuantile((i + 0.5) / n)), round((sorted[i]! - mean) / sd)]);
  }
  const qmax = Math.max(3, ...qq.map(([x]) => Math.abs(x)));
  return [
    {
      id: `scatter-${short}`,
      title: `Actual vs predicted, ${short}`,
      x: 'predicted',
      y: 'actual',
      xKind: 'log',
      yKind: 'log',
      points: scatter,
      line: [0, 0, top, top],
    },
    {
      id: `resid-${short}`,
      title: `Residuals vs predicted, ${short}`,
      x: 'predicted',
      y: 'actual − predicted',
      xKind: 'log',
      yKind: 'symlog',
      points: resid,
      line: [0, 0, top, 0],
    },
    {
      id: `qq-${short}`,
      title: `Residual Q-Q, ${short}`,
      x: 'normal quantile',
      y: 'standardized residual',
      xKind: 'linear',
      yKind: 'linear',
      points: qq,
      line: [-qmax, -qmax, qmax, qmax],
    },
  ];
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function fmt(v: number, digits = 2): string {
  return Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';
}

/**
 * The evaluation as one self-contained HTML page (no network): metrics for the
 * four horizons beside the baseline, actual-vs-predicted and residual plots on
 * log axes, residual Q-Q plots, and errors by follower band. Charts are SVG
 * drawn by an inline script from data embedded in the page. With
 * `backtest`, a backtest section follows (see `renderBacktestReport`).
 */
export function renderReport(evaluation: Evaluation, options: { backtest?: BacktestResult } = {}): string {
  const caveat = (PRESETS as readonly string[]).includes(evaluation.preset) ? presetOf(evaluation.preset as Preset).metricsCaveat : null;
  const charts = TARGETS.flatMap((t) => chartsFor(evaluation, t));
  const bandBars = TARGETS.map((t) => ({
    target: t.replace('engagement_future_', ''),
    bands: evaluation.bands[t].map((b) => ({ band: b.band, rows: b.rows, MAE: Number.isFinite(b.MAE) ? b.MAE : 0 })),
  }));
  const metricsRows = [
    ...(evaluation.baseline
      ? [
          `<tr><td>baseline 7d (followers, reach, impressions)</td><td>${fmt(evaluation.baseline.MAE)}</td><td>—</td><td>${fmt(evaluation.baseline.RMSE)}</td><td>${fmt(evaluation.baseline.R2, 4)}</td></tr>`,
        ]
      : []),
    ...TARGETS.map((t) => {
      const m = evaluation.metrics[t];
      return `<tr><td>${t}</td><td>${fmt(m.MAE)}</td><td>${fmt(m.MSE, 0)}</td><td>${fmt(m.RMSE)}</td><td>${fmt(m.R2, 4)}</td></tr>`;
    }),
  ].join('\n');
  const bandRows = TARGETS.map((t) =>
    evaluation.bands[t]
      .map(
        (b, k) =>
          `<tr>${k === 0 ? `<td rowspan="${evaluation.bands[t].length}">${t.replace('engagement_future_', '')}</td>` : ''}<td>${esc(b.band)}</td><td>${b.rows}</td><td>${fmt(b.MAE)}</td><td>${fmt(b.RMSE)}</td><td>${fmt(b.R2, 4)}</td></tr>`,
      )
      .join('\n'),
  ).join('\n');
  const data = JSON.stringify({ charts, bandBars }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Engagement forecast evaluation</title>
<style>
${REPORT_STYLE}
  .grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
  #backtest ~ figure { margin: 12px 0; max-width: 900px; }
</style>
</head>
<body>
<h1>Engagement forecast evaluation</h1>
<p class="meta">${esc(evaluation.description)}<br>Preset <b>${esc(evaluation.preset)}</b>; scored on the <b>${evaluation.testRows.toLocaleString('en-US')}</b> weeks after <b>${esc(evaluation.cutoff)}</b> with all four targets (engagement per post 1–4 weeks ahead).</p>

<h2>Metrics</h2>
<table id="metrics">
<tr><th>model</th><th>MAE</th><th>MSE</th><th>RMSE</th><th>R²</th></tr>
${metricsRows}
</table>
<p class="note">The baseline is least squares on followers, reach and impressions for the 7-day target, fitted on the weeks up to the cutoff of this data.</p>${caveat ? `\n<p class="note" id="caveat"><b>${esc(caveat)}</b></p>` : ''}

<h2>Actual vs predicted, residuals, Q-Q</h2>
<p class="note">Axes of engagement are log(1 + x) (values span many orders of magnitude; negative predictions sit at 0); residual axes are signed logs. Dashed lines: perfect prediction, zero residual, normal residuals. At most ${MAX_POINTS.toLocaleString('en-US')} points a chart (every k-th test row).</p>
<div class="grid" id="charts"></div>

<h2>Errors by follower band</h2>
<p class="note">Bands by the week's average daily followers.</p>
<div class="grid" id="bands"></div>
<table id="band-table">
<tr><th>horizon</th><th>band</th><th>rows</th><th>MAE</th><th>RMSE</th><th>R²</th></tr>
${bandRows}
</table>

${options.backtest ? backtestSection(options.backtest) : ''}

<script type="application/json" id="report-data">${data}</script>
<script>
(function () {
  var NS = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, x, y, s, anchor, size) {
    var t = el('text', { x: x, y: y, 'text-anchor': anchor || 'middle', 'font-size': size || 10, fill: '#5b6475' }, parent);
    t.textContent = s;
    return t;
  }
  function tickLabel(v, kind) {
    if (kind === 'linear') return String(Math.round(v * 10) / 10);
    var p = Math.round(Math.abs(v));
    var s = p === 0 ? '0' : p <= 3 ? String(Math.pow(10, p)) : '1e' + p;
    return v < 0 ? '−' + s : s;
  }
  function ticks(lo, hi, kind) {
    var out = [];
    if (kind === 'linear') { var step = Math.max(0.5, Math.ceil((hi - lo) / 6)); for (var v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v); return out; }
    for (var k = Math.ceil(lo); k <= Math.floor(hi); k++) out.push(k);
    return out;
  }
  function frame(parent, spec, xs, ys) {
    var W = 360, H = 280, L = 48, R = 10, T = 10, B = 38;
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': spec.title }, parent);
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    if (x1 - x0 < 1e-9) { x0 -= 1; x1 += 1; } if (y1 - y0 < 1e-9) { y0 -= 1; y1 += 1; }
    var sx = function (v) { return L + (v - x0) / (x1 - x0) * (W - L - R); };
    var sy = function (v) { return H - B - (v - y0) / (y1 - y0) * (H - T - B); };
    el('rect', { x: L, y: T, width: W - L - R, height: H - T - B, fill: '#fff', stroke: '#cfd6e0' }, svg);
    ticks(x0, x1, spec.xKind).forEach(function (v) { el('line', { x1: sx(v), x2: sx(v), y1: T, y2: H - B, stroke: '#eef1f5' }, svg); text(svg, sx(v), H - B + 13, tickLabel(v, spec.xKind)); });
    ticks(y0, y1, spec.yKind).forEach(function (v) { el('line', { x1: L, x2: W - R, y1: sy(v), y2: sy(v), stroke: '#eef1f5' }, svg); text(svg, L - 4, sy(v) + 3, tickLabel(v, spec.yKind), 'end'); });
    text(svg, (L + W - R) / 2, H - 6, spec.x, 'middle', 11);
    var yl = text(svg, 12, (T + H - B) / 2, spec.y, 'middle', 11); yl.setAttribute('transform', 'rotate(-90 12 ' + (T + H - B) / 2 + ')');
    return { svg: svg, sx: sx, sy: sy };
  }
  var charts = document.getElementById('charts');
  var drawn = 0;
  data.charts.forEach(function (spec) {
    var fig = document.createElement('figure');
    fig.id = spec.id;
    var cap = document.createElement('figcaption'); cap.textContent = spec.title; fig.appendChild(cap);
    charts.appendChild(fig);
    var xs = spec.points.map(function (p) { return p[0]; }), ys = spec.points.map(function (p) { return p[1]; });
    if (spec.line) { xs.push(spec.line[0], spec.line[2]); ys.push(spec.line[1], spec.line[3]); }
    var f = frame(fig, spec, xs, ys);
    var g = el('g', { fill: '#2f6fd6', 'fill-opacity': 0.35 }, f.svg);
    spec.points.forEach(function (p) { el('circle', { cx: f.sx(p[0]).toFixed(1), cy: f.sy(p[1]).toFixed(1), r: 1.8 }, g); });
    if (spec.line) el('line', { x1: f.sx(spec.line[0]), y1: f.sy(spec.line[1]), x2: f.sx(spec.line[2]), y2: f.sy(spec.line[3]), stroke: '#d6452f', 'stroke-dasharray': '4 3' }, f.svg);
    drawn++;
  });
  var bands = document.getElementById('bands');
  data.bandBars.forEach(function (b) {
    var fig = document.createElement('figure');
    fig.id = 'bands-' + b.target;
    var cap = document.createElement('figcaption'); cap.textContent = 'MAE by follower band, ' + b.target; fig.appendChild(cap);
    bands.appendChild(fig);
    var W = 360, H = 200, L = 48, B = 30, T = 10;
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': cap.textContent }, fig);
    var max = Math.max.apply(null, b.bands.map(function (x) { return x.MAE; }).concat([1]));
    var bw = (W - L - 10) / b.bands.length;
    b.bands.forEach(function (x, i) {
      var h = x.MAE / max * (H - T - B);
      el('rect', { x: L + i * bw + 6, y: H - B - h, width: bw - 12, height: Math.max(h, 0.5), fill: '#2f6fd6' }, svg);
      text(svg, L + i * bw + bw / 2, H - B + 13, x.band);
      text(svg, L + i * bw + bw / 2, H - B - h - 3, x.rows ? Math.round(x.MAE).toLocaleString('en-US') : 'no rows');
    });
    el('line', { x1: L, x2: W - 10, y1: H - B, y2: H - B, stroke: '#8a93a3' }, svg);
    drawn++;
  });
  document.body.setAttribute('data-charts-drawn', String(drawn));
})();
</script>
</body>
</html>
`;
}
