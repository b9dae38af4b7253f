// `engagement-forecast serve`.
import { readFileSync } from 'node:fs';
import { ArgumentTypeError } from '../../errors.js';
import { DEFAULT_SERVICE_LIMITS, DEFAULT_SERVICE_TIMEOUTS } from '../../server/limits.js';
import { checkModelFlags, parse, UsageError, type Command } from '../flags.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the prediction service (HTTP API)',
  help: `Usage: engagement-forecast serve [--model FILE | --builtin] [--host H] [--port P] [--workers N] [options]

Runs the prediction service (docs/service.md): POST /v1/forecast, GET /v1/model,
/healthz, /readyz, /metrics (Prometheus), /openapi.json; with --engine postgres,
GET /v1/profiles/:id/forecast. Logs are JSON lines on
stdout, one per request. SIGHUP reloads the model (a bad file keeps the old one);
SIGTERM or SIGINT drains (readiness 503), finishes in-flight requests, exits 0.

  --model FILE          the model file to serve
  --builtin             the built-in pretrained models (default without --model)
  --host H              address to listen on (default 127.0.0.1)
  --port P              port (default 8080; 0 for any free port)
  --workers N           processes sharing the port (default 1)
  --watch               also reload when the model file changes
  --max-rows N          most daily rows per request (default ${DEFAULT_SERVICE_LIMITS.maxRows})
  --max-profiles N      most profiles per request (default ${DEFAULT_SERVICE_LIMITS.maxProfiles})
  --body-limit BYTES    largest request body (default ${DEFAULT_SERVICE_LIMITS.bodyLimit})
  --max-model-bytes N   largest model file read, at start and on reload (default ${DEFAULT_SERVICE_LIMITS.maxModelBytes})
  --headers-timeout-ms MS  wait at most this long for a request's headers (default ${DEFAULT_SERVICE_TIMEOUTS.headersMs})
  --request-timeout-ms MS  wait at most this long for a whole request (default ${DEFAULT_SERVICE_TIMEOUTS.requestMs})
  --keep-alive-ms MS    close a keep-alive connection idle this long (default ${DEFAULT_SERVICE_TIMEOUTS.keepAliveMs})
  --token-file PATH     require this bearer token (the file's first line, at least 16 characters)
                        on every request but /healthz and /readyz; EF_SERVICE_TOKEN does the same
                        (there is no flag for the token itself: a flag shows in the process list)
  --cors-origin URL     allow browser calls from this origin (repeatable; default: none)
  --engine postgres     also answer GET /v1/profiles/:id/forecast, the profile's rows read from
                        a PostgreSQL table by its profile_id (index it), through a pool
  --url URL             the server (default: the PG* environment variables)
  --table NAME          the table of daily rows; --schema NAME its schema
  --drain-ms MS         on SIGTERM, how long /readyz reports 503 before closing (default 0)
  --log-level LEVEL     info (default), warn, error, silent
  --quiet               no notes on stderr, and no request logs
  -h, --help            this help`,
  async run(rest, context) {
    const command = 'serve';
    const { note } = context;
    const { values } = parse(command, rest, {
      model: { type: 'string' },
      builtin: { type: 'boolean' },
      host: { type: 'string' },
      port: { type: 'string' },
      workers: { type: 'string' },
      watch: { type: 'boolean' },
      'max-rows': { type: 'string' },
      'max-profiles': { type: 'string' },
      'body-limit': { type: 'string' },
      'max-model-bytes': { type: 'string' },
      'headers-timeout-ms': { type: 'string' },
      'request-timeout-ms': { type: 'string' },
      'keep-alive-ms': { type: 'string' },
      'token-file': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'drain-ms': { type: 'string' },
      'log-level': { type: 'string' },
      engine: { type: 'string' },
      url: { type: 'string' },
      table: { type: 'string' },
      schema: { type: 'string' },
    });
    context.quiet = values.quiet === true;
    if (values.json) throw new UsageError(`${command}: --json is not an option of serve (its request logs are JSON lines on stdout)`);
    checkModelFlags(values, command);
    const int = (name: string, min: number): number | undefined => {
      const v = values[name] as string | undefined;
      if (v === undefined) return undefined;
      if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${command}: --${name} must be an integer of at least ${min}`);
      return Number(v);
    };
    const port = int('port', 0);
    if (port !== undefined && port > 65535) throw new UsageError(`${command}: --port must be at most 65535`);
    const level = (values['log-level'] as string | undefined) ?? (context.quiet ? 'silent' : 'info');
    if (!['info', 'warn', 'error', 'silent', 'debug'].includes(level)) throw new UsageError(`${command}: --log-level must be info, warn, error or silent`);
    const limits = {
      maxRows: int('max-rows', 1),
      maxProfiles: int('max-profiles', 1),
      bodyLimit: int('body-limit', 1),
      maxModelBytes: int('max-model-bytes', 1),
    };
    const timeouts = { headersMs: int('headers-timeout-ms', 1), requestMs: int('request-timeout-ms', 1), keepAliveMs: int('keep-alive-ms', 1) };
    const token = readToken(values['token-file'] as string | undefined, command);
    const corsOrigins = values['cors-origin'] as string[] | undefined;
    const engine = values.engine as string | undefined;
    const table = values.table as string | undefined;
    if (engine !== undefined && engine !== 'postgres') throw new UsageError(`${command}: --engine must be postgres, got '${engine}'`);
    if (engine === undefined && (table !== undefined || values.url !== undefined || values.schema !== undefined))
      throw new UsageError(`${command}: --url, --table and --schema need --engine postgres`);
    if (engine === 'postgres' && table === undefined) throw new UsageError(`${command}: with --engine postgres, --table is required`);
    // Connects on the first request, in each worker (the pool is the process's own).
    const profiles =
      engine === 'postgres'
        ? (await import('../../engines/postgres.js')).postgresProfiles({
            table: table!,
            ...(values.schema !== undefined ? { schema: values.schema as string } : {}),
            ...(values.url !== undefined ? { connectionString: values.url as string } : {}),
          })
        : undefined;
    const { serve } = await import('../../server/serve.js');
    const model = typeof values.model === 'string' ? values.model : undefined;
    await serve({
      ...(model ? { model } : {}),
      host: (values.host as string | undefined) ?? '127.0.0.1',
      port: port ?? 8080,
      workers: int('workers', 1) ?? 1,
      watch: values.watch === true,
      drainDelayMs: int('drain-ms', 0) ?? 0,
      limits: Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
      timeouts: Object.fromEntries(Object.entries(timeouts).filter(([, v]) => v !== undefined)),
      ...(token !== undefined ? { token } : {}),
      ...(corsOrigins ? { corsOrigins } : {}),
      ...(profiles ? { profiles } : {}),
      logger: { level },
      note,
      onListening: (address) => note(`listening on ${address}, serving ${model ?? 'the built-in model'}`),
    });
    return -1; // running: the process ends on SIGTERM/SIGINT
  },
};

/** The service token: the first line of `--token-file`, else `EF_SERVICE_TOKEN`, else none. */
function readToken(file: string | undefined, command: string): string | undefined {
  if (file === undefined) {
    const env = process.env.EF_SERVICE_TOKEN;
    if (env === undefined || env === '') return undefined;
    if (env.length < 16) throw new ArgumentTypeError(`${command}: EF_SERVICE_TOKEN must be a token of at least 16 characters`);
    return env;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ArgumentTypeError(`${command}: cannot read the token file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const token = text.split(/\r?\n/)[0]!.trim();
  if (token.length < 16) throw new ArgumentTypeError(`${command}: the token file ${file} must hold a token of at least 16 characters`);
  return token;
}
