/*
 * Linear heads: standardizing features, `(x − mean) / scale` (T4's
 * transform), and applying `intercept + Σ coef[j] · x[j]` (T6's model). The
 * one home of both for training, scoring, the baseline and prediction.
 */

/** A linear head, as stored (`LinearHead`) or as fitted (typed arrays). */
export interface Head {
  coef: ArrayLike<number>;
  intercept: number;
}

/** A standardization: per feature, the mean subtracted and the scale divided by. */
export interface Standardization {
  mean: ArrayLike<number>;
  scale: ArrayLike<number>;
}

/** One standardized value: `(x − mean) / scale`. */
export function standardize(x: number, mean: number, scale: number): number {
  return (x - mean) / scale;
}

/** A feature row standardized, into `out` (a new array when omitted). */
export function standardizeRow(row: ArrayLike<number>, by: Standardization, out: Float64Array = new Float64Array(row.length)): Float64Array {
  for (let j = 0; j < row.length; j++) out[j] = standardize(row[j]!, by.mean[j]!, by.scale[j]!);
  return out;
}

/** Feature columns standardized in place (`columns[j][k]`), as training and prediction both need them. */
export function standardizeColumns(columns: readonly Float64Array[], by: Standardization): void {
  columns.forEach((col, j) => {
    const mean = by.mean[j]!;
    const scale = by.scale[j]!;
    for (let k = 0; k < col.length; k++) col[k] = standardize(col[k]!, mean, scale);
  });
}

/** A head applied to one feature row. */
export function applyHead(head: Head, x: ArrayLike<number>): number {
  let y = 0;
  for (let j = 0; j < x.length; j++) y += head.coef[j]! * x[j]!;
  return y + head.intercept;
}

/**
 * A head applied to the rows `rows` of feature columns (`columns[j][i]` is
 * feature j of row i), the features standardized first when `by` is given.
 */
export function predictRows(columns: readonly ArrayLike<number>[], head: Head, rows: ArrayLike<number>, by?: Standardization): Float64Array {
  const out = new Float64Array(rows.length);
  const x = new Float64Array(columns.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    for (let j = 0; j < columns.length; j++) x[j] = by ? standardize(columns[j]![i]!, by.mean[j]!, by.scale[j]!) : columns[j]![i]!;
    out[k] = applyHead(head, x);
  }
  return out;
}
