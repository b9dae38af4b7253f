// `engagement-forecast backtest`.
import { formatDay, sundayOnOrBefore } from '../../calendar.js';
import type { DailyFrame } from '../../frame/daily-frame.js';
import type { WeeklyFrame } from '../../frame/weekly-frame.js';
import { loadDaily } from '../../io/load-daily.js';
import { loadWeekly } from '../../io/load-weekly.js';
import { ProgressBar } from '../progress.js';
import { backtestCsv, backtestTable } from '../../backtest/table.js';
import { backtest } from '../../backtest/backtest.js';
import { checkIntervals } from '../../model/intervals.js';
import { checkModelSpec, DEFAULT_CORRECTED_MODEL } from '../../model/train-corrected.js';
import { renderBacktestReport } from '../../report/backtest-html.js';
import {
  COMMON,
  DATA_OPTIONS,
  dataOptions,
  ENGINE_OPTIONS,
  engineOptions,
  dateFlag,
  flag,
  listFlag,
  modelFlag,
  parse,
  toJson,
  UsageError,
  weeklySourceFlags,
  writeFileText,
  type Command,
} from '../flags.js';

export const backtestCommand: Command = {
  name: 'backtest',
  summary: 'rolling-origin backtest of models against naive baselines',
  help: `Usage: engagement-forecast backtest --data PATH... [options]

Rolling-origin backtest (corrected preset): at each origin, each model is fitted
on what was known then and forecasts 7, 14, 21 and 28 days ahead for every
profile that has posted by then; the forecasts are scored against what
happened, beside the naive forecast (the last week with posts) and window
averages. Prints the table (MAE, RMSE, WAPE, WAPE relative to naive, bias,
interval coverage and width).

${DATA_OPTIONS}
${ENGINE_OPTIONS}
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
  async run(rest, context) {
    const command = 'backtest';
    const { io, note } = context;
    const { values, positionals } = parse(command, rest, {
      ...dataOptions,
      ...engineOptions,
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
    context.quiet = values.quiet === true;
    const data = weeklySourceFlags(values, positionals, command);
    if (values.notebook && !Array.isArray(data.source))
      throw new UsageError(`${command}: --notebook rebuilds the notebook table from daily rows: it needs --engine js`);
    const models = values.models === undefined ? undefined : listFlag(values.models as string).map((m) => flag(() => checkModelSpec(modelFlag(m), command)));
    const count = (name: string): number | undefined => {
      const v = values[name] as string | undefined;
      if (v === undefined) return undefined;
      if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`${command}: --${name} must be a positive integer`);
      return Number(v);
    };
    const last = dateFlag(values, 'last', command);
    const intervals =
      values.intervals === undefined ? undefined : flag(() => checkIntervals(listFlag(values.intervals as string).map(Number), `${command}: --intervals`));
    const out = values.out as string | undefined;
    if (out !== undefined && !/\.(json|csv)$/.test(out)) throw new UsageError(`${command}: --out must name a .json or .csv file`);
    const settings = { origins: count('origins'), step: count('step'), refitEvery: count('refit-every') };
    const bar = new ProgressBar(io.stderr, context.quiet);
    // The daily rows (the notebook preset is rebuilt from them as of each origin), or an engine's weekly table.
    let rows: DailyFrame | WeeklyFrame<'corrected'>;
    let lastOrigin = last;
    if (Array.isArray(data.source)) rows = await loadDaily(data.source, { onError: data.onError, onProgress: bar.callback });
    else {
      const loaded = await loadWeekly(data.source, { preset: 'corrected', onError: data.onError, onProgress: bar.callback });
      rows = loaded.weekly;
      // The default last origin as from the daily rows: 28 days before the last complete week read.
      if (lastOrigin === undefined && loaded.lastDay > Number.NEGATIVE_INFINITY) lastOrigin = formatDay(sundayOnOrBefore(loaded.lastDay) - 28);
    }
    bar.done();
    const result = backtest(rows, {
      ...(models ? { models } : {}),
      ...(values.notebook ? { notebook: true } : {}),
      ...(settings.origins ? { origins: settings.origins } : {}),
      ...(settings.step ? { step: settings.step } : {}),
      ...(settings.refitEvery ? { refitEvery: settings.refitEvery } : {}),
      ...(lastOrigin ? { last: lastOrigin } : {}),
      ...(intervals ? { intervals } : {}),
      onProgress: bar.callback,
    });
    bar.done();
    if (out) await writeFileText(out, out.endsWith('.json') ? `${toJson(result, 1)}\n` : backtestCsv(result), values);
    if (typeof values.report === 'string') await writeFileText(values.report, renderBacktestReport(result), values);
    if (values.json) io.stdout.write(`${toJson(result)}\n`);
    else io.stdout.write(`${backtestTable(result)}\n`);
    note(
      `origins ${result.origins.join(', ')}; ${result.noHistory} profile-origins without a posting week were not scored${out ? `; table written to ${out}` : ''}`,
    );
    return 0;
  },
};
