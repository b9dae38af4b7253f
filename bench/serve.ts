// npm run bench:serve -- [--duration 10] [--connections 32] [--no-write]
//
// Loads `engagement-forecast serve` with autocannon on 127.0.0.1, beside a
// bare node:http server that only parses the same JSON body and answers, in
// the same run (so the ratio means something on a noisy machine). Bodies:
// one profile with 120 daily rows, and 100 profiles in one request, from
// generated data; served with the built-in model, with a corrected model
// (log-linear, intervals asked for), and with that one on two workers; with
// EF_POSTGRES_URL set, also that model answering GET /v1/profiles/:id/forecast
// from the same rows in a PostgreSQL table. Each
// load is bounded in time and stops by itself. Prints req/s, p50/p99
// latency and errors, and the latency of one profile's `predict` in this
// process, and records them in docs/benchmarks.md.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { dailyFromRows, predict, saveModel, trainModels, type DailyRowInput } from 'engagement-forecast';
import { generateDailyRows } from 'engagement-forecast/generate';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' }, 'no-write': { type: 'boolean', default: false } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'ef-bench-serve-'));

// Requests: the last 120 days of generated profiles seen on most days.
const rows = [...generateDailyRows({ profiles: 400, from: '2024-01-01', to: '2024-11-30', seed: 3 })] as unknown as DailyRowInput[];
const byProfile = new Map<string, DailyRowInput[]>();
for (const r of rows) (byProfile.get(r.profile_id) ?? byProfile.set(r.profile_id, []).get(r.profile_id)!).push(r);
const busy = [...byProfile.values()].filter((p) => p.length >= 120).map((p) => p.slice(-120));
if (busy.length < 100) throw new Error(`only ${busy.length} generated profiles have 120 rows`);
const bodies = {
  'one profile, 120 daily rows': JSON.stringify({ rows: busy[0] }),
  '100 profiles, 12,000 daily rows': JSON.stringify({ rows: busy.slice(0, 100).flat() }),
};
const corrected = join(work, 'corrected.json');
const correctedModel = trainModels(dailyFromRows(rows), { preset: 'corrected', cutoff: '2024-09-30' }).model;
await saveModel(correctedModel, corrected);

// One profile's predict in this process (corrected, intervals 80 and 95): the part of a request that is ours alone.
const PREDICT_CALLS = 20_000;
for (let i = 0; i < 2000; i++) predict(correctedModel, busy[0]!, { intervals: [0.8, 0.95] });
const micros: number[] = [];
for (let i = 0; i < PREDICT_CALLS; i++) {
  const t0 = process.hrtime.bigint();
  predict(correctedModel, busy[0]!, { intervals: [0.8, 0.95] });
  micros.push(Number(process.hrtime.bigint() - t0) / 1000);
}
micros.sort((a, b) => a - b);
// The same on rows parsed afresh for each call, as the service gets them (new objects every time; the parse not timed).
const oneBody = bodies['one profile, 120 daily rows'];
const fresh: number[] = [];
for (let i = 0; i < PREDICT_CALLS; i++) {
  const parsed = (JSON.parse(oneBody) as { rows: DailyRowInput[] }).rows;
  const t0 = process.hrtime.bigint();
  predict(correctedModel, parsed, { intervals: [0.8, 0.95] });
  fresh.push(Number(process.hrtime.bigint() - t0) / 1000);
}
fresh.sort((a, b) => a - b);
const predictLine =
  `One profile's \`predict\` (120 daily rows, corrected, intervals 80 and 95), in process, ${PREDICT_CALLS.toLocaleString('en')} calls after 2,000 warm-up: p50 ${micros[PREDICT_CALLS >> 1]!.toFixed(1)} µs, p99 ${micros[Math.floor(PREDICT_CALLS * 0.99)]!.toFixed(1)} µs; ` +
  `on rows parsed afresh for each call (as the service gets them): p50 ${fresh[PREDICT_CALLS >> 1]!.toFixed(1)} µs, p99 ${fresh[Math.floor(PREDICT_CALLS * 0.99)]!.toFixed(1)} µs.`;
console.error(predictLine);

