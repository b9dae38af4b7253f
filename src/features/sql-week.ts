import { HORIZONS } from '../schema.js';
import { WINDOW_COLUMNS, LEVEL_FILTER, LEVEL_FILTERS, EWM_HALF_LIVES, MEDIAN_WEEKS, WEEK_WINDOW } from './windows.js';

/*
 * The `corrected` preset's window columns (windows.ts) computed by a SQL
 * engine from the segments it summed: one definition, two executors. Each
 * column's expression sits beside its JS kernel (`ColumnDefinition.sql`); this
 * file builds the relation they are written over — one row per profile and
 * Sunday from the profile's first week to its last (weeks with no record
 * included, as the weekly table has them), with the running sums, the
 * latest posting week's values, the median window and the level filters'
 * states. Every window partitions by the profile, so the work can run where
 * each profile's rows lie.
 */

/** What differs between the SQL engines here. */
export interface SqlDialect {
  readonly name: 'duckdb' | 'postgres';
  /** The double type's name. */
  readonly double: string;
  /** The rows `sunday` of every Sunday from `first` to `last` (integer day numbers), as a lateral FROM item. */
  sundays(first: string, last: string): string;
  /** `value` of the row with the largest `key` among the rows where `keep` holds (NULL when none), as an aggregate. */
  lastBy(value: string, key: string, keep: string): string;
  /** A list of the values of a window, as a window aggregate over `window`. */
  list(value: string, window: string): string;
  /** Lists of the values of a group, each in the order of `order` (distinct within a group), as aggregates (indexed from 1 as `list[k]`). */
  listsOf(values: readonly string[], order: string): string[];
  /** What follows a text in `ORDER BY` for the order of its code points (UTF-8 bytes). */
  readonly bytewise: string;
  /** The median of a list made by `list` (NULL when empty): the middle value, or the mean of the two middle ones. */
  median(list: string): string;
  /**
   * Whether the window columns are computed in stages, each into a temporary table (`windowColumnsQuery`'s
   * `stages`): DuckDB spills a table to disk, where one statement's intermediate results past its memory limit fail.
   */
  readonly staged: boolean;
}

/** DuckDB's dialect. */
export const DUCKDB_DIALECT: SqlDialect = {
  name: 'duckdb',
  double: 'DOUBLE',
  sundays: (first, last) => `LATERAL (SELECT unnest(range(${first}, ${last} + 1, 7)) AS sunday) AS ef_sundays`,
  lastBy: (value, key, keep) => `arg_max(${value}, ${key}) FILTER (WHERE ${keep})`,
  list: (value, window) => `list(${value}) OVER ${window}`,
  bytewise: '',
  // One list of structs sorted after (by the order first), not a sort of the group's rows per list: a third of the time.
  listsOf: (values, order) => {
    const rows = `list_sort(list({'o': ${order}, ${values.map((v, j) => `'v${j}': ${v}`).join(', ')}}))`;
    return values.map((_, j) => `list_transform(${rows}, x -> x.v${j})`);
  },
  median: (list) =>
    `CASE WHEN len(${list}) % 2 = 1 THEN list_sort(${list})[(len(${list}) + 1) // 2] ` +
    `ELSE (list_sort(${list})[len(${list}) // 2] + list_sort(${list})[len(${list}) // 2 + 1]) / 2 END`,
  staged: true,
};

/** PostgreSQL's dialect. */
export const POSTGRES_DIALECT: SqlDialect = {
  name: 'postgres',
  double: 'float8',
  sundays: (first, last) => `LATERAL generate_series(${first}, ${last}, 7) AS sunday`,
  lastBy: (value, key, keep) => `(array_agg(${value} ORDER BY ${key} DESC) FILTER (WHERE ${keep}))[1]`,
  list: (value, window) => `array_agg(${value}) OVER ${window}`,
  bytewise: ' COLLATE "C"',
  listsOf: (values, order) => values.map((v) => `array_agg(${v} ORDER BY ${order})`),
  median: (list) =>
    `(SELECT CASE WHEN count(*) % 2 = 1 THEN (array_agg(v ORDER BY v))[(count(*) + 1) / 2] ` +
    `ELSE ((array_agg(v ORDER BY v))[count(*) / 2] + (array_agg(v ORDER BY v))[count(*) / 2 + 1]) / 2 END FROM unnest(${list}) AS v)`,
  staged: false,
};

