import { ArgumentRangeError } from '../errors.js';
import type { ColumnDefinition, ColumnRegistry } from '../frame/weekly-frame.js';
import { CORRECTED_WEEKLY_COLUMNS, FEATURES, TARGETS, WEEKLY_COLUMNS, type Preset } from '../schema.js';
import { CORRECTED_ENGAGEMENT_PER_POST_COLUMN, ENGAGEMENT_PER_POST_COLUMN } from './engagement-per-post.js';
import { CORRECTED_LAG_COLUMNS, CORRECTED_YEAR_COLUMN, NOTEBOOK_LAG_COLUMNS, NOTEBOOK_YEAR_COLUMN, WEEK_COLUMN } from './lags.js';
import { CORRECTED_MONTHLY_AVERAGE_COLUMN, MONTH_COLUMN, MONTHLY_AVERAGE_COLUMN } from './monthly-average.js';
import { CORRECTED_TARGET_COLUMNS, TARGET_COLUMNS } from './targets.js';
import { WINDOW_COLUMNS } from './windows.js';
import { DATE_COLUMN, PROFILE_ID_COLUMN, WEEK_OF_YEAR_COLUMN, YEAR_WEEK_COLUMN } from './week-labels.js';

/*
 * The weekly table's columns per preset: an ordered registry of column
 * definitions, each defined in the file of its spec step (N3 sums stored by
 * `weekly-sums.ts`, N4 `week-labels.ts`, N5 `engagement-per-post.ts`, N6
 * `monthly-average.ts`, N7 `lags.ts`, N8 `targets.ts`). A preset is data:
 * another list of definitions, not branches through the code.
 */

const stored = (name: 'followers' | 'posts' | 'engagement' | 'reach' | 'impressions'): ColumnDefinition => ({ name, stored: name });

/**
 * A weekly sum, `corrected` preset (Q9): missing (NaN) in a week with no
 * record, so a week nobody observed is not a week of real zeros. `followers`
 * is the week's last non-missing daily value (Q1).
 */
const observed = (name: 'followers' | 'posts' | 'engagement' | 'reach' | 'impressions'): ColumnDefinition => ({
  name,
  numeric: (frame) => {
    const values = frame.stored(name === 'followers' ? 'lastFollowers' : name);
    const days = frame.stored('dailyRows');
    return (i) => (days[i]! > 0 ? values[i]! : Number.NaN);
  },
});

const NOTEBOOK: ColumnRegistry = compile(WEEKLY_COLUMNS, [
  PROFILE_ID_COLUMN,
  DATE_COLUMN,
  NOTEBOOK_YEAR_COLUMN,
  MONTH_COLUMN,
  WEEK_OF_YEAR_COLUMN,
  YEAR_WEEK_COLUMN,
  stored('followers'),
  stored('posts'),
  stored('engagement'),
  stored('reach'),
  stored('impressions'),
  ENGAGEMENT_PER_POST_COLUMN,
  MONTHLY_AVERAGE_COLUMN,
  WEEK_COLUMN,
  ...NOTEBOOK_LAG_COLUMNS,
  ...TARGET_COLUMNS,
]);

const CORRECTED: ColumnRegistry = compile(CORRECTED_WEEKLY_COLUMNS, [
  PROFILE_ID_COLUMN,
  DATE_COLUMN,
  CORRECTED_YEAR_COLUMN,
  MONTH_COLUMN,
  WEEK_OF_YEAR_COLUMN,
  YEAR_WEEK_COLUMN,
  observed('followers'),
  observed('posts'),
  observed('engagement'),
  observed('reach'),
  observed('impressions'),
  CORRECTED_ENGAGEMENT_PER_POST_COLUMN,
  CORRECTED_MONTHLY_AVERAGE_COLUMN,
  WEEK_COLUMN,
  ...CORRECTED_LAG_COLUMNS,
  ...CORRECTED_TARGET_COLUMNS,
  ...WINDOW_COLUMNS,
]);

/** Checks a registry against the spec's column list, once, when the module loads. */
function compile(expected: readonly string[], definitions: ColumnDefinition[]): ColumnRegistry {
  const names = definitions.map((d) => d.name);
  if (names.join(',') !== expected.join(',')) throw new Error(`weekly columns out of step with schema.ts: ${names.join(', ')}`);
  for (const name of [...FEATURES, ...TARGETS]) if (!names.includes(name)) throw new Error(`weekly columns lack '${name}'`);
  return Object.freeze(definitions);
}

/** The column definitions of a preset's weekly table, in output order. */
export function weeklyColumns(preset: Preset): ColumnRegistry {
  if (preset === 'notebook') return NOTEBOOK;
  if (preset === 'corrected') return CORRECTED;
  throw new ArgumentRangeError(`weeklyColumns: unknown preset '${String(preset)}'`);
}
