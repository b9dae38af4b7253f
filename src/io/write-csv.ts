import { createWriteStream } from 'node:fs';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { formatDay, formatYearWeek } from '../calendar.js';
import { WEEKLY_COLUMNS, type Prediction } from '../schema.js';

/** A number as a CSV field: empty for missing, `inf` for infinity (as pandas writes them). */
export function csvNumber(v: number): string {
  if (v !== v) return '';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

/** A string as a CSV field, quoted when it holds a comma, quote or newline. */
export function csvText(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function writeLines(path: string | NodeJS.WritableStream, lines: Iterable<string>): Promise<void> {
  const stream: NodeJS.WritableStream = typeof path === 'string' ? createWriteStream(path) : path;
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await new Promise<void>((resolve) => stream.once('drain', resolve));
      buffer = '';
    }
  }
  if (typeof path === 'string') {
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.end(buffer, () => resolve());
    });
  } else if (buffer) {
    if (!stream.write(buffer)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
}

/**
 * Writes the weekly table as CSV with the spec's column names (N1–N8);
 * missing values are empty fields. Streams in blocks of rows, computing the
 * derived columns block by block, so memory stays flat at any size.
 */
export async function writeWeeklyCsv(weekly: WeeklyFrame, out: string | NodeJS.WritableStream): Promise<void> {
  const numeric = WEEKLY_COLUMNS.filter((c) => c !== 'profile_id' && c !== 'year_week' && c !== 'date');
  const date = weekly.column('date');
  const BLOCK = 65536;
  function* lines(): Generator<string> {
    yield `${WEEKLY_COLUMNS.join(',')}\n`;
    for (let from = 0; from < weekly.length; from += BLOCK) {
      const rows = Int32Array.from({ length: Math.min(BLOCK, weekly.length - from) }, (_, k) => from + k);
      const columns = numeric.map((c) => weekly.columnAt(c, rows));
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k]!;
        const fields: string[] = [];
        for (const name of WEEKLY_COLUMNS) {
          if (name === 'profile_id') fields.push(csvText(weekly.profileIds[weekly.profile[i]!]!));
          else if (name === 'date') fields.push(formatDay(date[i]!));
          else if (name === 'year_week') fields.push(formatYearWeek(date[i]!));
          else fields.push(csvNumber(columns[numeric.indexOf(name)]![k]!));
        }
        yield `${fields.join(',')}\n`;
      }
    }
  }
  await writeLines(out, lines());
}

/** Writes predictions as CSV: `profile_id,date,future_period,predicted_engagement,prediction_date`. */
export async function writePredictionsCsv(predictions: readonly Prediction[], out: string | NodeJS.WritableStream): Promise<void> {
  function* lines(): Generator<string> {
    yield 'profile_id,date,future_period,predicted_engagement,prediction_date\n';
    for (const p of predictions) {
      yield `${csvText(p.profile_id)},${p.date},${p.future_period},${csvNumber(p.predicted_engagement)},${p.prediction_date}\n`;
    }
  }
  await writeLines(out, lines());
}
