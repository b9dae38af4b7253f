// `engagement-forecast train`.
import { MODEL_KINDS, saveModel } from '../../model/model-file.js';
import { presetOf } from '../../model/presets.js';
import { trainModels } from '../../model/train.js';
import { trainInEngine } from '../../model/train-in-engine.js';
import type { LoadReport } from '../../frame/load-report.js';
import { DEFAULT_CUTOFF, TARGETS } from '../../schema.js';
import { formatBytes, ProgressBar } from '../progress.js';
import { metricsTable } from '../tables.js';
import { checkModelSpec, DEFAULT_CALIBRATION_WEEKS, DEFAULT_CORRECTED_MODEL, withAim } from '../../model/train-corrected.js';
import {
  COMMON,
  DATA_OPTIONS,
  dataOptions,
  ENGINE_OPTIONS,
  engineOptions,
  weeklySourceFlags,
  loadWeeklyFrom,
  dateFlag,
  ensureDir,
  flag,
  modelFlag,
  parse,
  presetFlag,
  repeatedDays,
  required,
  toJson,
  UsageError,
  writeFileText,
  type Command,
} from '../flags.js';

export const trainCommand: Command = {
  name: 'train',
  summary: 'train the four models (and the baseline) and write a model file',
  help: `Usage: engagement-forecast train --data PATH... --out model.json [options]

Trains one model per horizon on the weeks up to the cutoff, scores them on
the weeks after it, and writes the model file.

${DATA_OPTIONS}
${ENGINE_OPTIONS}
  --cutoff YYYY-MM-DD   train on the weeks whose Sunday is on or before this day
                        (corrected: whose 28-day target is), test on the weeks
                        after it (default ${DEFAULT_CUTOFF})
  --preset NAME         notebook (default: the notebooks' least squares, quirks
                        included) or corrected (docs/quirks.md)
  --model KIND          corrected only: ${MODEL_KINDS.join(', ')}
                        (default ${DEFAULT_CORRECTED_MODEL.kind}; docs/models.md)
  --calibration-weeks N corrected only: interval calibration origins before the
                        cutoff (default ${DEFAULT_CALIBRATION_WEEKS}; 0 for no intervals)
  --mean                corrected only: forecasts that sum to the totals (aim at
                        the mean; default: the median, best per profile;
                        docs/forecast-quality.md)
  --in-engine           corrected only, with --engine duckdb or postgres: train
                        where the rows are (the default model, or --model ridge,
                        linear, naive or window-average; --mean too; Node holds
                        sums, not rows; docs/engines.md)
  --out FILE            the model file to write (required)
  --metrics FILE        also write the metrics as JSON
${COMMON}`,
  async run(rest, context) {
    const command = 'train';
    const { io, note } = context;
    const { values, positionals } = parse(command, rest, {
      ...dataOptions,
      ...engineOptions,
      cutoff: { type: 'string' },
      preset: { type: 'string' },
      model: { type: 'string' },
      'calibration-weeks': { type: 'string' },
      mean: { type: 'boolean' },
      'in-engine': { type: 'boolean' },
      out: { type: 'string' },
      metrics: { type: 'string' },
    });
    context.quiet = values.quiet === true;
    const data = weeklySourceFlags(values, positionals, command);
    const out = required(values, 'out', command);
    const cutoff = dateFlag(values, 'cutoff', command) ?? DEFAULT_CUTOFF;
    const preset = presetFlag(values, command);
    if (!presetOf(preset).modelOptions && (values.model !== undefined || values['calibration-weeks'] !== undefined || values.mean !== undefined))
      throw new UsageError(`${command}: --model, --calibration-weeks and --mean need --preset corrected`);
    const aim = values.mean ? ('mean' as const) : undefined;
    // --mean against --model's own back-transform is a usage error before the data is read (trainModels checks it again).
    const modelSpec = values.model === undefined ? undefined : flag(() => withAim(checkModelSpec(modelFlag(values.model as string), command), aim, command));
    const weeksFlag = values['calibration-weeks'] as string | undefined;
    if (weeksFlag !== undefined && !/^\d+$/.test(weeksFlag)) throw new UsageError(`${command}: --calibration-weeks must be a non-negative integer`);
    const settings = {
      cutoff,
      ...(modelSpec ? { model: modelSpec } : {}),
      ...(aim ? { aim } : {}),
      ...(weeksFlag !== undefined ? { calibrationWeeks: Number(weeksFlag) } : {}),
    };
    const read = (report: LoadReport, weeklyRows: number) =>
      note(
        `read ${report.rows} daily rows from ${report.files.length} files (${formatBytes(report.bytes)})${report.skipped ? `, skipped ${report.skipped} unreadable rows (first: ${report.skippedExamples[0]?.message})` : ''}${repeatedDays(report)}; ${weeklyRows} weekly rows`,
      );
    let trained: ReturnType<typeof trainModels>;
    let report: LoadReport;
    if (values['in-engine']) {
      if (preset !== 'corrected') throw new UsageError(`${command}: --in-engine trains the corrected preset's model: it needs --preset corrected`);
      if (Array.isArray(data.source)) throw new UsageError(`${command}: --in-engine trains where the rows are: it needs --engine duckdb or postgres`);
      const inEngine = await trainInEngine(data.source, { ...settings, onError: data.onError });
      ({ report } = inEngine);
      read(report, inEngine.rows.weekly);
      trained = inEngine;
    } else {
      const loaded = await loadWeeklyFrom(data, preset, context);
      ({ report } = loaded);
      const bar = new ProgressBar(io.stderr, context.quiet);
      read(report, loaded.weekly.length);
      trained = trainModels(loaded.weekly, { ...settings, onProgress: bar.callback });
      bar.done();
    }
    for (const w of trained.warnings) note(`note: ${w}`);
    const summary = {
      model: out,
      rows: trained.rows,
      metrics: trained.metrics,
      baseline: trained.baseline,
      warnings: trained.warnings,
      skippedRows: report.skipped,
      duplicateRows: report.duplicateRows ?? 0,
    };
    // The metrics first: a model file is only left behind when everything it reports was written.
    if (typeof values.metrics === 'string') await writeFileText(values.metrics, `${toJson(summary, 1)}\n`, values);
    ensureDir(out, values);
    await saveModel(trained.model, out);
    if (values.json) io.stdout.write(`${toJson(summary)}\n`);
    else {
      const r = trained.rows;
      const counts =
        'afterTargetDrop' in r
          ? `train rows ${r.train}, test rows ${r.test}`
          : `train rows ${TARGETS.map((t) => r.train[t]).join('/')}, test rows ${TARGETS.map((t) => r.test[t]).join('/')} (7d/14d/21d/28d)`;
      const caveat = presetOf(preset).metricsCaveat;
      io.stdout.write(`${metricsTable(trained.metrics, trained.baseline)}\n${caveat ? `${caveat}\n` : ''}${counts}; model written to ${out}\n`);
    }
    return 0;
  },
};
