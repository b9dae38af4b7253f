import { NOTEBOOK, NOTEBOOK_LEAKY, type BacktestResult } from '../backtest/backtest.js';
import { HORIZONS } from '../schema.js';
import { REPORT_STYLE } from './style.js';

/*
 * The backtest section of the HTML reports: WAPE per horizon for each model
 * beside the baselines, nominal vs observed interval coverage, and what the
 * notebook's leak was worth. Charts are static SVG, drawn by the browser
 * with no script.
 */

const COLORS = ['#2f6fd6', '#d6452f', '#2e9e5b', '#9a5bd6', '#d6a12f', '#2fb5d6', '#7a7f8a', '#c2307f', '#5b6f2f'];

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function fixed(v: number | undefined, digits: number): string {
  return v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);
}

/** A line chart: one polyline per series over the four horizons. */
function wapeChart(result: BacktestResult, models: string[]): string {
  const W = 700,
    H = 300,
    L = 52,
    R = 300,
    T = 14,
    B = 36;
  const values = result.table.filter((r) => models.includes(r.model) && Number.isFinite(r.WAPE)).map((r) => r.WAPE);
  const lo = Math.max(0, Math.min(...values) - 0.05);
  const hi = Math.max(...values) + 0.05;
  const sx = (h: number) => L + (HORIZONS.indexOf(h as (typeof HORIZONS)[number]) / (HORIZONS.length - 1)) * (W - L - R);
  const sy = (v: number) => H - B - ((v - lo) / (hi - lo)) * (H - T - B);
  const parts: string[] = [`<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="#fff" stroke="#cfd6e0"/>`];
  for (let k = 0; k <= 5; k++) {
    const v = lo + ((hi - lo) * k) / 5;
    parts.push(
      `<line x1="${L}" x2="${W - R}" y1="${sy(v).toFixed(1)}" y2="${sy(v).toFixed(1)}" stroke="#eef1f5"/><text x="${L - 4}" y="${(sy(v) + 3).toFixed(1)}" text-anchor="end" font-size="10" fill="#5b6475">${v.toFixed(2)}</text>`,
    );
  }
  for (const h of HORIZONS) parts.push(`<text x="${sx(h).toFixed(1)}" y="${H - B + 14}" text-anchor="middle" font-size="10" fill="#5b6475">${h} days</text>`);
  models.forEach((model, m) => {
    const rows = result.table.filter((r) => r.model === model && Number.isFinite(r.WAPE));
    const color = COLORS[m % COLORS.length]!;
    const dash = /naive|window-average|notebook/.test(model) ? ' stroke-dasharray="5 3"' : '';
    parts.push(
      `<polyline class="series" fill="none" stroke="${color}" stroke-width="2"${dash} points="${rows.map((r) => `${sx(r.horizon).toFixed(1)},${sy(r.WAPE).toFixed(1)}`).join(' ')}"/>`,
    );
    for (const r of rows) parts.push(`<circle cx="${sx(r.horizon).toFixed(1)}" cy="${sy(r.WAPE).toFixed(1)}" r="3" fill="${color}"/>`);
    parts.push(
      `<line x1="${W - R + 12}" x2="${W - R + 32}" y1="${T + 10 + m * 16}" y2="${T + 10 + m * 16}" stroke="${color}" stroke-width="2"${dash}/><text x="${W - R + 36}" y="${T + 14 + m * 16}" font-size="11" fill="#1d2433">${esc(model)}</text>`,
    );
  });
  parts.push(
    `<text x="14" y="${(T + H - B) / 2}" transform="rotate(-90 14 ${(T + H - B) / 2})" text-anchor="middle" font-size="11" fill="#5b6475">WAPE (lower is better)</text>`,
  );
  return `<svg id="wape-chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="WAPE per horizon">${parts.join('')}</svg>`;
}

/** Observed against nominal coverage, per model with intervals and horizon, around the diagonal. */
function coverageChart(result: BacktestResult, models: string[]): string {
  const W = 700,
    H = 300,
    L = 52,
    R = 300,
    T = 14,
    B = 36;
  const lo = 0.5;
  const sx = (v: number) => L + ((v - lo) / (1 - lo)) * (W - L - R);
  const sy = (v: number) => H - B - ((v - lo) / (1 - lo)) * (H - T - B);
  const parts: string[] = [`<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}" fill="#fff" stroke="#cfd6e0"/>`];
  for (let v = 0.5; v <= 1.0001; v += 0.1) {
    parts.push(
      `<text x="${L - 4}" y="${(sy(v) + 3).toFixed(1)}" text-anchor="end" font-size="10" fill="#5b6475">${Math.round(v * 100)}%</text><text x="${sx(v).toFixed(1)}" y="${H - B + 14}" text-anchor="middle" font-size="10" fill="#5b6475">${Math.round(v * 100)}%</text>`,
    );
  }
  parts.push(`<line x1="${sx(lo)}" y1="${sy(lo)}" x2="${sx(1)}" y2="${sy(1)}" stroke="#8a93a3" stroke-dasharray="4 3"/>`);
  const withIntervals = models.filter((model) => result.table.some((r) => r.model === model && Object.keys(r.coverage).length > 0));
  withIntervals.forEach((model, m) => {
    const color = COLORS[models.indexOf(model) % COLORS.length]!;
    for (const r of result.table.filter((x) => x.model === model)) {
      for (const [label, observed] of Object.entries(r.coverage)) {
        const nominal = Number(label) / 100;
        parts.push(
          `<circle class="coverage-point" cx="${sx(nominal).toFixed(1)}" cy="${sy(Math.max(lo, observed)).toFixed(1)}" r="3.5" fill="${color}" fill-opacity="0.7"><title>${esc(model)} ${r.horizon}d: ${(observed * 100).toFixed(1)}% for ${label}%</title></circle>`,
        );
      }
    }
    parts.push(
      `<circle cx="${W - R + 22}" cy="${T + 10 + m * 16}" r="4" fill="${color}"/><text x="${W - R + 36}" y="${T + 14 + m * 16}" font-size="11" fill="#1d2433">${esc(model)}</text>`,
    );
  });
  parts.push(
    `<text x="${(L + W - R) / 2}" y="${H - 4}" text-anchor="middle" font-size="11" fill="#5b6475">nominal coverage</text><text x="14" y="${(T + H - B) / 2}" transform="rotate(-90 14 ${(T + H - B) / 2})" text-anchor="middle" font-size="11" fill="#5b6475">observed coverage</text>`,
  );
  return `<svg id="coverage-chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Interval coverage, nominal vs observed">${parts.join('')}</svg>`;
}