const BARE = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const out = JSON.stringify({ ok: true, rows: body.rows.length });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
    res.end(out);
  });
});
server.listen(0, '127.0.0.1', () => process.stderr.write('listening on http://127.0.0.1:' + server.address().port + '\\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));`;

function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start: ${err}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
  });
}

/** Clock ticks per second of /proc's CPU times. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a server process and its workers have used, from /proc; NaN where it cannot be read. */
function serverCpu(pid: number): number {
  try {
    let children: number[] = [];
    try {
      children = execFileSync('pgrep', ['-P', String(pid)])
        .toString()
        .trim()
        .split('\n')
        .filter(Boolean)
        .map(Number);
    } catch {
      // pgrep exits 1 when the process has no children.
    }
    let ticks = 0;
    for (const p of [pid, ...children]) {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / TICKS;
  } catch {
    return Number.NaN;
  }
}

/** CPU µs per request of the server (all its processes) and of this process (the load generator), over one load. */
async function cpuPerRequest<T extends { requests: number }>(pid: number, run: () => Promise<T>): Promise<T & { serverUs: number; loadUs: number }> {
  const server0 = serverCpu(pid);
  const own0 = process.cpuUsage();
  const r = await run();
  const own = process.cpuUsage(own0);
  return { ...r, serverUs: ((serverCpu(pid) - server0) * 1e6) / r.requests, loadUs: (own.user + own.system) / r.requests };
}
const us = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');

async function load(url: string, body: string | null): Promise<{ rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }> {
  const r = await autocannon(
    body === null
      ? { url, method: 'GET', connections, duration }
      : { url, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections, duration },
  );
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, requests: r.requests.total };
}

