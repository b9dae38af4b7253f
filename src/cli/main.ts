#!/usr/bin/env node
// The `engagement-forecast` command.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DataError, isArgumentError, ModelError, WriteError } from '../errors.js';
import { generateDaily } from '../generate.js';
import { loadDaily } from '../io/load-daily.js';
import { loadWeekly } from '../io/load-weekly.js';
import { writeText } from '../io/text-writer.js';
import { writePredictionsCsv, writeWeeklyCsv } from '../io/write-csv.js';
import { loadBuiltinModel } from '../model/builtin.js';
import { loadModel, MODEL_KINDS, saveModel, type EngagementModel } from '../model/model-file.js';
import { trainModels } from '../model/train.js';
import { predict } from '../predict.js';
import { evaluateModel } from '../report/evaluate.js';
import { renderReport } from '../report/html.js';
import { parseDayStrict } from '../calendar.js';
import { checkOnError, checkPreset, checkWorkers, DEFAULT_CUTOFF, TARGETS, type OnError, type Preset } from '../schema.js';
import { VERSION } from '../version.js';
import { formatBytes, ProgressBar, type TerminalLike } from './progress.js';
import { metricsTable, modelSummary } from './tables.js';
import { backtestCsv, backtestTable } from '../backtest/table.js';
import { backtest } from '../backtest/backtest.js';
import { checkIntervals } from '../model/intervals.js';
import { checkModelSpec, DEFAULT_CALIBRATION_WEEKS, DEFAULT_CORRECTED_MODEL } from '../model/train-corrected.js';
import { renderBacktestReport } from '../report/backtest-html.js';
import { DEFAULT_SERVICE_LIMITS } from '../server/limits.js';

/** A mistake in how the command was called (exit code 2). */
class UsageError extends Error {}

const COMMON = `Common options:
  --quiet               no progress bars or notes on stderr
  --json                a machine-readable summary (JSON) on stdout; data goes to --out
  -h, --help            this help`;

const DATA_OPTIONS = `  --data PATH...        daily CSV files (.csv, .csv.gz) or folders searched for them; repeat --data or list paths after it
  --on-error MODE       throw (default): stop at the first unreadable row; skip: skip such rows and report them
  --workers N           reading threads (default: one per core for large inputs)`;

