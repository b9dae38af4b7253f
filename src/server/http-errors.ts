import type { FastifyError } from 'fastify';
import type { SchemaError } from './body-check.js';
import { dailyRowSchema } from './schemas.js';
import { DataError, ModelError, isArgumentError } from '../errors.js';

/*
 * What an error means for the caller of the service: a status, a short code
 * and a sentence. Library errors are mapped by their typed `code`, never by
 * their message text.
 */

/** An error answer: status, a short code, a sentence, and where in the request when known. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly where: { row?: number; field?: string; profile?: string } = {},
  ) {
    super(message);
  }
}

/** The JSON body of an error answer. */
export function errorBody(e: HttpError): Record<string, unknown> {
  return { error: e.code, message: e.message, ...e.where };
}

/** A schema error (the first of a failed validation) as the caller reads it: which row and field, and why. */
export function schemaHttpError(v: SchemaError): HttpError {
  const absent = v.keyword === 'required' ? (v.params?.missingProperty as string | undefined) : undefined;
  // A missing field in the user's words (the validator says "must have required property").
  if (absent !== undefined) {
    const row = /^\/rows\/(\d+)$/.exec(v.instancePath);
    if (row)
      return new HttpError(
        400,
        'bad_request',
        `rows[${row[1]}] has no '${absent}' (each daily row needs ${dailyRowSchema.required.join(', ').replace(/, (\w+)$/, ' and $1')})`,
        {
          row: Number(row[1]),
          field: absent,
        },
      );
    if (v.instancePath === '')
      return new HttpError(400, 'bad_request', `the body has no '${absent}'${absent === 'rows' ? ': send {"rows": [daily rows]}' : ''}`, { field: absent });
  }
  const m = /^\/rows\/(\d+)(?:\/([^/]+))?/.exec(v.instancePath);
  const missing = v.params?.missingProperty as string | undefined;
  const field = m?.[2] ?? missing ?? (v.instancePath.split('/').filter(Boolean)[0] || undefined);
  const where: { row?: number; field?: string } = {};
  if (m) where.row = Number(m[1]);
  if (field) where.field = field;
  const place = m ? `rows[${m[1]}]${field ? `.${field}` : ''}` : v.instancePath ? v.instancePath.slice(1).replace(/\//g, '.') : field ? field : 'body';
  return new HttpError(400, 'bad_request', `${place} ${v.message ?? 'is invalid'}`, where);
}

/** What a Fastify or library error means for the caller. */
export function httpErrorOf(error: FastifyError | Error): HttpError {
  if (error instanceof HttpError) return error;
  const fe = error as FastifyError & { validation?: SchemaError[] };
  if (fe.validation && fe.validation.length > 0) return schemaHttpError(fe.validation[0]!);
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported_media_type', 'send the request body as application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'payload_too_large', fe.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'bad_json', fe.message);
    default:
      break;
  }
  if (fe.statusCode === 400 && /JSON/i.test(fe.message)) return new HttpError(400, 'bad_json', `the body is not valid JSON: ${fe.message}`);
  if (error instanceof DataError) {
    if (error.code === 'unforecastable' || (error.code === 'span_limit' && error.line === 0)) {
      // A profile the model cannot answer for: a forecast that would not be finite, or records spanning too many weeks
      // (a row past the span limit, named by its index, is a bad row: 400).
      return new HttpError(422, 'unforecastable', `profile ${JSON.stringify(error.value ?? '')}: ${error.reason}`, { profile: error.value ?? '' });
    }
    const where: { row?: number; field?: string } = {};
    if (error.line > 0) where.row = error.line - 1;
    if (error.column) where.field = error.column;
    return new HttpError(
      400,
      'bad_row',
      error.line > 0
        ? `rows[${error.line - 1}]${error.column ? `.${error.column}` : ''}: ${error.reason}${error.value === undefined ? '' : `: ${JSON.stringify(error.value)}`}`
        : error.message,
      where,
    );
  }
  if (error instanceof ModelError) return new HttpError(422, 'model_cannot_answer', error.message);
  if (isArgumentError(error)) {
    if (error.code === 'no_rows_for_profile') return new HttpError(422, 'no_rows_for_profile', error.message);
    return new HttpError(400, 'bad_request', error.message);
  }
  if (fe.statusCode === 503) return new HttpError(503, 'under_pressure', fe.message); // load shedding: Retry-After is already set
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return new HttpError(fe.statusCode, 'bad_request', fe.message);
  return new HttpError(500, 'internal_error', 'internal error (logged on the server)');
}

/**
 * The offset of the first byte that does not begin a well-formed UTF-8
 * sequence (overlong forms, surrogates and code points past U+10FFFF
 * included), or −1 when every byte is well-formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
