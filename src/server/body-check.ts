import { JsonRows, readJsonRows } from '../io/json-rows.js';
import { dailyRowSchema, forecastBodySchema } from './schemas.js';

/*
 * The forecast body checked against its JSON schema (schemas.ts) by hand, in
 * one pass with the library's reading of the rows: the top-level fields
 * before the handler, each row as the library reads it. The errors are the
 * ones Fastify's validator (Ajv, `allErrors: false`) gives for the same body
 * — the same keyword order, messages and paths — so the answers stay the
 * same (a test compares them on every kind of fault). The schema itself
 * still describes the API in the OpenAPI document.
 */

/** One validation error, as Ajv reports it. */
export interface SchemaError {
  instancePath: string;
  /** The keyword's place in the schema, as `#/keyword` (not used in answers). */
  schemaPath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

const DATE = new RegExp(dailyRowSchema.properties.date.pattern);
const COUNT_MAX = dailyRowSchema.properties.posts.anyOf[0].maximum;
const COUNT_TEXT_MAX = dailyRowSchema.properties.posts.anyOf[1].maxLength;
const ID_MAX = dailyRowSchema.properties.profile_id.maxLength;
const { intervals: INTERVALS, profiles: PROFILES } = forecastBodySchema.properties;
const BODY_KEYS = new Set(Object.keys(forecastBodySchema.properties));

const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** `DATE.test(s)`, by character codes (a row's date is checked on every row). */
function isDateShape(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (const i of DATE_DIGITS) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An error without its place: a row's fields are checked first, and a path is made only for a fault. */
type Fault = Omit<SchemaError, 'instancePath' | 'schemaPath'>;
const fault = (keyword: string, message: string, params: Record<string, unknown> = {}): Fault => ({ keyword, message, params });
const typeFault = (type: string): Fault => fault('type', `must be ${type}`, { type });
const at = (instancePath: string, f: Fault): SchemaError => ({ instancePath, schemaPath: `#/${f.keyword}`, ...f });
const error = (instancePath: string, keyword: string, message: string, params: Record<string, unknown> = {}): SchemaError =>
  at(instancePath, fault(keyword, message, params));
const typeError = (path: string, type: string): SchemaError => at(path, typeFault(type));

/**
 * Ajv's length of a string, code points, where it matters for `min` … `max`: a
 * string of n UTF-16 units has n/2 to n code points, so n in [2 min, max] is within.
 */
const lengthOf = (v: string, min: number, max: number): number => (v.length <= max && v.length >= 2 * min ? v.length : [...v].length);

/** A string of `minLength` … `maxLength` characters (maxLength first, as Ajv checks it). */
function stringFault(v: unknown, minLength: number, maxLength: number): Fault | null {
  if (typeof v !== 'string') return typeFault('string');
  const length = lengthOf(v, minLength, maxLength);
  if (length > maxLength) return fault('maxLength', `must NOT have more than ${maxLength} characters`, { limit: maxLength });
  if (length < minLength) return fault('minLength', `must NOT have fewer than ${minLength} characters`, { limit: minLength });
  return null;
}

/** A daily count: a number from 0 to 2^53, or a string of at most 40 characters (`null` too for followers). */
function countFault(v: unknown, nullable: boolean): Fault | null {
  if (typeof v === 'number') {
    if (v > COUNT_MAX) return fault('maximum', `must be <= ${COUNT_MAX}`, { comparison: '<=', limit: COUNT_MAX });
    if (v < 0) return fault('minimum', 'must be >= 0', { comparison: '>=', limit: 0 });
    return null;
  }
  if (typeof v === 'string' && lengthOf(v, 0, COUNT_TEXT_MAX) <= COUNT_TEXT_MAX) return null;
  if (nullable && v === null) return null;
  // anyOf: the first alternative's error comes first.
  return typeFault('number');
}

/** The schema's checks of one daily row (`rows[index]`): null when it passes. */
export function checkRowShape(row: unknown, index: number): SchemaError | null {
  if (!isObject(row)) return typeError(`/rows/${index}`, 'object');
  // Fields read by name, not in a loop over names (a keyed read is a dictionary lookup per row).
  const { date, profile_id: id, followers, posts, engagement, reach, impressions } = row;
  if (date === undefined || id === undefined || posts === undefined || engagement === undefined || reach === undefined || impressions === undefined) {
    const key = dailyRowSchema.required.find((k) => row[k] === undefined)!;
    return error(`/rows/${index}`, 'required', `must have required property '${key}'`, { missingProperty: key });
  }
  if (typeof date !== 'string') return typeError(`/rows/${index}/date`, 'string');
  if (!isDateShape(date))
    return error(`/rows/${index}/date`, 'pattern', `must match pattern "${dailyRowSchema.properties.date.pattern}"`, { pattern: DATE.source });
  let f = stringFault(id, 1, ID_MAX);
  if (f) return at(`/rows/${index}/profile_id`, f);
  if (followers !== undefined && (f = countFault(followers, true))) return at(`/rows/${index}/followers`, f);
  if ((f = countFault(posts, false))) return at(`/rows/${index}/posts`, f);
  if ((f = countFault(engagement, false))) return at(`/rows/${index}/engagement`, f);
  if ((f = countFault(reach, false))) return at(`/rows/${index}/reach`, f);
  if ((f = countFault(impressions, false))) return at(`/rows/${index}/impressions`, f);
  return null;
}

/** The schema's checks of the body but its rows' items (see `checkRowShape`): null when it passes. */
export function checkBodyShape(body: unknown): SchemaError | null {
  if (!isObject(body)) return typeError('', 'object');
  if (body.rows === undefined) return error('', 'required', "must have required property 'rows'", { missingProperty: 'rows' });
  for (const key of Object.keys(body)) {
    if (!BODY_KEYS.has(key)) return error('', 'additionalProperties', 'must NOT have additional properties', { additionalProperty: key });
  }
  if (!Array.isArray(body.rows)) return typeError('/rows', 'array');
  if (body.asOf !== undefined) {
    if (typeof body.asOf !== 'string') return typeError('/asOf', 'string');
    if (!isDateShape(body.asOf)) return error('/asOf', 'pattern', `must match pattern "${dailyRowSchema.properties.date.pattern}"`, { pattern: DATE.source });
  }
  if (body.intervals !== undefined) {
    const v = body.intervals;
    if (!Array.isArray(v)) return typeError('/intervals', 'array');
    if (v.length > INTERVALS.maxItems)
      return error('/intervals', 'maxItems', `must NOT have more than ${INTERVALS.maxItems} items`, { limit: INTERVALS.maxItems });
    if (v.length < INTERVALS.minItems)
      return error('/intervals', 'minItems', `must NOT have fewer than ${INTERVALS.minItems} items`, { limit: INTERVALS.minItems });
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const at = `/intervals/${i}`;
      if (typeof x !== 'number') return typeError(at, 'number');
      const { exclusiveMaximum: max, exclusiveMinimum: min } = INTERVALS.items;
      if (!(x < max)) return error(at, 'exclusiveMaximum', `must be < ${max}`, { comparison: '<', limit: max });
      if (!(x > min)) return error(at, 'exclusiveMinimum', `must be > ${min}`, { comparison: '>', limit: min });
    }
  }
  if (body.profiles !== undefined) {
    const v = body.profiles;
    if (!Array.isArray(v)) return typeError('/profiles', 'array');
    if (v.length < PROFILES.minItems)
      return error('/profiles', 'minItems', `must NOT have fewer than ${PROFILES.minItems} items`, { limit: PROFILES.minItems });
    for (let i = 0; i < v.length; i++) {
      const f = stringFault(v[i], PROFILES.items.minLength, PROFILES.items.maxLength);
      if (f) return at(`/profiles/${i}`, f);
    }
  }
  return null;
}

/**
 * A forecast body read from its bytes by the rows' own reader (`readJsonRows`):
 * the rows as columns, checked as the schema and the library check row
 * objects; the other fields as `JSON.parse` gives them, checked by
 * `checkBodyShape`. The route answers from it, and from `parsed()` (the body
 * as `JSON.parse` gives it, through the usual checks) when it cannot.
 */
export class ColumnarForecastBody {
  constructor(
    readonly rows: JsonRows,
    readonly fields: { asOf?: string; intervals?: number[]; profiles?: string[] },
    private readonly bytes: Buffer,
  ) {}

  /** The body as `JSON.parse` gives it. */
  parsed(): unknown {
    return JSON.parse(this.bytes.toString('utf8'));
  }
}

/**
 * A forecast body (valid UTF-8) read by `readJsonRows`, when it is in the form
 * that reader takes and passes `checkBodyShape`; null otherwise (parse it).
 * That reader takes no escape and no `__proto__` key: a prototype key, which
 * the guarded parser refuses, is left to it.
 */
export function readForecastBody(bytes: Buffer): ColumnarForecastBody | null {
  const read = readJsonRows(bytes, { maxIdLength: ID_MAX, maxTextLength: COUNT_TEXT_MAX });
  if (read === null || checkBodyShape({ rows: [], ...read.fields }) !== null) return null;
  return new ColumnarForecastBody(read.rows, read.fields, bytes);
}
