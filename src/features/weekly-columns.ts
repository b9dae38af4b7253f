import { ArgumentRangeError } from '../errors.js';
import type { ColumnDefinition, ColumnRegistry } from '../frame/weekly-frame.js';
import { FEATURES, TARGETS, WEEKLY_COLUMNS, type Preset } from '../schema.js';
import { ENGAGEMENT_PER_POST_COLUMN } from './engagement-per-post.js';
import { NOTEBOOK_LAG_COLUMNS, NOTEBOOK_YEAR_COLUMN, WEEK_COLUMN } from './lags.js';
import { MONTH_COLUMN, MONTHLY_AVERAGE_COLUMN } from './monthly-average.js';
import { TARGET_COLUMNS } from './targets.js';
import { DATE_COLUMN, PROFILE_ID_COLUMN, WEEK_OF_YEAR_COLUMN, YEAR_WEEK_COLUMN } from './week-labels.js';

/*
 * The weekly table's columns per preset: an ordered registry of column
 * definitions, each defined in the file of its spec step (N3 sums stored by
 * `weekly-sums.ts`, N4 `week-labels.ts`, N5 `engagement-per-post.ts`, N6
 * `monthly-average.ts`, N7 `lags.ts`, N8 `targets.ts`). A preset is data:
 * another list of definitions, not branches through the code.
 */

const stored = (name: 'followers' | 'posts' | 'engagement' | 'reach' | 'impressions', integer: boolean): ColumnDefinition => ({ name, integer, stored: name });

const NOTEBOOK: ColumnRegistry = compile([
  PROFILE_ID_COLUMN,
  DATE_COLUMN,
  NOTEBOOK_YEAR_COLUMN,
  MONTH_COLUMN,
  WEEK_OF_YEAR_COLUMN,
  YEAR_WEEK_COLUMN,
  stored('followers', false),
  stored('posts', true),
  stored('engagement', true),
  stored('reach', true),
  stored('impressions', true),
  ENGAGEMENT_PER_POST_COLUMN,
  MONTHLY_AVERAGE_COLUMN,
  WEEK_COLUMN,
  ...NOTEBOOK_LAG_COLUMNS,
  ...TARGET_COLUMNS,
]);

/** Checks a registry against the spec's column list, once, when the module loads. */
function compile(definitions: ColumnDefinition[]): ColumnRegistry {
  const names = definitions.map((d) => d.name);
  if (names.join(',') !== WEEKLY_COLUMNS.join(',')) throw new Error(`weekly columns out of step with schema.ts: ${names.join(', ')}`);
  for (const name of [...FEATURES, ...TARGETS]) if (!names.includes(name)) throw new Error(`weekly columns lack '${name}'`);
  return Object.freeze(definitions);
}

/** The column definitions of a preset's weekly table, in output order. */
export function weeklyColumns(preset: Preset): ColumnRegistry {
  if (preset === 'notebook') return NOTEBOOK;
  throw new ArgumentRangeError(`weeklyColumns: the '${preset}' preset is not implemented in this version`);
}
