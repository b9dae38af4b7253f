// A minimal HTTP endpoint over `predict`, with input validation: what the
// website calls. POST /predict with a JSON body `{ "rows": [ …daily rows… ] }`
// answers 200 with the forecasts; bad JSON or bad rows get a 400 that says
// which row and field is wrong.
//
//   npx tsx examples/http-handler.ts           # starts, calls itself twice, stops
//   npx tsx examples/http-handler.ts --serve   # keeps serving on $PORT (default 8080)
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataError, loadBuiltinModel, predict } from 'engagement-forecast';

const model = loadBuiltinModel(); // or: await loadModel(process.env.MODEL_FILE)
const MAX_BODY = 1 << 20;
const MAX_ROWS = 2000;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new RangeError(`body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url !== '/predict') return send(res, 404, { error: 'not found: POST /predict' });
  if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    return send(res, 400, { error: `the body must be JSON: ${(error as Error).message}` });
  }
  const rows = (body as { rows?: unknown })?.rows;
  if (!Array.isArray(rows) || rows.length === 0) return send(res, 400, { error: "the body must be { rows: [...] } with at least one daily row" });
  if (rows.length > MAX_ROWS) return send(res, 400, { error: `at most ${MAX_ROWS} rows per request` });
  try {
    return send(res, 200, { forecasts: predict(model, rows) });
  } catch (error) {
    if (error instanceof DataError) {
      return send(res, 400, { error: error.reason, row: error.line, field: error.column ?? null, value: error.value ?? null });
    }
    console.error(error);
    return send(res, 500, { error: 'internal error' });
  }
}

const server = createServer((req, res) => void handle(req, res));

if (process.argv.includes('--serve')) {
  server.listen(Number(process.env.PORT ?? 8080), () => console.log(`POST http://localhost:${(server.address() as AddressInfo).port}/predict`));
} else {
  // Demonstrate a good and a bad request against ourselves, then stop.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/predict`;
  const rows = JSON.parse(readFileSync(new URL('./profile.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
  const good = await fetch(url, { method: 'POST', body: JSON.stringify({ rows }) });
  console.log(`POST ${rows.length} rows → ${good.status}`, JSON.stringify(await good.json()).slice(0, 160), '…');
  const badRows = rows.map((r, i) => (i === 3 ? { ...r, posts: 'two' } : r));
  const bad = await fetch(url, { method: 'POST', body: JSON.stringify({ rows: badRows }) });
  console.log(`POST with a bad row → ${bad.status}`, JSON.stringify(await bad.json()));
  const notJson = await fetch(url, { method: 'POST', body: '{rows:' });
  console.log(`POST broken JSON → ${notJson.status}`, JSON.stringify(await notJson.json()));
  server.close();
}
