// Kept apart from app.ts so the command line can show the defaults without loading Fastify.

/** Request limits of the service (docs/service.md). */
export interface ServiceLimits {
  /** Most daily rows in one request (413 beyond). Default 20,000. */
  maxRows: number;
  /** Most distinct profiles in one request (413 beyond). Default 1,000. */
  maxProfiles: number;
  /** Largest request body in bytes (413 beyond). Default 4 MiB. */
  bodyLimit: number;
}

/** The default request limits. */
export const DEFAULT_SERVICE_LIMITS: Readonly<ServiceLimits> = Object.freeze({ maxRows: 20_000, maxProfiles: 1_000, bodyLimit: 4 * 1024 * 1024 });
