import { csvNumber, csvText } from '../io/write-csv.js';
import type { BacktestResult, BacktestRow } from './backtest.js';

/** The columns of a backtest table, in order; `coverage_X` and `width_X` follow for each interval label. */
const COLUMNS = ['model', 'horizon', 'n', 'MAE', 'RMSE', 'WAPE', 'relativeWAPE', 'bias'] as const;

/** The interval labels of a backtest, in order. */
function labelsOf(result: BacktestResult): string[] {
  return result.settings.intervals.map((p) => String(Math.round(p * 1e4) / 100));
}

/** A backtest's table as CSV: one row per model and horizon, missing values as empty fields. */
export function backtestCsv(result: BacktestResult): string {
  const labels = labelsOf(result);
  const header = [...COLUMNS, ...labels.flatMap((l) => [`coverage_${l}`, `width_${l}`])];
  const lines = [header.join(',')];
  for (const row of result.table) {
    const cells = [csvText(row.model), String(row.horizon), ...COLUMNS.slice(2).map((c) => csvNumber(row[c] as number))];
    for (const l of labels) cells.push(csvNumber(row.coverage[l] ?? Number.NaN), csvNumber(row.width[l] ?? Number.NaN));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function fixed(v: number | undefined, digits: number): string {
  return v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);
}

/** A backtest's table as aligned text, for a terminal. */
export function backtestTable(result: BacktestResult): string {
  const labels = labelsOf(result);
  const rows: string[][] = [['model', 'days', 'n', 'MAE', 'RMSE', 'WAPE', 'vs naive', 'bias', ...labels.map((l) => `cover ${l}%`)]];
  for (const r of result.table as BacktestRow[]) {
    rows.push([
      r.model,
      String(r.horizon),
      String(r.n),
      fixed(r.MAE, 1),
      fixed(r.RMSE, 1),
      fixed(r.WAPE, 4),
      fixed(r.relativeWAPE, 3),
      fixed(r.bias, 1),
      ...labels.map((l) => fixed(r.coverage[l] === undefined ? undefined : r.coverage[l]! * 100, 1)),
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
