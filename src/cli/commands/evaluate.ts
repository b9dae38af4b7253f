// `engagement-forecast evaluate`.
import { evaluateModel } from '../../report/evaluate.js';
import { renderReport } from '../../report/html.js';
import { DEFAULT_CUTOFF } from '../../schema.js';
import { metricsTable } from '../tables.js';
import { presetOf } from '../../model/presets.js';
import {
  checkModelFlags,
  COMMON,
  DATA_OPTIONS,
  dataOptions,
  ENGINE_OPTIONS,
  engineOptions,
  weeklySourceFlags,
  loadWeeklyFrom,
  dateFlag,
  modelFrom,
  parse,
  toJson,
  writeFileText,
  type Command,
} from '../flags.js';

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'score a model on the weeks after a cutoff (optionally an HTML report)',
  help: `Usage: engagement-forecast evaluate --data PATH... [--model model.json | --builtin] [--report report.html] [options]

Scores a model on the weeks after the cutoff (all four horizons, beside the
baseline fitted on the weeks up to it), optionally with an HTML report.

${DATA_OPTIONS}
${ENGINE_OPTIONS}
  --model FILE          the model file (or --builtin)
  --builtin             the built-in pretrained models
  --cutoff YYYY-MM-DD   score the weeks whose Sunday is after this day (default: the
                        model's training cutoff; ${DEFAULT_CUTOFF} for the built-in model)
  --report FILE         also write a self-contained HTML report
${COMMON}`,
  async run(rest, context) {
    const command = 'evaluate';
    const { io } = context;
    const { values, positionals } = parse(command, rest, {
      ...dataOptions,
      ...engineOptions,
      model: { type: 'string' },
      builtin: { type: 'boolean' },
      cutoff: { type: 'string' },
      report: { type: 'string' },
    });
    context.quiet = values.quiet === true;
    const data = weeklySourceFlags(values, positionals, command);
    const reportPath = values.report as string | undefined;
    const cutoffFlag = dateFlag(values, 'cutoff', command);
    checkModelFlags(values, command);
    const model = await modelFrom(values);
    const cutoff = cutoffFlag ?? model.training?.cutoff ?? DEFAULT_CUTOFF;
    const { weekly } = await loadWeeklyFrom(data, model.preset, context);
    const evaluation = evaluateModel(model, weekly, { cutoff });
    if (reportPath) await writeFileText(reportPath, renderReport(evaluation), values);
    if (values.json) {
      io.stdout.write(
        `${toJson({ cutoff, testRows: evaluation.testRows, metrics: evaluation.metrics, baseline: evaluation.baseline, bands: evaluation.bands, report: reportPath ?? null })}\n`,
      );
    } else {
      const caveat = presetOf(model.preset).metricsCaveat;
      io.stdout.write(
        `${metricsTable(evaluation.metrics, evaluation.baseline)}\n${caveat ? `${caveat}\n` : ''}${evaluation.testRows} test rows after ${cutoff}${reportPath ? `; report written to ${reportPath}` : ''}\n`,
      );
    }
    return 0;
  },
};
