// The prediction service embedded in a program: what the website calls.
// Starts the service on a free port with the built-in model, calls it as a
// client would (good rows, a bad row, broken JSON, an input the notebook
// model cannot use, a profile with no rows), prints the answers, and stops.
//
//   npx tsx examples/service.ts
//
// To run the service itself: npx engagement-forecast serve --model model.json (docs/service.md).
import { readFileSync } from 'node:fs';
import { createServer } from 'engagement-forecast/server';

const server = await createServer(); // the built-in model; { model: 'model.json' } for a file you trained
const url = await server.app.listen({ host: '127.0.0.1', port: 0 });

const rows = JSON.parse(readFileSync(new URL('profile.json', import.meta.url), 'utf8')) as Record<string, unknown>[]; // one profile's daily rows
async function call(label: string, body: string, show?: (answer: { predictions: Record<string, unknown>[] }) => unknown): Promise<void> {
  const r = await fetch(`${url}/v1/forecast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await r.text();
  if (show && r.ok) return void console.log(`${label} → ${r.status} ${JSON.stringify(show(JSON.parse(text)))}`);
  console.log(`${label} → ${r.status} ${r.ok && text.length > 160 ? `${text.slice(0, 160)}…` : text}`); // errors in full
}

await call('rows', JSON.stringify({ rows }));
await call('bad row', JSON.stringify({ rows: rows.map((r, i) => (i === 4 ? { ...r, posts: 'two' } : r)) }));
await call('broken JSON', '{"rows": [');
await call(
  'engagement with no post in the month',
  JSON.stringify({ rows: [{ ...rows[0], profile_id: 'no-posts', posts: 0, engagement: 12 }] }),
  (a) => a.predictions[0],
);
await call('an unknown profile named', JSON.stringify({ rows, profiles: ['nobody'] }));
console.log(`readiness: ${(await fetch(`${url}/readyz`)).status}, model ${((await (await fetch(`${url}/v1/model`)).json()) as { id: string }).id}`);
await server.close();
