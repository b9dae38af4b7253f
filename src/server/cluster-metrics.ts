import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/*
 * /metrics across the workers of `serve --workers N`: each worker counts in a
 * registry of its own, so a scrape answered by one worker would see a share
 * of the traffic. The worker that answers asks the primary, which gathers
 * every worker's registry (prom-client's cluster aggregator: counters and
 * histograms summed) and sends the text back.
 */

const REQUEST = 'ef:metrics-request';
const ANSWER = 'ef:metrics-answer';
/** How long a worker waits for the primary's answer. */
const TIMEOUT_MS = 5000;

interface Request {
  type: typeof REQUEST;
  id: number;
}
interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

/** In the primary: answers the workers' requests for everyone's metrics. */
export function answerMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: Request) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id: message.id, text } satisfies Answer),
      (error: unknown) => worker.send({ type: ANSWER, id: message.id, error: (error as Error).message } satisfies Answer),
    );
  });
}

/**
 * In a worker: offers `registry` to the primary's aggregator, and returns how
 * to ask the primary for every worker's metrics, aggregated.
 */
export function workerMetrics(registry: Registry): () => Promise<string> {
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one is what makes prom-client answer the primary's requests in this worker.
  new AggregatorRegistry();
  let next = 0;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  process.on('message', (message: Answer) => {
    if (message?.type !== ANSWER) return;
    const w = waiting.get(message.id);
    if (!w) return;
    waiting.delete(message.id);
    clearTimeout(w.timer);
    if (message.text !== undefined) w.resolve(message.text);
    else w.reject(new Error(`metrics of the other workers: ${message.error ?? 'no answer'}`));
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`metrics of the other workers: no answer from the primary within ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      waiting.set(id, { resolve, reject, timer });
      process.send!({ type: REQUEST, id } satisfies Request);
    });
}