/** A number as a SQL double: the shortest text that reads back as the same double (a bare decimal is DECIMAL in DuckDB). */
export function doubleSql(d: SqlDialect, x: number): string {
  return `CAST(${String(x)} AS ${d.double})`;
}

/** log1p(x) to within a few units in the last place (neither engine has it): ln(u) · x / (u − 1), u = 1 + x. */
export function log1pSql(x: string): string {
  return `CASE WHEN 1 + (${x}) = 1 THEN (${x}) ELSE ln(1 + (${x})) * (${x}) / ((1 + (${x})) - 1) END`;
}

/** expm1(z) to within a few units in the last place: (u − 1) · z / ln(u), u = e^z; e^z past z = 40, where the 1 is lost anyway. */
export function expm1Sql(z: string): string {
  return `CASE WHEN (${z}) > 40 THEN exp(${z}) WHEN exp(${z}) = 1 THEN (${z}) WHEN exp(${z}) - 1 = -1 THEN -1 ELSE (exp(${z}) - 1) * (${z}) / ln(exp(${z})) END`;
}

/**
 * One level filter's step in the recursion over a profile's posting weeks, as windows.ts's `levelColumn` takes it:
 * `l` is the state after posting week `l.k`, and `x` the profile's posting weeks as lists (`li`, `ly`, `lr`: the
 * week's row, its log engagement per post, its observation variance; one row per profile, joined at each step), so
 * that a step reads the next one by position instead of joining its row. Its expressions are written out in place
 * (a lateral subquery would be joined to every step).
 */
function levelStep(d: SqlDialect, s: string, weekVariance: number): string[] {
  const [i, y, r] = ['li', 'ly', 'lr'].map((list) => `x.${list}[l.k + 1]`) as [string, string, string];
  const vb = `(l.variance_${s} + ${doubleSql(d, weekVariance)} * (${i} - l.i))`;
  const sum = `(${vb} + ${r})`;
  const lim = `(${doubleSql(d, LEVEL_FILTER.clip)} * sqrt(${sum}))`;
  const inn = `(${y} - l.level_${s})`;
  const side = `(CASE WHEN ${inn} > ${lim} THEN 1 WHEN ${inn} < -${lim} THEN -1 ELSE 0 END)`;
  const shift = `(${side} <> 0 AND ${side} = l.side_${s})`;
  return [
    `CASE WHEN ${shift} THEN (l.oy_${s} / l.ov_${s} + ${y} / ${r}) / (1 / l.ov_${s} + 1 / ${r}) ELSE l.level_${s} + (${vb} / ${sum}) * (CASE WHEN ${side} = 0 THEN ${inn} ELSE ${side} * ${lim} END) END AS level_${s}`,
    `CASE WHEN ${shift} THEN 1 / (1 / l.ov_${s} + 1 / ${r}) ELSE ${vb} * (1 - ${vb} / ${sum}) END AS variance_${s}`,
    `CASE WHEN ${shift} THEN 0 ELSE ${side} END AS side_${s}`,
    `CASE WHEN ${shift} THEN l.oy_${s} ELSE ${y} END AS oy_${s}`,
    `CASE WHEN ${shift} THEN l.ov_${s} ELSE ${r} END AS ov_${s}`,
  ];
}

/**
 * The kept profiles of a relation of segments or weeks (`status` 0 where it has one) numbered 1, 2, … in the code
 * point order of their ids, as `name` and `id`: the numbers the window columns' relation keys on.
 */
export function profileNumbersSql(d: SqlDialect, relation: string, kept = ''): string {
  return `SELECT name, row_number() OVER (ORDER BY name${d.bytewise}) AS id FROM (SELECT DISTINCT id AS name FROM ${relation}${kept}) AS p`;
}

/** The window columns' SQL: `stages` to run first, in order (each a query whose rows go into a temporary `table`), then `query`, which reads their tables. */
export interface WindowColumnsStatements {
  readonly stages: readonly { readonly table: string; readonly sql: string }[];
  readonly query: string;
}

/**
 * The relations a staged dialect keeps in tables, each read by a later statement: the numbered profiles, their weeks,
 * the running sums (the widest window), the posting weeks and the level filters' states.
 */
const STAGES = ['ef_profiles', 'ef_weeks', 'ef_run', 'ef_posting', 'ef_levels'] as const;
const STAGE_TABLE = (name: string): string => `${name}_stage`;

