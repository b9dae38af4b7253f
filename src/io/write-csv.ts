import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { PREDICTION_FLAGS, type Prediction } from '../schema.js';
import { writeText } from './text-writer.js';

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

/**
 * Writes the weekly table as CSV with the spec's column names (N1–N8);
 * missing values are empty fields. Streams in blocks of rows, computing the
 * derived columns block by block, so memory stays flat at any size.
 */
export async function writeWeeklyCsv(weekly: WeeklyFrame, out: string | NodeJS.WritableStream): Promise<void> {
  const BLOCK = 65536;
  function* lines(): Generator<string> {
    yield `${weekly.fields(csvNumber, csvText, []).names.join(',')}\n`;
    for (let from = 0; from < weekly.length; from += BLOCK) {
      const rows = Int32Array.from({ length: Math.min(BLOCK, weekly.length - from) }, (_, k) => from + k);
      const { at } = weekly.fields(csvNumber, csvText, rows);
      for (let k = 0; k < rows.length; k++) {
        let line = at[0]!(k);
        for (let c = 1; c < at.length; c++) line += `,${at[c]!(k)}`;
        yield `${line}\n`;
      }
    }
  }
  await writeText(out, lines());
}

/** The caveat columns of a prediction, in CSV order. */
const FLAGS = PREDICTION_FLAGS;

/**
 * Writes predictions as CSV: `profile_id,date,future_period,predicted_engagement,prediction_date`,
 * then the caveat flags (`partial_week,no_recent_posts,clipped,imputed,cold_start,non_finite_input` as
 * `true`/`false`) and the interval bounds (`lo_80,hi_80,…`) the first
 * prediction has.
 */
export async function writePredictionsCsv(predictions: readonly Prediction[], out: string | NodeJS.WritableStream): Promise<void> {
  const first = predictions[0];
  const flags = FLAGS.filter((f) => first !== undefined && typeof first[f] === 'boolean');
  const bounds = first ? Object.keys(first).filter((k) => /^(lo|hi)_/.test(k)) : [];
  function* lines(): Generator<string> {
    yield `${['profile_id', 'date', 'future_period', 'predicted_engagement', 'prediction_date', ...flags, ...bounds].join(',')}\n`;
    for (const p of predictions) {
      let line = `${csvText(p.profile_id)},${p.date},${p.future_period},${csvNumber(p.predicted_engagement)},${p.prediction_date}`;
      for (const f of flags) line += `,${p[f]}`;
      for (const b of bounds) line += `,${csvNumber((p as unknown as Record<string, number>)[b]!)}`;
      yield `${line}\n`;
    }
  }
  await writeText(out, lines());
}
