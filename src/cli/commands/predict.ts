// `engagement-forecast predict`.
import { loadDaily } from '../../io/load-daily.js';
import { writeText } from '../../io/text-writer.js';
import { writePredictionsCsv } from '../../io/write-csv.js';
import { predict, predictFiles, predictInEngine } from '../../predict.js';
import type { Prediction } from '../../schema.js';
import type { WrittenForecasts } from '../../features/source.js';
import { TARGETS } from '../../schema.js';
import { ProgressBar } from '../progress.js';
import { checkIntervals } from '../../model/intervals.js';
import {
  checkModelFlags,
  COMMON,
  DATA_OPTIONS,
  dataOptions,
  ENGINE_OPTIONS,
  engineOptions,
  dateFlag,
  ensureDir,
  flag,
  jsonNeedsOut,
  listFlag,
  modelFrom,
  parse,
  toJson,
  UsageError,
  weeklySourceFlags,
  type Command,
} from '../flags.js';

export const predictCommand: Command = {
  name: 'predict',
  summary: 'forecasts per profile from recent daily rows',
  help: `Usage: engagement-forecast predict --data PATH... [--model model.json | --builtin] [options]

Forecasts for each profile: engagement per post 7, 14, 21 and 28 days after its
latest week (the notebook preset), or after the input's last complete week
(corrected), or after the week ending on the last Sunday on or before --as-of.

${DATA_OPTIONS}
${ENGINE_OPTIONS}
  --model FILE          a model file from 'train'
  --builtin             the built-in pretrained models (default when --model is not given)
  --profile ID          only this profile (repeatable)
  --since YYYY-MM-DD    use the daily rows from this day on
  --as-of YYYY-MM-DD    forecast as of this day: rows after it are not used, the
                        origin is the week ending on the last Sunday on or before it
  --intervals LIST      interval coverages, e.g. 80,95 (adds lo_80,hi_80,…; models
                        with interval calibration: corrected ones)
  --out FILE            write to a file instead of stdout
  --format csv|json     output format (default csv)
  --into TABLE          postgres, duckdb with --table: write the forecasts into this table
                        of the database (in --schema) instead: the table is replaced as
                        a whole, in one transaction, with the columns of the CSV output;
                        on failure it is left as it was
  --batch-profiles N    with --engine (and no --profile): profiles per batch (default 5000);
                        the engine sends the weekly sums in profile order and this process
                        holds one batch's weekly table at a time
${COMMON}`,
  async run(rest, context) {
    const command = 'predict';
    const { io, note } = context;
    const { values, positionals } = parse(command, rest, {
      ...dataOptions,
      ...engineOptions,
      model: { type: 'string' },
      builtin: { type: 'boolean' },
      profile: { type: 'string', multiple: true },
      since: { type: 'string' },
      'as-of': { type: 'string' },
      intervals: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      into: { type: 'string' },
      'batch-profiles': { type: 'string' },
    });
    context.quiet = values.quiet === true;
    const data = weeklySourceFlags(values, positionals, command);
    const format = (values.format as string | undefined) ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError(`${command}: --format must be csv or json`);
    const since = dateFlag(values, 'since', command);
    const asOf = dateFlag(values, 'as-of', command);
    const intervals =
      values.intervals === undefined ? undefined : flag(() => checkIntervals(listFlag(values.intervals as string).map(Number), `${command}: --intervals`));
    const out = values.out as string | undefined;
    const into = values.into as string | undefined;
    if (into !== undefined) {
      if (values.engine !== 'postgres' && !(values.engine === 'duckdb' && values.table !== undefined))
        throw new UsageError(
          `${command}: --into writes into a table of the database the rows are in: it needs --engine postgres, or --engine duckdb with --table`,
        );
      if (into === '') throw new UsageError(`${command}: --into needs a table name`);
      if (out !== undefined || values.format !== undefined)
        throw new UsageError(`${command}: --into writes the forecasts into a table, not to --out or in a --format`);
    } else jsonNeedsOut(values, out, command);
    const batchText = values['batch-profiles'] as string | undefined;
    const batchProfiles = batchText === undefined ? undefined : Number(batchText);
    if (batchText !== undefined) {
      if (values.engine === undefined || values.profile !== undefined)
        throw new UsageError(`${command}: --batch-profiles is for --engine duckdb|postgres, without --profile`);
      if (!/^[1-9]\d*$/.test(batchText) || !Number.isSafeInteger(batchProfiles))
        throw new UsageError(`${command}: --batch-profiles must be a positive integer, got '${batchText}'`);
    }
    checkModelFlags(values, command);
    const model = await modelFrom(values);
    const bar = new ProgressBar(io.stderr, context.quiet);
    const profiles = values.profile as string[] | undefined;
    const options = { ...(since ? { since } : {}), ...(asOf ? { asOf } : {}), ...(intervals ? { intervals } : {}), ...(profiles ? { profiles } : {}) };
    let predictions: Prediction[];
    let read: { rows: number; skipped: number };
    let written: WrittenForecasts | undefined;
    if (Array.isArray(data.source)) {
      const daily = await loadDaily(data.source, { onError: data.onError, onProgress: bar.callback });
      predictions = predict(model, daily, options);
      read = { rows: daily.length, skipped: daily.report.skipped };
    } else {
      // An engine: only the weeks in the window come back, a batch of profiles at a time unless some are named (and,
      // with --into, the forecasts go back).
      const settings = { ...options, onError: data.onError, onProgress: bar.callback, ...(into !== undefined ? { into } : {}) };
      const answer = profiles
        ? await predictFiles(model, data.source, settings)
        : await predictInEngine(model, data.source, { ...settings, ...(batchProfiles !== undefined ? { batchProfiles } : {}) });
      ({ report: read, written } = answer);
      predictions = answer.predictions ?? [];
    }
    bar.done();
    // Written into a table, the forecasts are not held here: the table's rows say how many.
    const count = (written ? written.rows : predictions.length) / TARGETS.length;
    let where = '';
    if (written) {
      if (values.json)
        io.stdout.write(`${toJson({ into: written.table, profiles: count, forecasts: written.rows, dailyRows: read.rows, skippedRows: read.skipped })}\n`);
      where = `; ${written.rows} forecasts written into table ${written.table}`;
    } else {
      const target = out === undefined || out === '-' ? io.stdout : out;
      if (typeof target === 'string') ensureDir(target, values);
      if (format === 'json') await writeText(target, [`${toJson(predictions, typeof target === 'string' ? 1 : undefined)}\n`]);
      else await writePredictionsCsv(predictions, target);
      if (values.json)
        io.stdout.write(`${toJson({ out, format, profiles: count, forecasts: predictions.length, dailyRows: read.rows, skippedRows: read.skipped })}\n`);
      if (typeof target === 'string') where = `; written to ${out}`;
    }
    note(`${count} profiles forecast from ${read.rows} daily rows${read.skipped ? ` (${read.skipped} unreadable rows skipped)` : ''}${where}`);
    return 0;
  },
};