/**
 * The query of the window columns of the `corrected` preset (`WINDOW_COLUMNS`, in their order, after `id`,
 * `sunday`, and the week's `posts`, `engagement` and `post_run`, its posting weeks so far; then `target_1` …
 * `target_4`, the engagement per post 1 … 4 weeks later where that week has posts, the training targets), one row per profile and Sunday from each profile's first week with a record to its last, from a
 * query of segments (`segments`) with the columns `status` (0: kept), `id`, `sunday`, `n`, `posts`, `engagement`,
 * `followers_last` and `followers_day` (NaN when the segment has no followers value). With a staged dialect, the
 * stages' tables hold the intermediate relations; the caller makes them first and drops them after. `ids`:
 * `'numbers'` gives each profile's number (1, 2, … in the code point order of the ids: `profileNumbersSql`) as
 * `id` instead of its text, for work that needs no id (a training's passes): no join, and no copy of the text in
 * every row.
 */
export function windowColumnsQuery(d: SqlDialect, segments: string, ids: 'names' | 'numbers' = 'names'): WindowColumnsStatements {
  const nan = `CAST('NaN' AS ${d.double})`;
  const w = WEEK_WINDOW;
  const targets = HORIZONS.map((_, h) => `target_${h + 1}`);
  const filters = LEVEL_FILTERS.map((f, k) => ({ s: String(k), step: levelStep(d, String(k), f.weekVariance) }));
  const ewm = EWM_HALF_LIVES.map((h) => {
    const lambda = doubleSql(d, 2 ** (-1 / h));
    // Σ λ^(i−s) x_s = λ^i · Σ λ^(−s) x_s, s counted from the profile's first week (λ^(−s) stays finite within the span limits).
    return `power(${lambda}, i) * sum(engagement * power(${lambda}, -i)) OVER ${w}_run AS ewm_engagement_${h}, power(${lambda}, i) * sum(posts * power(${lambda}, -i)) OVER ${w}_run AS ewm_posts_${h}`;
  });
  // The profiles numbered: every window, join and the recursion below keys on the number, not the id's text.
  const ctes: [string, string][] = [['ef_segment_rows', segments]];
  const cte = (name: string, sql: string) => void ctes.push([name, sql]);
  cte(
    'ef_named_weeks',
    `
    SELECT id, sunday, CAST(sum(n) AS ${d.double}) AS daily_rows, sum(posts) AS posts, sum(engagement) AS engagement,
           ${d.lastBy('followers_last', 'followers_day', `followers_day <> ${nan}`)} AS followers
    FROM ef_segment_rows WHERE status = 0 GROUP BY id, sunday`,
  );
  cte('ef_profiles', profileNumbersSql(d, 'ef_named_weeks'));
  cte(
    'ef_weeks',
    `
    SELECT p.id, w.sunday, w.daily_rows, w.posts, w.engagement, w.followers FROM ef_named_weeks AS w JOIN ef_profiles AS p ON p.name = w.id`,
  );
  cte(
    'ef_grid',
    `
    SELECT b.id, CAST(sunday AS ${d.double}) AS sunday, CAST((sunday - b.first) / 7 AS BIGINT) AS i
    FROM (SELECT id, CAST(min(sunday) AS BIGINT) AS first, CAST(max(sunday) AS BIGINT) AS last FROM ef_weeks GROUP BY id) AS b, ${d.sundays('b.first', 'b.last')}`,
  );
  cte(
    'ef_filled',
    `
    SELECT g.id, g.sunday, coalesce(k.daily_rows, 0) AS daily_rows, coalesce(k.posts, 0) AS posts, coalesce(k.engagement, 0) AS engagement, k.followers, g.i
    FROM ef_grid AS g LEFT JOIN ef_weeks AS k ON k.id = g.id AND k.sunday = g.sunday`,
  );
  cte(
    'ef_run',
    `
    SELECT *,
           sum(posts) OVER ${w}_run AS cum_posts, sum(engagement) OVER ${w}_run AS cum_engagement, sum(daily_rows) OVER ${w}_run AS cum_days,
           count(CASE WHEN posts > 0 THEN 1 END) OVER ${w}_run AS post_run,
           max(CASE WHEN followers IS NOT NULL THEN sunday END) OVER ${w}_run AS followers_sunday,
           ${ewm.join(',\n           ')}
    FROM ef_filled WINDOW ${w}_run AS (PARTITION BY id ORDER BY sunday ROWS UNBOUNDED PRECEDING)`,
  );
  cte(
    'ef_obs',
    `
    SELECT id, post_run AS k, i, engagement / posts AS epp, ${log1pSql('engagement / posts')} AS y, ${doubleSql(d, LEVEL_FILTER.postVariance)} / posts AS r,
           ${d.list('engagement / posts', `(PARTITION BY id ORDER BY sunday ROWS ${MEDIAN_WEEKS - 1} PRECEDING)`)} AS recent
    FROM ef_run WHERE posts > 0`,
  );
  cte(
    'ef_posting',
    `
    SELECT id, k, i, epp, ${d.median('recent')} AS median_recent FROM ef_obs`,
  );
  cte(
    'ef_lists',
    `
    SELECT id, ${d
      .listsOf(['i', 'y', 'r'], 'k')
      .map((list, j) => `${list} AS ${['li', 'ly', 'lr'][j]}`)
      .join(', ')}, count(*) AS n FROM ef_obs GROUP BY id`,
  );
  cte(
    'ef_level',
    `
    SELECT id, 1 AS k, li[1] AS i, ${filters.map((f) => `ly[1] AS level_${f.s}, lr[1] AS variance_${f.s}, 0 AS side_${f.s}, ly[1] AS oy_${f.s}, lr[1] AS ov_${f.s}`).join(', ')}, n
    FROM ef_lists
    UNION ALL
    SELECT l.id, l.k + 1, x.li[l.k + 1], ${filters.flatMap((f) => f.step).join(', ')}, l.n
    FROM ef_level AS l JOIN ef_lists AS x ON x.id = l.id WHERE l.k < l.n`,
  );
  cte(
    'ef_levels',
    `
    SELECT id, k, ${filters.map((f) => `${expm1Sql(`level_${f.s}`)} AS level_filter_${f.s}`).join(', ')} FROM ef_level`,
  );
  cte(
    'ef_state',
    `
    SELECT r.*, o.i AS last_post, o.epp AS last_epp, o.median_recent, f.followers AS last_followers, ${filters.map((f) => `v.level_filter_${f.s}`).join(', ')}
    FROM ef_run AS r LEFT JOIN ef_posting AS o ON o.id = r.id AND o.k = r.post_run LEFT JOIN ef_levels AS v ON v.id = r.id AND v.k = r.post_run
         LEFT JOIN ef_weeks AS f ON f.id = r.id AND f.sunday = r.followers_sunday`,
  );
  cte(
    'ef_columns',
    `
    SELECT id, sunday, posts, engagement, post_run, ${WINDOW_COLUMNS.map((c) => `${c.sql!} AS ${c.name}`).join(', ')},
           ${targets.map((t, h) => `lead(CASE WHEN posts > 0 THEN engagement / posts END, ${h + 1}) OVER ${w} AS ${t}`).join(', ')}
    FROM ef_state WINDOW ${w} AS (PARTITION BY id ORDER BY sunday)`,
  );
  const columns = ['sunday', 'posts', 'engagement', 'post_run', ...WINDOW_COLUMNS.map((c) => c.name), ...targets].map((c) => `c.${c}`).join(', ');
  const select =
    ids === 'names'
      ? `SELECT p.name AS id, ${columns} FROM ef_columns AS c JOIN ef_profiles AS p ON p.id = c.id`
      : `SELECT c.id, ${columns} FROM ef_columns AS c`;
  const withClause = (upTo: number, staged: ReadonlySet<string>) =>
    `WITH RECURSIVE ${ctes
      .slice(0, upTo)
      .map(([name, sql]) => `${name} AS (${staged.has(name) ? `SELECT * FROM ${STAGE_TABLE(name)}` : sql})`)
      .join(', ')}`;
  if (!d.staged) return { stages: [], query: `${withClause(ctes.length, new Set())} ${select}` };
  // Each stage reads the tables of the stages before it.
  const staged = new Set<string>();
  const stages = STAGES.map((name) => {
    const upTo = ctes.findIndex(([n]) => n === name) + 1;
    const stage = { table: STAGE_TABLE(name), sql: `${withClause(upTo, staged)} SELECT * FROM ${name}` };
    staged.add(name);
    return stage;
  });
  return { stages, query: `${withClause(ctes.length, staged)} ${select}` };
}
