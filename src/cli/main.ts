// The `engagement-forecast` command.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DataError, ModelError } from '../errors.js';
import { generateDaily } from '../generate.js';
import { loadDaily } from '../io/load-daily.js';
import { loadWeekly } from '../io/load-weekly.js';
import { writePredictionsCsv, writeWeeklyCsv } from '../io/write-csv.js';
import { loadBuiltinModel } from '../model/builtin.js';
import { loadModel, saveModel, type EngagementModel } from '../model/model-file.js';
import { trainModels } from '../model/train.js';
import { predict } from '../predict.js';
import { evaluateModel } from '../report/evaluate.js';
import { renderReport } from '../report/html.js';
import { DEFAULT_CUTOFF, TARGETS, type Preset } from '../schema.js';
import { VERSION } from '../version.js';
import { formatBytes, ProgressBar } from './progress.js';
import { metricsTable, modelSummary } from './tables.js';

/** A mistake in how the command was called (exit code 2). */
class UsageError extends Error {}

const COMMON = `Common options:
  --quiet               no progress bars or notes on stderr
  --json                machine-readable output on stdout
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
  weekly     the weekly feature table as CSV
  evaluate   score a model on the weeks after a cutoff, with an HTML report
  models     inspect a model file
  generate   write realistic synthetic daily CSVs

Run 'engagement-forecast <command> --help' for a command's options.
  -v, --version         print the version`,
  train: `Usage: engagement-forecast train --data PATH... --out model.json [options]

Trains one least-squares model per horizon on the weeks up to the cutoff,
scores them on the weeks after it, and writes the model file.

${DATA_OPTIONS}
  --cutoff YYYY-MM-DD   last Sunday of the training weeks (default ${DEFAULT_CUTOFF})
  --preset NAME         notebook (default; corrected is not implemented yet)
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
  --out FILE            write to a file instead of stdout
  --format csv|json     output format (default csv)
${COMMON}`,
  weekly: `Usage: engagement-forecast weekly --data PATH... --out weekly.csv [options]

Writes the weekly feature table (steps N1–N8) with the notebook's column names;
missing values are empty fields.

${DATA_OPTIONS}
  --preset NAME         notebook (default)
  --out FILE            the CSV to write ('-' for stdout)
${COMMON}`,
  evaluate: `Usage: engagement-forecast evaluate --data PATH... --model model.json --report report.html [options]

Scores a model on the weeks after the cutoff (all four horizons, beside the
baseline fitted on the weeks up to it) and writes a self-contained HTML report.

${DATA_OPTIONS}
  --model FILE          the model file (or --builtin)
  --builtin             the built-in pretrained models
  --cutoff YYYY-MM-DD   score the weeks after this day (default ${DEFAULT_CUTOFF})
  --report FILE         the HTML report to write
${COMMON}`,
  models: `Usage: engagement-forecast models inspect model.json | --builtin

Shows what a model file holds: preset, training range and rows, metrics and
coefficients.
${COMMON}`,
  generate: `Usage: engagement-forecast generate --profiles N --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--seed S]

Writes realistic synthetic daily CSVs in the real layout, one file a month
(see docs/data-model.md). The same seed gives byte-identical files.

  --profiles N          number of profiles (~182 rows each over two years)
  --from, --to          the first and last day
  --seed S              seed (default 1)
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

const dataOptions = {
  data: { type: 'string', multiple: true },
  'on-error': { type: 'string' },
  workers: { type: 'string' },
} as const;

function dataPaths(values: Values, positionals: string[], command: string): string[] {
  const paths = [...((values.data as string[] | undefined) ?? []), ...positionals];
  if (paths.length === 0) throw new UsageError(`${command}: --data is required (files or folders of daily CSVs)`);
  return paths;
}

function onError(values: Values, command: string): 'throw' | 'skip' {
  const v = values['on-error'] ?? 'throw';
  if (v !== 'throw' && v !== 'skip') throw new UsageError(`${command}: --on-error must be 'throw' or 'skip'`);
  return v;
}

function workers(values: Values, command: string): { workers?: number } {
  if (values.workers === undefined) return {};
  const n = Number(values.workers);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${command}: --workers must be a positive integer`);
  return { workers: n };
}

function preset(values: Values, command: string): Preset {
  const p = values.preset ?? 'notebook';
  if (p !== 'notebook' && p !== 'corrected') throw new UsageError(`${command}: --preset must be 'notebook' or 'corrected'`);
  if (p === 'corrected') throw new UsageError(`${command}: the 'corrected' preset is not implemented in this version (see docs/quirks.md)`);
  return p;
}

