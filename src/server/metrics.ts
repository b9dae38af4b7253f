import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LoadedModel } from './model-slot.js';

/** The service's Prometheus metrics, in a registry of its own (one per server, so several can run in one process). */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'ef_http_requests_total',
    help: 'HTTP requests by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'ef_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly forecasts = new Counter({ name: 'ef_forecasts_served_total', help: 'Forecasts served (one per profile and horizon)', registers: [this.registry] });
  readonly profiles = new Counter({ name: 'ef_profiles_forecast_total', help: 'Profiles forecast', registers: [this.registry] });
  readonly reloads = new Counter({
    name: 'ef_model_reloads_total',
    help: 'Model reloads by result (ok, failed)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly model = new Gauge({
    name: 'ef_model_info',
    help: 'The loaded model (value 1): its content hash, preset and kind',
    labelNames: ['id', 'sha256', 'preset', 'kind', 'source'] as const,
    registers: [this.registry],
    // Across workers (see `clusterMetrics`): 1 per model served, not one per worker serving it.
    aggregator: 'max',
  });

  constructor(defaults: boolean) {
    if (defaults) collectDefaultMetrics({ register: this.registry, prefix: 'ef_' });
  }

  /**
   * The text `/metrics` answers: this registry's, or with `cluster`, every
   * worker's aggregated (counters and histograms summed, the model info per
   * model): a scrape answered by any worker counts the requests all answered.
   */
  text(): Promise<string> {
    return this.cluster ? this.cluster() : this.registry.metrics();
  }

  /** Set in a cluster's worker: asks the primary for every worker's metrics, aggregated. */
  cluster: (() => Promise<string>) | null = null;

  /** Points the model info metric at the loaded model. */
  setModel(m: LoadedModel): void {
    this.model.reset();
    this.model.set({ id: m.id, sha256: m.sha256, preset: m.model.preset, kind: m.model.estimator?.kind ?? 'linear', source: m.source }, 1);
  }
}
