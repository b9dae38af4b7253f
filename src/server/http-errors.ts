import type { FastifyError } from 'fastify';
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

/** What a Fastify or library error means for the caller. */
export function httpErrorOf(error: FastifyError | Error): HttpError {
  if (error instanceof HttpError) return error;
  const fe = error as FastifyError & { validation?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] };
  if (fe.validation && fe.validation.length > 0) {
    const v = fe.validation[0]!;
    const m = /^\/rows\/(\d+)(?:\/([^/]+))?/.exec(v.instancePath);
    const missing = v.params?.missingProperty as string | undefined;
    const field = m?.[2] ?? missing ?? (v.instancePath.split('/').filter(Boolean)[0] || undefined);
    const where: { row?: number; field?: string } = {};
    if (m) where.row = Number(m[1]);
    if (field) where.field = field;
    const place = m ? `rows[${m[1]}]${field ? `.${field}` : ''}` : v.instancePath ? v.instancePath.slice(1).replace(/\//g, '.') : field ? field : 'body';
    return new HttpError(400, 'bad_request', `${place} ${v.message ?? 'is invalid'}`, where);
  }
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
    if (error.code === 'unforecastable' || error.code === 'span_limit') {
      // A profile the model cannot answer for: a forecast that would not be finite, or records spanning too many weeks.
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
