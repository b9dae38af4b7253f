/** Typed-array helpers shared by the frames and the stages above them. */
// @ts-nocheck


/** A typed array of numbers. */
export type NumericArray = Int32Array | Float64Array | Uint8Array;

/**
 * A copy of `array` with room for `length` elements, the new ones set to
 * `fill`: how every growable buffer in the library grows.
 */
export function grown<T extends NumericArray>(array: T, length: number, fill = 0): T {
  const out = new (array.constructor as new (n: number) => T)(length);
  out.set(array);
  if (fill !== 0) out.fill(fill, array.length);
  return out;
}

/** A typed-array column that grows by doubling, for building frames of unknown length. */
export class Growable<T extends Int32Array | Float64Array> {
  data: T;
  length = 0;
  constructor(make: new (n: number) => T, capacity = 1024) {
    this.data = new make(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.data.length * 2);
    this.data[this.length++] = value;
  }
  /** The filled part, as a right-sized copy. */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** `column[rows[k]]` for each k, as a new Float64Array. */
export function gather(column: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = column[rows[k]!]!;
  return out;
}
