/*
 * The service's JSON schemas: Fastify validates requests and serializes
 * responses from them, and @fastify/swagger turns them into the OpenAPI 3
 * document at /openapi.json. One place for the API's shape.
 */

import { PREDICTION_FLAGS } from '../schema.js';

/** Counts above 2^53 cannot be summed exactly in float64; larger values are refused at the door. */
const COUNT = {
  anyOf: [
    { type: 'number', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    { type: 'string', maxLength: 40 },
  ],
} as const;

/** One daily row, as the library's `DailyRowInput` (numbers, or numeric strings as CSV gives them). */
export const dailyRowSchema = {
  type: 'object',
  required: ['date', 'profile_id', 'posts', 'engagement', 'reach', 'impressions'],
  properties: {
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' },
    profile_id: { type: 'string', minLength: 1, maxLength: 256 },
    followers: {
      anyOf: [{ type: 'number', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }, { type: 'string', maxLength: 40 }, { type: 'null' }],
      description: 'missing when not a number (e.g. "undefined")',
    },
    posts: COUNT,
    engagement: COUNT,
    reach: COUNT,
    impressions: COUNT,
  },
  additionalProperties: true,
} as const;

export const forecastBodySchema = {
  type: 'object',
  required: ['rows'],
  additionalProperties: false,
  properties: {
    rows: { type: 'array', items: dailyRowSchema, description: 'daily rows of one or more profiles' },
    asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'forecast as of this day: only rows on or before it are used' },
    intervals: {
      type: 'array',
      items: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100 },
      minItems: 1,
      maxItems: 8,
      description: 'coverages, e.g. [0.8, 0.95]',
    },
    profiles: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 256 }, minItems: 1, description: 'forecast only these profiles' },
  },
} as const;

const predictionSchema = {
  type: 'object',
  required: ['profile_id', 'date', 'future_period', 'predicted_engagement', 'prediction_date', ...PREDICTION_FLAGS],
  properties: {
    profile_id: { type: 'string' },
    date: { type: 'string', description: 'the origin week’s Sunday' },
    future_period: { type: 'string' },
    predicted_engagement: { type: 'number' },
    prediction_date: { type: 'string' },
    partial_week: { type: 'boolean' },
    no_recent_posts: { type: 'boolean' },
    clipped: { type: 'boolean' },
    imputed: { type: 'boolean' },
    cold_start: { type: 'boolean' },
    non_finite_input: { type: 'boolean' },
  },
  patternProperties: { '^(lo|hi)_[0-9.]+$': { type: 'number' } },
  additionalProperties: false,
} as const;

const modelRef = {
  type: 'object',
  required: ['id', 'preset', 'version'],
  properties: {
    id: { type: 'string', description: 'content hash of the model (first 16 hex digits of its SHA-256)' },
    preset: { type: 'string' },
    version: { type: 'string', description: 'the library version that wrote the model' },
  },
} as const;

export const forecastResponseSchema = {
  type: 'object',
  required: ['model', 'predictions', 'skipped'],
  properties: {
    model: modelRef,
    predictions: { type: 'array', items: predictionSchema },
    skipped: {
      type: 'array',
      description: 'profiles of the rows sent that get no forecast, and why (rows only after the origin week, or none in the asOf window)',
      items: { type: 'object', required: ['profile_id', 'reason'], properties: { profile_id: { type: 'string' }, reason: { type: 'string' } } },
    },
  },
} as const;

export const errorSchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    row: { type: 'integer', description: 'index of the bad row in `rows`' },
    field: { type: 'string' },
    profile: { type: 'string' },
  },
} as const;

export const modelInfoSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    sha256: { type: 'string' },
    source: { type: 'string' },
    loadedAt: { type: 'string' },
    preset: { type: 'string' },
    formatVersion: { type: 'integer' },
    estimator: { type: 'object', additionalProperties: true },
    features: { type: 'array', items: { type: 'string' } },
    description: { type: 'string' },
    intervals: { type: 'boolean', description: 'whether the model answers `intervals`' },
    training: { type: 'object', additionalProperties: true, nullable: true },
    metrics: { type: 'object', additionalProperties: true, nullable: true },
    modelLibraryVersion: { type: 'string' },
    libraryVersion: { type: 'string' },
  },
} as const;

export const statusSchema = { type: 'object', properties: { status: { type: 'string' } } } as const;
