// Kept apart from app.ts so the command line can show the defaults without loading Fastify.

/** Request limits of the service (docs/service.md). */
export interface ServiceLimits {
  /** Most daily rows in one request (413 beyond). Default 20,000. */
  maxRows: number;
  /** Most distinct profiles in one request (413 beyond). Default 1,000. */
  maxProfiles: number;
  /** Largest request body in bytes (413 beyond). Default 4 MiB. */
  bodyLimit: number;
  /**
   * Largest model file the service reads, in bytes: parsing one blocks the
   * event loop, so a larger file is refused (at start, or on reload with the
   * old model kept). Default 16 MiB (a model is tens of kilobytes).
   */
  maxModelBytes: number;
}

/** The default request limits. */
export const DEFAULT_SERVICE_LIMITS: Readonly<ServiceLimits> = Object.freeze({
  maxRows: 20_000,
  maxProfiles: 1_000,
  bodyLimit: 4 * 1024 * 1024,
  maxModelBytes: 16 * 1024 * 1024,
});

/** How long the service waits for a client (docs/service.md), in milliseconds. */
export interface ServiceTimeouts {
  /** From the connection (or the previous request) to the end of a request's headers (408 and close beyond). Default 10,000. */
  headersMs: number;
  /** From the start of a request to the end of its body (408 and close beyond). Default 30,000. */
  requestMs: number;
  /** How long a keep-alive socket may stay idle after an answer. Default 5,000. */
  keepAliveMs: number;
}

/** The default timeouts: a stalled client holds a socket seconds, not forever. */
export const DEFAULT_SERVICE_TIMEOUTS: Readonly<ServiceTimeouts> = Object.freeze({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 });