const targets = [
  { name: 'serve --builtin', args: [cli, 'serve', '--builtin', '--port', '0', '--log-level', 'silent'], path: '/v1/forecast', extra: {} },
  {
    name: 'serve --model corrected.json, intervals 80,95',
    args: [cli, 'serve', '--model', corrected, '--port', '0', '--log-level', 'silent'],
    path: '/v1/forecast',
    extra: { intervals: [0.8, 0.95] },
  },
  {
    name: 'the same, --workers 2',
    args: [cli, 'serve', '--model', corrected, '--port', '0', '--log-level', 'silent', '--workers', '2'],
    path: '/v1/forecast',
    extra: { intervals: [0.8, 0.95] },
  },
  { name: 'bare node:http (parse JSON, answer)', args: ['-e', BARE], path: '/', extra: {} },
];
const lines = [
  '| server | body | req/s | p50 ms | p99 ms | errors | non-2xx | requests | server CPU µs/request | load generator CPU µs/request |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
const rps: Record<string, Record<string, number>> = {};
/** CPU µs per request, the server's and the load generator's together, by target and body. */
const cpu: Record<string, number> = {};
for (const t of targets) {
  const { child, url } = await start(t.args);
  rps[t.name] = {};
  for (const [label, body] of Object.entries(bodies)) {
    const withExtra = Object.keys(t.extra).length ? JSON.stringify({ ...JSON.parse(body), ...t.extra }) : body;
    await load(url + t.path, withExtra); // a warm-up load of the same length (the JIT and the heap settle), not counted
    const r = await cpuPerRequest(child.pid!, () => load(url + t.path, withExtra));
    rps[t.name]![label] = r.rps;
    cpu[`${t.name} / ${label}`] = r.serverUs + r.loadUs;
    lines.push(
      `| ${t.name} | ${label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.requests} | ${us(r.serverUs)} | ${us(r.loadUs)} |`,
    );
    console.error(`${t.name} / ${label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}`);
  }
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
}
// With a PostgreSQL server (EF_POSTGRES_URL): the same profile's 120 rows in a table, read by the service for
// GET /v1/profiles/:id/forecast (serve --engine postgres), beside POST with the rows in the body.
const pgUrl = process.env.EF_POSTGRES_URL ?? '';
let storeLine = '';
if (pgUrl !== '') {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  const columns = ['date', 'profile_id', 'followers', 'posts', 'engagement', 'reach', 'impressions'];
  const stored = busy.slice(0, 100).flat();
  await c.query(`DROP TABLE IF EXISTS bench_serve_daily; CREATE TABLE bench_serve_daily (${columns.map((x) => `${x} text`).join(', ')})`);
  await c.query(
    `INSERT INTO bench_serve_daily SELECT * FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')})`,
    columns.map((x) => stored.map((r) => String(r[x]))),
  );
  await c.query('CREATE INDEX ON bench_serve_daily (profile_id); ANALYZE bench_serve_daily');
  const name = 'the same, GET /v1/profiles/:id/forecast, rows from PostgreSQL';
  const { child, url } = await start([
    cli,
    'serve',
    '--model',
    corrected,
    '--port',
    '0',
    '--log-level',
    'silent',
    '--engine',
    'postgres',
    '--url',
    pgUrl,
    '--table',
    'bench_serve_daily',
  ]);
  const path = `${url}/v1/profiles/${encodeURIComponent(busy[0]![0]!.profile_id)}/forecast?intervals=0.8,0.95`;
  await load(path, null);
  const r = await cpuPerRequest(child.pid!, () => load(path, null));
  rps[name] = { 'one profile, 120 daily rows': r.rps };
  lines.push(
    `| ${name} | one profile, 120 daily rows (in the table) | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.requests} | ${us(r.serverUs)} (PostgreSQL's apart) | ${us(r.loadUs)} |`,
  );
  console.error(`${name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}`);
  child.kill('SIGTERM');
  await new Promise((done) => child.on('exit', done));
  await c.query('DROP TABLE bench_serve_daily');
  await c.end();
  storeLine = ` Rows read from PostgreSQL by profile id (one server on the same two cores, an index on \`profile_id\`) / the rows in the body: ${(r.rps / rps['serve --model corrected.json, intervals 80,95']!['one profile, 120 daily rows']!).toFixed(2)} × the req/s.`;
}
const bare = rps['bare node:http (parse JSON, answer)']!;
const one = rps['serve --model corrected.json, intervals 80,95']!;
const ratios = Object.keys(bodies).map(
  (label) =>
    `${label}: built-in ${(rps['serve --builtin']![label]! / bare[label]!).toFixed(2)}, corrected ${(one[label]! / bare[label]!).toFixed(2)}; two workers ${(rps['the same, --workers 2']![label]! / one[label]!).toFixed(2)} × one` +
    // What the cores allow two workers: every core busy with the workers' and the load generator's CPU per request.
    (Number.isFinite(cpu[`the same, --workers 2 / ${label}`]!)
      ? ` (the ${availableParallelism()} cores, shared with the load generator, allow at most ${((availableParallelism() * 1e6) / cpu[`the same, --workers 2 / ${label}`]! / one[label]!).toFixed(2)} × at the CPU per request measured)`
      : ''),
);
const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const command = `npm run bench:serve -- --duration ${duration} --connections ${connections}`;
const text = [
  `\`${command}\` — ${new Date().toISOString().slice(0, 10)}, ${machine}. autocannon, ${connections} connections, ${duration} s per load (after a ${duration} s warm-up), all on 127.0.0.1; server and load generator share the two cores.`,
  '',
  ...lines,
  '',
  `Throughput as a share of the bare server's on the same body (and two workers' as a multiple of one's): ${ratios.join('; ')}.${storeLine}`,
  '',
  predictLine,
].join('\n');
console.log(`\n${text}\n`);
if (!values['no-write']) {
  const path = join(root, 'docs', 'benchmarks.md');
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const section = `<!-- bench-serve -->\n## The prediction service\n\n${text}\n<!-- /bench-serve -->`;
  // Before the row-count sections, which `npm run bench` rewrites (it keeps the text before them).
  const at = doc.search(/<!-- bench:/);
  const next = /<!-- bench-serve -->[\s\S]*?<!-- \/bench-serve -->/.test(doc)
    ? doc.replace(/<!-- bench-serve -->[\s\S]*?<!-- \/bench-serve -->/, section)
    : at < 0
      ? `${doc.trimEnd()}\n\n${section}\n`
      : `${doc.slice(0, at)}${section}\n\n${doc.slice(at)}`;
  writeFileSync(path, next);
}
rmSync(work, { recursive: true, force: true });
process.exit(0);
