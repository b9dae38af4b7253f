import { createRequire } from 'node:module';

/**
 * The part of a danfo.js `DataFrame` this library reads and makes: column
 * names and rows of values. danfojs-node is an optional peer dependency,
 * loaded only when a danfo helper is called.
 */
export interface DataFrameLike {
  readonly columns: string[];
  /** [rows, columns]. */
  readonly shape: number[];
  readonly values: unknown[][];
}

/** Whether a value looks like a danfo `DataFrame` (column names and row arrays), without loading danfo. */
export function isDataFrameLike(value: unknown): value is DataFrameLike {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { columns?: unknown; values?: unknown; shape?: unknown };
  return Array.isArray(v.columns) && Array.isArray(v.values) && Array.isArray(v.shape);
}

/** A new danfo `DataFrame` from columns; throws a clear error when danfojs-node is not installed. */
export function makeDataFrame(columns: Record<string, unknown[]>, where: string): DataFrameLike {
  let danfo: { DataFrame: new (data: Record<string, unknown[]>) => DataFrameLike };
  try {
    danfo = createRequire(import.meta.url)('danfojs-node');
  } catch (error) {
    throw new Error(`${where} needs the optional peer dependency danfojs-node (npm install danfojs-node): ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  return new danfo.DataFrame(columns);
}