const HELP: Record<string, string> = {
  main: `engagement-forecast ${VERSION} — forecast Instagram engagement per post 7, 14, 21 and 28 days ahead

Usage: engagement-forecast <command> [options]

Commands:
  train      train the four models (and the baseline) and write a model file
  predict    forecasts per profile from recent daily rows
  backtest   rolling-origin backtest of models against naive baselines
  serve      the prediction service (HTTP API)
  weekly     the weekly feature table as CSV
  evaluate   score a model on the weeks after a cutoff (optionally an HTML report)
  models     inspect a model file
  generate   write realistic synthetic daily CSVs

Run 'engagement-forecast <command> --help' (or 'engagement-forecast help <command>')
for a command's options.
  -v, --version         print the version

Results go to stdout or to the files named; notes go to stderr (none with
--quiet), progress bars too when stderr is a terminal. Exit codes: 0 success,
1 bad data, a bad model file, or arguments that do not fit the data, 2 a usage
error (nothing was read), 70 an internal error (a bug: the trace is printed).`,
  train: `Usage: engagement-forecast train --data PATH... --out model.json [options]

Trains one model per horizon on the weeks up to the cutoff, scores them on
the weeks after it, and writes the model file.

${DATA_OPTIONS}
  --cutoff YYYY-MM-DD   train on the weeks whose Sunday is on or before this day
                        (corrected: whose 28-day target is), test on the weeks
                        after it (default ${DEFAULT_CUTOFF})
  --preset NAME         notebook (default: the notebooks' least squares, quirks
                        included) or corrected (docs/quirks.md)
  --model KIND          corrected only: ${MODEL_KINDS.join(', ')}
                        (default ${DEFAULT_CORRECTED_MODEL.kind}; docs/models.md)
  --calibration-weeks N corrected only: interval calibration origins before the
                        cutoff (default ${DEFAULT_CALIBRATION_WEEKS}; 0 for no intervals)
  --out FILE            the model file to write (required)
  --metrics FILE        also write the metrics as JSON
${COMMON}`,
  predict: `Usage: engagement-forecast predict --data PATH... [--model model.json | --builtin] [options]

Forecasts for each profile from its latest week (step P).

${DATA_OPTIONS}
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
${COMMON}`,
  backtest: `Usage: engagement-forecast backtest --data PATH... [options]

Rolling-origin backtest (corrected preset): at each origin, each model is fitted
on what was known then and forecasts 7, 14, 21 and 28 days ahead for every
profile that has posted by then; the forecasts are scored against what
happened, beside the naive forecast (the last week with posts) and window
averages. Prints the table (MAE, RMSE, WAPE, WAPE relative to naive, bias,
interval coverage and width).

${DATA_OPTIONS}
  --models LIST         comma-separated kinds (default ${DEFAULT_CORRECTED_MODEL.kind},naive,window-average:4,
                        window-average:13); window-average:W for a W-week window
  --notebook            also backtest the notebook preset, rebuilt as of each origin
  --origins N           number of origins (default 6)
  --step WEEKS          weeks between origins (default 4)
  --last YYYY-MM-DD     the last origin (default: the last Sunday with 28 days of data after it)
  --refit-every K       refit every K origins (default 1)
  --intervals LIST      coverages to score (default 80,95)
  --out FILE            also write the table: .json or .csv by the name
  --report FILE         also write an HTML report of the backtest
${COMMON}`,
  serve: `Usage: engagement-forecast serve [--model FILE | --builtin] [--host H] [--port P] [--workers N] [options]

Runs the prediction service (docs/service.md): POST /v1/forecast, GET /v1/model,
/healthz, /readyz, /metrics (Prometheus), /openapi.json. Logs are JSON lines on
stdout, one per request. SIGHUP reloads the model (a bad file keeps the old one);
SIGTERM or SIGINT drains (readiness 503), finishes in-flight requests, exits 0.

  --model FILE          the model file to serve
  --builtin             the built-in pretrained models (default without --model)
  --host H              address to listen on (default 127.0.0.1)
  --port P              port (default 8080; 0 for any free port)
  --workers N           processes sharing the port (default 1)
  --watch               also reload when the model file changes
  --max-rows N          most daily rows per request (default ${DEFAULT_SERVICE_LIMITS.maxRows})
  --max-profiles N      most profiles per request (default ${DEFAULT_SERVICE_LIMITS.maxProfiles})
  --body-limit BYTES    largest request body (default ${DEFAULT_SERVICE_LIMITS.bodyLimit})
  --drain-ms MS         on SIGTERM, how long /readyz reports 503 before closing (default 0)
  --log-level LEVEL     info (default), warn, error, silent
  --quiet               no notes on stderr, and no request logs
  -h, --help            this help`,
  weekly: `Usage: engagement-forecast weekly --data PATH... --out weekly.csv [options]

Writes the weekly feature table (steps N1–N8) with the notebook's column names;
missing values are empty fields.

${DATA_OPTIONS}
  --preset NAME         notebook (default) or corrected
  --out FILE            the CSV to write ('-' for stdout)
${COMMON}`,
  evaluate: `Usage: engagement-forecast evaluate --data PATH... [--model model.json | --builtin] [--report report.html] [options]

Scores a model on the weeks after the cutoff (all four horizons, beside the
baseline fitted on the weeks up to it), optionally with an HTML report.

${DATA_OPTIONS}
  --model FILE          the model file (or --builtin)
  --builtin             the built-in pretrained models
  --cutoff YYYY-MM-DD   score the weeks whose Sunday is after this day (default: the
                        model's training cutoff; ${DEFAULT_CUTOFF} for the built-in model)
  --report FILE         also write a self-contained HTML report
${COMMON}`,
  models: `Usage: engagement-forecast models inspect model.json | --builtin

Shows what a model file holds: preset, training range and rows, metrics and
coefficients.
${COMMON}`,
  generate: `Usage: engagement-forecast generate --profiles N --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--seed S] [--dynamics]

Writes realistic synthetic daily CSVs in the real layout, one file a month
(see docs/data-model.md). The same seed gives byte-identical files.

  --profiles N          number of profiles (~182 rows each over two years)
  --from, --to          the first and last day
  --seed S              seed (default 1)
  --dynamics            engagement rates that drift and change regime, viral
                        posts, changing posting habits (default: stationary)
  --out DIR             the folder to write into
${COMMON}`,
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(command: string, argv: string[], options: ParseArgsConfig['options']): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...options, help: { type: 'boolean', short: 'h' }, quiet: { type: 'boolean' }, json: { type: 'boolean' } },
    });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Runs one of the library's option validators on a flag: its wrong-argument errors become usage errors (exit 2), before any data is read. */