/** The backtest section: tables and two charts (and the leakage table when the notebook preset was backtested). */
export function backtestSection(result: BacktestResult): string {
  const models = [...new Set(result.table.map((r) => r.model))];
  const cell = (model: string, h: number, f: (r: (typeof result.table)[number]) => string) => {
    const r = result.table.find((x) => x.model === model && x.horizon === h);
    return r ? f(r) : '–';
  };
  const wapeRows = models
    .map(
      (m) =>
        `<tr><td>${esc(m)}</td>${HORIZONS.map((h) => `<td>${cell(m, h, (r) => fixed(r.WAPE, 4))}</td><td>${cell(m, h, (r) => fixed(r.relativeWAPE, 3))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const labels = result.settings.intervals.map((p) => String(Math.round(p * 1e4) / 100));
  const coverageRows = models
    .filter((m) => result.table.some((r) => r.model === m && Object.keys(r.coverage).length))
    .map(
      (m) =>
        `<tr><td>${esc(m)}</td>${HORIZONS.map((h) => labels.map((l) => `<td>${cell(m, h, (r) => fixed((r.coverage[l] ?? Number.NaN) * 100, 1))}</td>`).join('')).join('')}</tr>`,
    )
    .join('\n');
  const leak =
    models.includes(NOTEBOOK) && models.includes(NOTEBOOK_LEAKY)
      ? `<h3>How much of the notebook's R² was leakage</h3>
<p class="note">The same least squares, the same forecasts scored: once with features from a table of all the data, as the notebook evaluates itself (its monthly average covers the weeks it predicts, quirk Q2), once rebuilt from the rows known at each origin.</p>
<table id="leakage"><tr><th>horizon</th><th>R² leaky</th><th>R² honest</th><th>WAPE leaky</th><th>WAPE honest</th><th>naive WAPE</th></tr>
${HORIZONS.map((h) => `<tr><td>${h} days</td><td>${cell(NOTEBOOK_LEAKY, h, (r) => fixed(r.R2, 3))}</td><td>${cell(NOTEBOOK, h, (r) => fixed(r.R2, 3))}</td><td>${cell(NOTEBOOK_LEAKY, h, (r) => fixed(r.WAPE, 4))}</td><td>${cell(NOTEBOOK, h, (r) => fixed(r.WAPE, 4))}</td><td>${cell('naive', h, (r) => fixed(r.WAPE, 4))}</td></tr>`).join('\n')}
</table>`
      : '';
  return `<h2 id="backtest">Backtest</h2>
<p class="meta">Rolling origin: ${result.origins.length} origins (${esc(result.origins[0] ?? '')} … ${esc(result.origins[result.origins.length - 1] ?? '')}, every ${result.settings.step} weeks), each model refitted every ${result.settings.refitEvery} origin(s) on what was known then; forecasts per horizon scored: ${HORIZONS.map((h) => `${h}d ${result.scored[`${h}d`]}`).join(', ')}.</p>
<table id="backtest-wape"><tr><th rowspan="2">model</th>${HORIZONS.map((h) => `<th colspan="2">${h} days</th>`).join('')}</tr><tr>${HORIZONS.map(() => '<th>WAPE</th><th>vs naive</th>').join('')}</tr>
${wapeRows}
</table>
<figure><figcaption>WAPE per horizon (dashed: baselines and the notebook)</figcaption>${wapeChart(result, models)}</figure>
<h3>Interval coverage</h3>
<table id="backtest-coverage"><tr><th>model</th>${HORIZONS.map((h) => labels.map((l) => `<th>${h}d ${l}%</th>`).join('')).join('')}</tr>
${coverageRows}
</table>
<figure><figcaption>Observed vs nominal coverage (the dashed diagonal is perfect calibration)</figcaption>${coverageChart(result, models)}</figure>
${leak}`;
}

/** A self-contained HTML page of a backtest (no network, no script). */
export function renderBacktestReport(result: BacktestResult): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Engagement forecast backtest</title>
<style>
${REPORT_STYLE}
  figure { margin: 12px 0; max-width: 900px; }
</style>
</head>
<body>
<h1>Engagement forecast backtest</h1>
${backtestSection(result)}
</body>
</html>
`;
}
