import type { ProfileRowSource } from '../../features/source.js';
import type { ServiceLimits } from '../limits.js';
import type { ServiceMetrics } from '../metrics.js';
import type { ModelSlot } from '../model-slot.js';

/** What the route plugins share: the model being served, the metrics, the request limits, and whether the server drains. */
export interface RouteContext {
  slot: ModelSlot;
  metrics: ServiceMetrics;
  limits: ServiceLimits;
  isDraining: () => boolean;
  /** Where one profile's rows are read, when the service has a store (`ServerOptions.profiles`). */
  profiles?: ProfileRowSource;
}