function flag<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (isArgumentError(error)) throw new UsageError(error.message);
    throw error;
  }
}

const dataOptions = {
  data: { type: 'string', multiple: true },
  'on-error': { type: 'string' },
  workers: { type: 'string' },
} as const;

/** The options every command that reads daily data shares, validated. */
function dataFlags(values: Values, positionals: string[], command: string): { paths: string[]; onError: OnError; workers?: number } {
  const paths = [...((values.data as string[] | undefined) ?? []), ...positionals];
  if (paths.length === 0) throw new UsageError(`${command}: --data is required (files or folders of daily CSVs)`);
  const onError = flag(() => checkOnError(values['on-error'], command, '--on-error'));
  const raw = values.workers as string | undefined;
  const workers = flag(() => checkWorkers(raw === undefined ? undefined : /^\d+$/.test(raw) ? Number(raw) : raw, command, '--workers'));
  return { paths, onError, ...(workers === undefined ? {} : { workers }) };
}

/** A comma-separated flag as a list. */
function listFlag(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** A model flag: a kind, or `window-average:W`. */
function modelFlag(value: string): string | { kind: string; weeks: number } {
  const m = /^window-average:(\d+)$/.exec(value);
  return m ? { kind: 'window-average', weeks: Number(m[1]) } : value;
}

function presetFlag(values: Values, command: string): Preset {
  return flag(() => checkPreset(values.preset, command, '--preset'));
}

/** A `YYYY-MM-DD` flag, checked by the library's own date rule. */
function dateFlag(values: Values, name: string, command: string): string | undefined {
  const v = values[name] as string | undefined;
  if (v !== undefined) flag(() => parseDayStrict(v, `${command}: --${name}`));
  return v;
}

function required(values: Values, name: string, command: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`${command}: --${name} is required`);
  return v;
}

/** `--json` prints a summary on stdout, so the command's data must go to a file. */
function jsonNeedsOut(values: Values, out: string | undefined, command: string): void {
  if (values.json && (out === undefined || out === '-')) {
    throw new UsageError(`${command}: --json prints a summary on stdout; give --out FILE for the ${command === 'weekly' ? 'table' : 'forecasts'}`);
  }
}

async function modelFrom(values: Values): Promise<EngagementModel> {
  return typeof values.model === 'string' ? loadModel(values.model) : loadBuiltinModel();
}

function checkModelFlags(values: Values, command: string): void {
  if (values.model && values.builtin) throw new UsageError(`${command}: give --model or --builtin, not both`);
}

/** JSON for output files and stdout: JSON has no NaN or Infinity, so they are written as null. */
function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), indent);
}

/** Makes the folder a file goes into; a failure is a `WriteError` naming the file. */
function ensureDir(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new WriteError(file, error);
  }
}

/** Writes a file through the library's writer: complete, or not at all. */
async function writeFileText(path: string, text: string): Promise<void> {
  ensureDir(path);
  await writeText(path, [text]);
}

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: TerminalLike;
}

