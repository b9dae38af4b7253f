// @ts-nocheck
// Regenerates the sample data shipped in examples/ (used by `npm run demo` and
// the examples): 40 profiles over four months (seed 2024) in examples/data, and
// the last 120 daily rows of the busiest profile in examples/profile.json.
import { rmSync, writeFileSync } from 'node:fs';
import { generateDaily } from '../src/generate.js';
import { loadDaily } from '../src/io/load-daily.js';

const out = new URL('../examples/data/', import.meta.url).pathname;
rmSync(out, { recursive: true, force: true });
const result = await generateDaily({ profiles: 40, from: '2024-09-01', to: '2024-12-31', seed: 2024 }, out);
console.log(`wrote ${result.rows} rows in ${result.files.length} files under examples/data`);

const daily = await loadDaily(out);
const counts = new Map<number, number>();
for (const p of daily.profile) counts.set(p, (counts.get(p) ?? 0) + 1);
const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
const rows = daily
  .filterRows((i) => daily.profile[i] === busiest)
  .toRecords()
  .slice(-120)
  .map((r) => ({ ...r, followers: Number.isNaN(r.followers) ? 'undefined' : r.followers }));
writeFileSync(new URL('../examples/profile.json', import.meta.url), `${JSON.stringify(rows, null, 1)}\n`);
console.log(`wrote ${rows.length} rows of one profile to examples/profile.json`);
