// `engagement-forecast weekly`.
import { writeWeeklyParquet } from '../../engines/duckdb.js';
import { writeWeeklyCsv } from '../../io/write-csv.js';
import {
  COMMON,
  DATA_OPTIONS,
  dataOptions,
  ENGINE_OPTIONS,
  engineOptions,
  weeklySourceFlags,
  loadWeeklyFrom,
  ensureDir,
  jsonNeedsOut,
  parse,
  presetFlag,
  repeatedDays,
  required,
  toJson,
  type Command,
} from '../flags.js';

export const weeklyCommand: Command = {
  name: 'weekly',
  summary: 'the weekly feature table as CSV',
  help: `Usage: engagement-forecast weekly --data PATH... --out weekly.csv [options]

Writes the weekly feature table (one row per profile and Sunday-ending week,
with the features and targets) with the notebook's column names;
missing values are empty fields (CSV) or NULL (Parquet).

${DATA_OPTIONS}
${ENGINE_OPTIONS}
  --preset NAME         notebook (default) or corrected
  --out FILE            the CSV to write ('-' for stdout), or a .parquet file (written
                        through DuckDB: the optional peer @duckdb/node-api)
${COMMON}`,
  async run(rest, context) {
    const command = 'weekly';
    const { io, note } = context;
    const { values, positionals } = parse(command, rest, { ...dataOptions, ...engineOptions, preset: { type: 'string' }, out: { type: 'string' } });
    context.quiet = values.quiet === true;
    const data = weeklySourceFlags(values, positionals, command);
    const out = required(values, 'out', command);
    const preset = presetFlag(values, command);
    jsonNeedsOut(values, out, command);
    const { weekly, report } = await loadWeeklyFrom(data, preset, context);
    if (out !== '-') ensureDir(out, values);
    if (out.endsWith('.parquet')) await writeWeeklyParquet(weekly, out);
    else await writeWeeklyCsv(weekly, out === '-' ? io.stdout : out);
    const summary = {
      out,
      weeklyRows: weekly.length,
      profiles: weekly.profileIds.length,
      dailyRows: report.rows,
      skippedRows: report.skipped,
      duplicateRows: report.duplicateRows ?? 0,
    };
    if (values.json) io.stdout.write(`${toJson(summary)}\n`);
    note(
      `wrote ${weekly.length} weekly rows of ${weekly.profileIds.length} profiles to ${out === '-' ? 'stdout' : out} (from ${report.rows} daily rows${report.skipped ? `, ${report.skipped} skipped` : ''})${repeatedDays(report)}`,
    );
    return 0;
  },
};