/** Whether an error is a write to a closed pipe (`… | head`): the reader has all it wants. */
function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/**
 * Runs the command line; returns the exit code: 0 success, 1 a data, model or
 * argument problem found while running, 2 a usage error (found before any
 * data is read), 70 a bug (with its stack).
 */
export async function run(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [first, ...afterFirst] = argv;
  // `help train` is `train --help`.
  const [command, ...rest] = first === 'help' && afterFirst.length > 0 ? [afterFirst[0]!, '--help'] : argv;
  let quiet = false;
  const note = (text: string) => {
    if (!quiet) io.stderr.write(`${text}\n`);
  };
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${HELP.main}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (!(command in HELP) || command === 'main') throw new UsageError(`unknown command '${command}' (try --help)`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${HELP[command]}\n`);
      return 0;
    }

    switch (command) {
      case 'train': {
        const { values, positionals } = parse(command, rest, {
          ...dataOptions,
          cutoff: { type: 'string' },
          preset: { type: 'string' },
          model: { type: 'string' },
          'calibration-weeks': { type: 'string' },
          out: { type: 'string' },
          metrics: { type: 'string' },
        });
        quiet = values.quiet === true;
        const data = dataFlags(values, positionals, command);
        const out = required(values, 'out', command);
        const cutoff = dateFlag(values, 'cutoff', command) ?? DEFAULT_CUTOFF;
        const preset = presetFlag(values, command);
        if (preset !== 'corrected' && (values.model !== undefined || values['calibration-weeks'] !== undefined)) throw new UsageError(`${command}: --model and --calibration-weeks need --preset corrected`);
        const modelSpec = values.model === undefined ? undefined : flag(() => checkModelSpec(modelFlag(values.model as string), command));
        const weeksFlag = values['calibration-weeks'] as string | undefined;
        if (weeksFlag !== undefined && !/^\d+$/.test(weeksFlag)) throw new UsageError(`${command}: --calibration-weeks must be a non-negative integer`);
        const bar = new ProgressBar(io.stderr, quiet);
        const { weekly, report } = await loadWeekly(data.paths, { preset, onError: data.onError, onProgress: bar.callback, ...(data.workers ? { workers: data.workers } : {}) });
        bar.done();
        note(`read ${report.rows} daily rows from ${report.files.length} files (${formatBytes(report.bytes)})${report.skipped ? `, skipped ${report.skipped} unreadable rows (first: ${report.skippedExamples[0]?.message})` : ''}; ${weekly.length} weekly rows`);
        const trained = trainModels(weekly, {
          cutoff,
          onProgress: bar.callback,
          ...(modelSpec ? { model: modelSpec } : {}),
          ...(weeksFlag !== undefined ? { calibrationWeeks: Number(weeksFlag) } : {}),
        });
        bar.done();
        for (const w of trained.warnings) note(`note: ${w}`);
        const summary = { model: out, rows: trained.rows, metrics: trained.metrics, baseline: trained.baseline, warnings: trained.warnings, skippedRows: report.skipped };
        // The metrics first: a model file is only left behind when everything it reports was written.
        if (typeof values.metrics === 'string') await writeFileText(values.metrics, `${toJson(summary, 1)}\n`);
        ensureDir(out);
        await saveModel(trained.model, out);
        if (values.json) io.stdout.write(`${toJson(summary)}\n`);
        else {
          const r = trained.rows;
          const counts = 'afterTargetDrop' in r ? `train rows ${r.train}, test rows ${r.test}` : `train rows ${TARGETS.map((t) => r.train[t]).join('/')}, test rows ${TARGETS.map((t) => r.test[t]).join('/')} (7d/14d/21d/28d)`;
          io.stdout.write(`${metricsTable(trained.metrics, trained.baseline)}\n${counts}; model written to ${out}\n`);
        }
        return 0;
      }
      case 'weekly': {
        const { values, positionals } = parse(command, rest, { ...dataOptions, preset: { type: 'string' }, out: { type: 'string' } });
        quiet = values.quiet === true;
        const data = dataFlags(values, positionals, command);
        const out = required(values, 'out', command);
        const preset = presetFlag(values, command);
        jsonNeedsOut(values, out, command);
        const bar = new ProgressBar(io.stderr, quiet);
        const { weekly, report } = await loadWeekly(data.paths, { preset, onError: data.onError, onProgress: bar.callback, ...(data.workers ? { workers: data.workers } : {}) });
        bar.done();
        if (out !== '-') ensureDir(out);
        await writeWeeklyCsv(weekly, out === '-' ? io.stdout : out);
        const summary = { out, weeklyRows: weekly.length, profiles: weekly.profileIds.length, dailyRows: report.rows, skippedRows: report.skipped };
        if (values.json) io.stdout.write(`${toJson(summary)}\n`);
        note(`wrote ${weekly.length} weekly rows of ${weekly.profileIds.length} profiles to ${out === '-' ? 'stdout' : out} (from ${report.rows} daily rows${report.skipped ? `, ${report.skipped} skipped` : ''})`);
        return 0;
      }
      case 'predict': {
        const { values, positionals } = parse(command, rest, {
          ...dataOptions,
          model: { type: 'string' },
          builtin: { type: 'boolean' },
          profile: { type: 'string', multiple: true },
          since: { type: 'string' },
          'as-of': { type: 'string' },
          intervals: { type: 'string' },
          out: { type: 'string' },
          format: { type: 'string' },
        });
        quiet = values.quiet === true;
        const data = dataFlags(values, positionals, command);
        const format = (values.format as string | undefined) ?? 'csv';
        if (format !== 'csv' && format !== 'json') throw new UsageError(`${command}: --format must be csv or json`);
        const since = dateFlag(values, 'since', command);
        const asOf = dateFlag(values, 'as-of', command);
        const intervals = values.intervals === undefined ? undefined : flag(() => checkIntervals(listFlag(values.intervals as string).map(Number), `${command}: --intervals`));
        const out = values.out as string | undefined;
        jsonNeedsOut(values, out, command);
        checkModelFlags(values, command);
        const model = await modelFrom(values);
        const bar = new ProgressBar(io.stderr, quiet);
        const daily = await loadDaily(data.paths, { onError: data.onError, onProgress: bar.callback });
        bar.done();
        const profiles = values.profile as string[] | undefined;
        const predictions = predict(model, daily, { ...(since ? { since } : {}), ...(asOf ? { asOf } : {}), ...(intervals ? { intervals } : {}), ...(profiles ? { profiles } : {}) });
        const target = out === undefined || out === '-' ? io.stdout : out;
        if (typeof target === 'string') ensureDir(target);
        if (format === 'json') await writeText(target, [`${toJson(predictions, typeof target === 'string' ? 1 : undefined)}\n`]);
        else await writePredictionsCsv(predictions, target);
        const count = predictions.length / TARGETS.length;
        if (values.json) io.stdout.write(`${toJson({ out, format, profiles: count, forecasts: predictions.length, dailyRows: daily.length, skippedRows: daily.report.skipped })}\n`);
        note(`${count} profiles forecast from ${daily.length} daily rows${daily.report.skipped ? ` (${daily.report.skipped} unreadable rows skipped)` : ''}${typeof target === 'string' ? `; written to ${out}` : ''}`);
        return 0;
      }
      case 'backtest': {
        const { values, positionals } = parse(command, rest, {
          ...dataOptions,
          models: { type: 'string' },
          notebook: { type: 'boolean' },
          origins: { type: 'string' },
          step: { type: 'string' },
          last: { type: 'string' },
          'refit-every': { type: 'string' },
          intervals: { type: 'string' },
          out: { type: 'string' },
          report: { type: 'string' },
        });
        quiet = values.quiet === true;
        const data = dataFlags(values, positionals, command);
        const models = values.models === undefined ? undefined : listFlag(values.models as string).map((m) => flag(() => checkModelSpec(modelFlag(m), command)));
        const count = (name: string): number | undefined => {
          const v = values[name] as string | undefined;
          if (v === undefined) return undefined;
          if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`${command}: --${name} must be a positive integer`);
          return Number(v);
        };
        const last = dateFlag(values, 'last', command);
        const intervals = values.intervals === undefined ? undefined : flag(() => checkIntervals(listFlag(values.intervals as string).map(Number), `${command}: --intervals`));
        const out = values.out as string | undefined;
        if (out !== undefined && !/\.(json|csv)$/.test(out)) throw new UsageError(`${command}: --out must name a .json or .csv file`);
        const settings = { origins: count('origins'), step: count('step'), refitEvery: count('refit-every') };
        const bar = new ProgressBar(io.stderr, quiet);
        const daily = await loadDaily(data.paths, { onError: data.onError, onProgress: bar.callback });
        bar.done();
        const result = backtest(daily, {
          ...(models ? { models } : {}),
          ...(values.notebook ? { notebook: true } : {}),
          ...(settings.origins ? { origins: settings.origins } : {}),
          ...(settings.step ? { step: settings.step } : {}),
          ...(settings.refitEvery ? { refitEvery: settings.refitEvery } : {}),
          ...(last ? { last } : {}),
          ...(intervals ? { intervals } : {}),
          onProgress: bar.callback,
        });
        bar.done();
        if (out) await writeFileText(out, out.endsWith('.json') ? `${toJson(result, 1)}\n` : backtestCsv(result));
        if (typeof values.report === 'string') await writeFileText(values.report, renderBacktestReport(result));
        if (values.json) io.stdout.write(`${toJson(result)}\n`);
        else io.stdout.write(`${backtestTable(result)}\n`);
        note(`origins ${result.origins.join(', ')}; ${result.noHistory} profile-origins without a posting week were not scored${out ? `; table written to ${out}` : ''}`);
        return 0;
      }
      case 'serve': {
        const { values } = parse(command, rest, {
          model: { type: 'string' },
          builtin: { type: 'boolean' },
          host: { type: 'string' },
          port: { type: 'string' },
          workers: { type: 'string' },
          watch: { type: 'boolean' },
          'max-rows': { type: 'string' },
          'max-profiles': { type: 'string' },
          'body-limit': { type: 'string' },
          'drain-ms': { type: 'string' },
          'log-level': { type: 'string' },
        });
        quiet = values.quiet === true;
        checkModelFlags(values, command);
        const int = (name: string, min: number): number | undefined => {
          const v = values[name] as string | undefined;
          if (v === undefined) return undefined;
          if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${command}: --${name} must be an integer of at least ${min}`);
          return Number(v);
        };
        const port = int('port', 0);
        if (port !== undefined && port > 65535) throw new UsageError(`${command}: --port must be at most 65535`);
        const level = (values['log-level'] as string | undefined) ?? (quiet ? 'silent' : 'info');
        if (!['info', 'warn', 'error', 'silent', 'debug'].includes(level)) throw new UsageError(`${command}: --log-level must be info, warn, error or silent`);
        const limits = { maxRows: int('max-rows', 1), maxProfiles: int('max-profiles', 1), bodyLimit: int('body-limit', 1) };
        const { serve } = await import('../server/serve.js');
        const model = typeof values.model === 'string' ? values.model : undefined;
        await serve({
          ...(model ? { model } : {}),
          host: (values.host as string | undefined) ?? '127.0.0.1',
          port: port ?? 8080,
          workers: int('workers', 1) ?? 1,
          watch: values.watch === true,
          drainDelayMs: int('drain-ms', 0) ?? 0,
          limits: Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
          logger: { level },
          note,
          onListening: (address) => note(`listening on ${address}, serving ${model ?? 'the built-in model'}`),
        });
        return -1; // running: the process ends on SIGTERM/SIGINT
      }
      case 'evaluate': {
        const { values, positionals } = parse(command, rest, { ...dataOptions, model: { type: 'string' }, builtin: { type: 'boolean' }, cutoff: { type: 'string' }, report: { type: 'string' } });
        quiet = values.quiet === true;
        const data = dataFlags(values, positionals, command);
        const reportPath = values.report as string | undefined;
        const cutoffFlag = dateFlag(values, 'cutoff', command);
        checkModelFlags(values, command);
        const model = await modelFrom(values);
        const cutoff = cutoffFlag ?? model.training?.cutoff ?? DEFAULT_CUTOFF;
        const bar = new ProgressBar(io.stderr, quiet);
        const { weekly } = await loadWeekly(data.paths, { preset: model.preset, onError: data.onError, onProgress: bar.callback, ...(data.workers ? { workers: data.workers } : {}) });
        bar.done();
        const evaluation = evaluateModel(model, weekly, { cutoff });
        if (reportPath) await writeFileText(reportPath, renderReport(evaluation));
        if (values.json) {
          io.stdout.write(`${toJson({ cutoff, testRows: evaluation.testRows, metrics: evaluation.metrics, baseline: evaluation.baseline, bands: evaluation.bands, report: reportPath ?? null })}\n`);
        } else {
          io.stdout.write(`${metricsTable(evaluation.metrics, evaluation.baseline)}\n${evaluation.testRows} test rows after ${cutoff}${reportPath ? `; report written to ${reportPath}` : ''}\n`);
        }
        return 0;
      }
      case 'models': {
        const { values, positionals } = parse(command, rest, { builtin: { type: 'boolean' } });
        quiet = values.quiet === true;
        const [sub, file] = positionals;
        if (sub !== 'inspect') throw new UsageError(`models: unknown subcommand ${sub ? `'${sub}'` : '(none)'}; use 'models inspect model.json'`);
        if (!file && !values.builtin) throw new UsageError('models inspect: name a model file, or --builtin');
        if (file && values.builtin) throw new UsageError('models inspect: name a model file or --builtin, not both');
        const model = file ? await loadModel(file) : loadBuiltinModel();
        io.stdout.write(values.json ? `${toJson(model, 1)}\n` : `${modelSummary(model, file ?? 'built-in model')}\n`);
        return 0;
      }
      case 'generate': {
        const { values } = parse(command, rest, { profiles: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, dynamics: { type: 'boolean' } });
        quiet = values.quiet === true;
        const profiles = Number(required(values, 'profiles', command));
        if (!Number.isInteger(profiles) || profiles < 1) throw new UsageError('generate: --profiles must be a positive integer');
        const seed = Number(values.seed ?? 1);
        if (!Number.isInteger(seed)) throw new UsageError('generate: --seed must be an integer');
        const from = dateFlag(values, 'from', command);
        const to = dateFlag(values, 'to', command);
        if (!from || !to) throw new UsageError('generate: --from and --to are required');
        const out = required(values, 'out', command);
        const bar = new ProgressBar(io.stderr, quiet);
        const result = await generateDaily({ profiles, from, to, seed, dynamics: values.dynamics === true, onProgress: bar.callback }, out);
        bar.done();
        if (values.json) io.stdout.write(`${toJson(result)}\n`);
        else io.stdout.write(`wrote ${result.rows} rows of ${profiles} profiles in ${result.files.length} files (${formatBytes(result.bytes)}) under ${out}\n`);
        return 0;
      }
    }
    throw new UsageError(`unknown command '${command}'`);
  } catch (error) {
    if (isClosedPipe(error)) return 0;
    if (error instanceof UsageError) {
      io.stderr.write(`engagement-forecast: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DataError || error instanceof ModelError || error instanceof WriteError || isArgumentError(error)) {
      io.stderr.write(`engagement-forecast: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`engagement-forecast: internal error (a bug; please report it with this trace):\n${(error as Error)?.stack ?? String(error)}\n`);
    return 70;
  }
}

const isMain = process.argv[1] !== undefined && /(?:cli\.js|main\.ts|engagement-forecast)$/.test(process.argv[1]);
if (isMain) {
  // A reader that closes the pipe early (`… | head`) ends the command quietly.
  process.stdout.on('error', (error) => {
    if (isClosedPipe(error)) process.exit(0);
    throw error;
  });
  void run(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exitCode = code; // -1: a service that runs until a signal
  });
}
