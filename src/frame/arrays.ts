/** Typed-array helpers shared by the frames and the stages above them. */
import { markAsUntransferable } from 'node:worker_threads';

/**
 * Where code that reads memory ahead of using it (so that the cache misses of
 * a batch overlap) leaves a number made of what it read: a write the compiler
 * cannot drop, so neither can it drop the reads.
 */
export const readAhead = { sink: 0 };

/** A typed array of numbers. */
export type NumericArray = Int32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * A column of counts, in the narrowest of these types that holds every value
 * exactly: whole numbers 0…255, 0…65,535 or 0…4,294,967,295, else doubles.
 */
export type CountArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;

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
  constructor(make: new (n: number) => T, capacity = 64) {
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

const COUNT_TYPES = [Uint8Array, Uint16Array, Uint32Array, Float64Array] as const;

/** The index in `COUNT_TYPES` of the narrowest type that holds `value` exactly (−0 and NaN need doubles). */
function countKind(value: number): number {
  if (!(value >= 0 && value === Math.floor(value)) || (value === 0 && 1 / value < 0)) return 3;
  return value <= 0xff ? 0 : value <= 0xffff ? 1 : value <= 0xffffffff ? 2 : 3;
}

/** The index in `COUNT_TYPES` of a count column's type. */
export function countKindOf(array: CountArray): number {
  return array instanceof Uint8Array ? 0 : array instanceof Uint16Array ? 1 : array instanceof Uint32Array ? 2 : 3;
}

/** An empty count column of the kind `countKindOf` gives. */
export function newCountArray(kind: number, length: number): CountArray {
  return new COUNT_TYPES[kind]!(length);
}

/**
 * A growable count column that starts as bytes and widens (16 bits, 32 bits,
 * doubles) the first time a value does not fit, so every value is kept
 * exactly at a quarter to an eighth of the memory of doubles when counts are small.
 */
export class CountColumn {
  data: CountArray;
  length = 0;
  private kind = 0;

  constructor(capacity = 64) {
    this.data = new Uint8Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.data.length * 2);
    if (this.kind < 3) {
      const kind = countKind(value);
      if (kind > this.kind) this.widen(kind);
    }
    this.data[this.length++] = value;
  }

  /** The filled part, as a right-sized copy. */
  finish(): CountArray {
    return this.data.slice(0, this.length);
  }

  private widen(kind: number): void {
    this.kind = kind;
    const wider = newCountArray(this.kind, this.data.length);
    wider.set(this.data.subarray(0, this.length));
    this.data = wider;
  }
}

/** `column[rows[k]]` for each k, as a new Float64Array. */
export function gather(column: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = column[rows[k]!]!;
  return out;
}

/**
 * Arrays of at most this many bytes are cut from shared blocks (`float64s`,
 * `int32s`, `uint8s`): V8 keeps a typed array's own memory outside its heap
 * past 64 bytes, and making one costs about a microsecond (allocation,
 * external-memory accounting, a sweep to free it), against tens of
 * nanoseconds for a view on memory that is already there. One prediction
 * makes about eighty such arrays.
 */
const SMALL_BYTES = 4096;
const BLOCK_BYTES = 64 * 1024;

/**
 * A new block, marked untransferable (as Node marks its own `Buffer` pool):
 * a caller who lists a small array's buffer in a `postMessage` transfer
 * gets a copy sent (an error from Node 21 on), and the other arrays of the
 * block are not detached with it.
 */
function newBlock(): ArrayBuffer {
  const made = new ArrayBuffer(BLOCK_BYTES);
  markAsUntransferable(made);
  return made;
}

let block = newBlock();
let used = 0;

type Small<T> = { new (length: number): T; new (buffer: ArrayBuffer, byteOffset: number, length: number): T; readonly BYTES_PER_ELEMENT: number };

/**
 * A zeroed array of `length` elements of type `make`; a small one is a view
 * on a shared block. Memory is never reused (a view starts zeroed); a
 * long-lived small array keeps its block (64 KB) alive. Send one to a thread
 * through `ownBuffer`.
 */
function fromBlock<T>(make: Small<T>, length: number): T {
  const bytes = length * make.BYTES_PER_ELEMENT;
  if (bytes > SMALL_BYTES || bytes === 0) return new make(length);
  const rounded = (bytes + 7) & ~7;
  if (used + rounded > BLOCK_BYTES) {
    block = newBlock();
    used = 0;
  }
  const at = used;
  used += rounded;
  return new make(block, at, length);
}

/** A zeroed `Float64Array(length)`, cut from a shared block when small (see `fromBlock`): for the arrays a single computation makes and drops. */
export const float64s = (length: number): Float64Array => fromBlock(Float64Array, length);
/** `float64s` for 32-bit integers. */
export const int32s = (length: number): Int32Array => fromBlock(Int32Array, length);
/** `float64s` for bytes. */
export const uint8s = (length: number): Uint8Array => fromBlock(Uint8Array, length);

/** `array` itself when it has its buffer to itself, else a copy that does (before its buffer is transferred to a thread). */
export function ownBuffer<T extends Int32Array | Float64Array | Uint8Array>(array: T): T {
  return array.byteOffset === 0 && array.buffer.byteLength === array.byteLength ? array : (array.slice() as T);
}