function date(values: Values, name: string, command: string, fallback?: string): string | undefined {
  const v = (values[name] as string | undefined) ?? fallback;
  if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`${command}: --${name} must be a date written YYYY-MM-DD, got '${v}'`);
  return v;
}

function required(values: Values, name: string, command: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`${command}: --${name} is required`);
  return v;
}

async function modelFrom(values: Values, command: string): Promise<EngagementModel> {
  if (values.model && values.builtin) throw new UsageError(`${command}: give --model or --builtin, not both`);
  return typeof values.model === 'string' ? loadModel(values.model) : loadBuiltinModel();
}

/** JSON for output files and stdout: JSON has no NaN or Infinity, so they are written as null. */
function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), indent);
}

function ensureDir(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
}

interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Runs the command line; returns the exit code. */
export async function run(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const note = (quiet: unknown, text: string) => {
    if (!quiet) io.stderr.write(`${text}\n`);
  };
  const [command, ...rest] = argv;
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
        const { values, positionals } = parse(command, rest, { ...dataOptions, cutoff: { type: 'string' }, preset: { type: 'string' }, out: { type: 'string' }, metrics: { type: 'string' } });
        const paths = dataPaths(values, positionals, command);
        const out = required(values, 'out', command);
        const cutoff = date(values, 'cutoff', command, DEFAULT_CUTOFF)!;
        const p = preset(values, command);
        const bar = new ProgressBar(io.stderr, values.quiet === true);
        const { weekly, report } = await loadWeekly(paths, { preset: p, onError: onError(values, command), onProgress: bar.callback, ...workers(values, command) });
        bar.done();
        note(values.quiet, `read ${report.rows} daily rows from ${report.files.length} files (${formatBytes(report.bytes)})${report.skipped ? `, skipped ${report.skipped} unreadable rows (first: ${report.skippedExamples[0]?.message})` : ''}; ${weekly.length} weekly rows`);
        const trained = trainModels(weekly, { cutoff, onProgress: bar.callback });
        bar.done();
        for (const w of trained.warnings) note(values.quiet, `note: ${w}`);
        ensureDir(out);
        await saveModel(trained.model, out);
        const summary = { model: out, rows: trained.rows, metrics: trained.metrics, baseline: trained.baseline, warnings: trained.warnings, skippedRows: report.skipped };
        if (typeof values.metrics === 'string') {
          ensureDir(values.metrics);
          writeFileSync(values.metrics, `${toJson(summary, 1)}\n`);
        }
        if (values.json) io.stdout.write(`${toJson(summary)}\n`);
        else io.stdout.write(`${metricsTable(trained.metrics, trained.baseline)}\ntrain rows ${trained.rows.train}, test rows ${trained.rows.test}; model written to ${out}\n`);
        return 0;
      }
      case 'weekly': {
        const { values, positionals } = parse(command, rest, { ...dataOptions, preset: { type: 'string' }, out: { type: 'string' } });
        const paths = dataPaths(values, positionals, command);
        const out = required(values, 'out', command);
        const bar = new ProgressBar(io.stderr, values.quiet === true);
        const { weekly, report } = await loadWeekly(paths, { preset: preset(values, command), onError: onError(values, command), onProgress: bar.callback, ...workers(values, command) });
        bar.done();
        if (out !== '-') ensureDir(out);
        await writeWeeklyCsv(weekly, out === '-' ? io.stdout : out);
        note(values.quiet || out === '-', `wrote ${weekly.length} weekly rows of ${weekly.profileIds.length} profiles to ${out} (from ${report.rows} daily rows${report.skipped ? `, ${report.skipped} skipped` : ''})`);
        return 0;
      }
      case 'predict': {
        const { values, positionals } = parse(command, rest, {
          ...dataOptions,
          model: { type: 'string' },
          builtin: { type: 'boolean' },
          profile: { type: 'string', multiple: true },
          since: { type: 'string' },
          out: { type: 'string' },
          format: { type: 'string' },
        });
        const paths = dataPaths(values, positionals, command);
        const format = (values.format as string | undefined) ?? (values.json ? 'json' : 'csv');
        if (format !== 'csv' && format !== 'json') throw new UsageError(`${command}: --format must be csv or json`);
        const since = date(values, 'since', command);
        const model = await modelFrom(values, command);
        const bar = new ProgressBar(io.stderr, values.quiet === true);
        const daily = await loadDaily(paths, { onError: onError(values, command), onProgress: bar.callback });
        bar.done();
        const profiles = values.profile as string[] | undefined;
        const predictions = predict(model, daily, { ...(since ? { since } : {}), ...(profiles ? { profiles } : {}) });
        const out = values.out as string | undefined;
        if (out) ensureDir(out);
        if (format === 'json') {
          const text = `${JSON.stringify(predictions, null, out ? 1 : 0)}\n`;
          if (out) writeFileSync(out, text);
          else io.stdout.write(text);
        } else {
          await writePredictionsCsv(predictions, out ?? io.stdout);
        }
        note(values.quiet, `${predictions.length / TARGETS.length} profiles forecast from ${daily.length} daily rows${daily.report.skipped ? ` (${daily.report.skipped} unreadable rows skipped)` : ''}${out ? `; written to ${out}` : ''}`);
        return 0;
      }
      case 'evaluate': {
        const { values, positionals } = parse(command, rest, { ...dataOptions, model: { type: 'string' }, builtin: { type: 'boolean' }, cutoff: { type: 'string' }, report: { type: 'string' } });
        const paths = dataPaths(values, positionals, command);
        const reportPath = values.json ? (values.report as string | undefined) : required(values, 'report', command);
        const cutoff = date(values, 'cutoff', command, DEFAULT_CUTOFF)!;
        const model = await modelFrom(values, command);
        const bar = new ProgressBar(io.stderr, values.quiet === true);
        const { weekly } = await loadWeekly(paths, { preset: model.preset, onError: onError(values, command), onProgress: bar.callback, ...workers(values, command) });
        bar.done();
        const evaluation = evaluateModel(model, weekly, { cutoff });
        if (reportPath) {
          ensureDir(reportPath);
          writeFileSync(reportPath, renderReport(evaluation));
        }
        if (values.json) {
          io.stdout.write(`${toJson({ cutoff, testRows: evaluation.testRows, metrics: evaluation.metrics, baseline: evaluation.baseline, bands: evaluation.bands, report: reportPath ?? null })}\n`);
        } else {
          io.stdout.write(`${metricsTable(evaluation.metrics, evaluation.baseline)}\n${evaluation.testRows} test rows after ${cutoff}; report written to ${reportPath}\n`);
        }
        return 0;
      }
      case 'models': {
        const { values, positionals } = parse(command, rest, { builtin: { type: 'boolean' } });
        const [sub, file] = positionals;
        if (sub !== 'inspect') throw new UsageError(`models: unknown subcommand ${sub ? `'${sub}'` : '(none)'}; use 'models inspect model.json'`);
        if (!file && !values.builtin) throw new UsageError('models inspect: name a model file, or --builtin');
        const model = file ? await loadModel(file) : loadBuiltinModel();
        io.stdout.write(values.json ? `${toJson(model, 1)}\n` : `${modelSummary(model, file ?? 'built-in model')}\n`);
        return 0;
      }
      case 'generate': {
        const { values } = parse(command, rest, { profiles: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } });
        const profiles = Number(required(values, 'profiles', command));
        if (!Number.isInteger(profiles) || profiles < 1) throw new UsageError('generate: --profiles must be a positive integer');
        const seed = Number(values.seed ?? 1);
        if (!Number.isInteger(seed)) throw new UsageError('generate: --seed must be an integer');
        const from = date(values, 'from', command)!;
        const to = date(values, 'to', command)!;
        if (!from || !to) throw new UsageError('generate: --from and --to are required');
        const out = required(values, 'out', command);
        const bar = new ProgressBar(io.stderr, values.quiet === true);
        const result = await generateDaily({ profiles, from, to, seed, onProgress: bar.callback }, out);
        bar.done();
        if (values.json) io.stdout.write(`${JSON.stringify(result)}\n`);
        else io.stdout.write(`wrote ${result.rows} rows of ${profiles} profiles in ${result.files.length} files (${formatBytes(result.bytes)}) under ${out}\n`);
        return 0;
      }
    }
    throw new UsageError(`unknown command '${command}'`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`engagement-forecast: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DataError || error instanceof ModelError) {
      io.stderr.write(`engagement-forecast: ${error.message}\n`);
      return 1;
    }
    if (error instanceof RangeError || error instanceof TypeError) {
      // Raised by the library for inputs it cannot use (a cutoff before all data, an unknown profile).
      io.stderr.write(`engagement-forecast: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`engagement-forecast: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && /(?:cli\.js|main\.ts|engagement-forecast)$/.test(process.argv[1]);
if (isMain) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
