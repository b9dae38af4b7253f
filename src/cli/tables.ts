import type { BaselineMetrics, EngagementModel } from '../model/model-file.js';
import type { Metrics } from '../model/metrics.js';
import { TARGETS, type TargetName } from '../schema.js';

function num(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return 'n/a';
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Rows of cells as aligned text: the first column left-aligned, the others right-aligned, two spaces between columns at least. */
function textTable(rows: readonly (readonly string[])[], indent = ''): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map(
      (r) =>
        indent +
        r
          .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

/** The four models' test metrics beside the baseline, as a text table. */
export function metricsTable(metrics: Record<TargetName, Metrics>, baseline: BaselineMetrics | null): string {
  const rows: string[][] = [['model', 'MAE', 'RMSE', 'R²']];
  if (baseline) rows.push(['baseline 7d', num(baseline.MAE), num(baseline.RMSE), num(baseline.R2, 4)]);
  for (const t of TARGETS) rows.push([t.replace('engagement_future_', ''), num(metrics[t].MAE), num(metrics[t].RMSE), num(metrics[t].R2, 4)]);
  return textTable(rows);
}

/** What a model holds, readably. */
export function modelSummary(model: EngagementModel, source: string): string {
  const lines = [
    `${source}`,
    `  ${model.description}`,
    `  format ${model.formatVersion}, written by ${model.library.name} ${model.library.version}; preset ${model.preset}; features ${model.inputScaling === 'none' ? 'unscaled' : 'standardized'}`,
  ];
  if (model.training) {
    const r = model.training.rows;
    lines.push(`  trained on weeks ${model.training.from} … ${model.training.cutoff} (cutoff), tested on weeks to ${model.training.to}`);
    if ('afterTargetDrop' in r)
      lines.push(`  rows: ${r.weekly} weekly, ${r.afterTargetDrop} with targets, ${r.afterZeroDrop} not all zero, ${r.train} train, ${r.test} test`);
    else
      lines.push(
        `  rows: ${r.weekly} weekly; per horizon (7d/14d/21d/28d) train ${TARGETS.map((t) => r.train[t]).join('/')}, test ${TARGETS.map((t) => r.test[t]).join('/')}`,
      );
  } else {
    lines.push('  training data: not recorded (pretrained elsewhere)');
  }
  if (model.metrics) lines.push('', metricsTable(model.metrics, model.baseline).replace(/^/gm, '  '));
  if (model.estimator)
    lines.push(
      `  estimator ${JSON.stringify(model.estimator)}; intervals ${model.intervals ? `calibrated on origins ${model.intervals.from} … ${model.intervals.to}` : 'none'}`,
    );
  const heads = TARGETS.map((t) => model.models[t] as { coef?: number[]; intercept?: number });
  if (heads.every((h) => Array.isArray(h.coef))) {
    const coefficients: string[][] = [['feature', ...TARGETS.map((t) => t.replace('engagement_future_', ''))]];
    model.features.forEach((f, j) => coefficients.push([f, ...heads.map((h) => h.coef![j]!.toPrecision(6))]));
    coefficients.push(['(intercept)', ...heads.map((h) => h.intercept!.toPrecision(6))]);
    lines.push('', textTable(coefficients, '  '));
  }
  return lines.join('\n');
}
