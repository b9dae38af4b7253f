import cluster from 'node:cluster';
import { ArgumentRangeError } from '../errors.js';
import { createServer, type ServerOptions } from './app.js';
import { answerMetricsRequests } from './cluster-metrics.js';

/** Options of `serve`: the server's, and where and how many. */
export interface ServeOptions extends ServerOptions {
  host?: string;
  port?: number;
  /** Processes (node:cluster) sharing the port. Default 1: no cluster. */
  workers?: number;
  /** On SIGTERM/SIGINT, how long readiness reports 503 before the server stops accepting (ms). Default 0. */
  drainDelayMs?: number;
  /** Called once listening, with the address (in each worker with `workers` > 1). */
  onListening?: (address: string) => void;
  /** Where one-line notes go (reloads, shutdown); default stderr. */
  note?: (line: string) => void;
}

/**
 * Runs the service until SIGTERM or SIGINT: listens, reloads the model on
 * SIGHUP (a bad file keeps the old model), and on SIGTERM/SIGINT goes
 * unready (503 on /readyz), lets in-flight requests finish, and exits 0.
 * With `workers` > 1 the primary forks that many processes sharing the port,
 * passes SIGHUP on to them, and on SIGTERM/SIGINT waits for all of them.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const note = options.note ?? ((line: string) => process.stderr.write(`${line}\n`));
  const workers = options.workers ?? 1;
  if (workers > 1 && cluster.isPrimary) {
    let stopping = false;
    answerMetricsRequests();
    for (let i = 0; i < workers; i++) cluster.fork();
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      note(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      cluster.fork();
    });
    process.on('SIGHUP', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGHUP');
    });
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      note(`${signal}: stopping ${workers} workers`);
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    return;
  }

  // One note per reload, whatever started it (SIGHUP or the file watch).
  const server = await createServer({
    ...options,
    // A worker's /metrics answers for every worker.
    ...(cluster.isWorker && workers > 1 ? { clusterMetrics: true } : {}),
    onReload: (r) => {
      note(r.ok ? `reloaded the model: ${r.id}` : `model reload failed, still serving ${r.id}: ${r.error}`);
      options.onReload?.(r);
    },
  });
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8080;
  let address: string;
  try {
    address = await server.app.listen({ host, port });
  } catch (error) {
    // A port in use or an address this machine does not have is the caller's to fix, not a bug.
    const code = (error as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = {
      EADDRINUSE: 'the address is in use',
      EADDRNOTAVAIL: 'this machine has no such address',
      EACCES: 'no permission to listen there',
      ENOTFOUND: 'no such host',
    };
    if (code === undefined || !(code in reasons)) throw error;
    await server.close();
    throw new ArgumentRangeError(`serve: cannot listen on ${host}:${port} (${code}: ${reasons[code]})`);
  }
  // Ready for SIGHUP before saying so: whoever waits for "listening" may reload at once.
  process.on('SIGHUP', () => {
    void server.reload();
  });
  options.onListening?.(address);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.drain();
    note(`${signal}: draining${options.drainDelayMs ? ` for ${options.drainDelayMs} ms` : ''}, then finishing in-flight requests`);
    if (options.drainDelayMs) await new Promise((r) => setTimeout(r, options.drainDelayMs));
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
