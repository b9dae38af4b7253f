// Regenerates the sample data shipped in examples/data (used by `npm run demo`
// and the examples): 40 profiles, four months, seed 2024.
import { rmSync } from 'node:fs';
import { generateDaily } from '../src/generate.js';

const out = new URL('../examples/data/', import.meta.url).pathname;
rmSync(out, { recursive: true, force: true });
const result = await generateDaily({ profiles: 40, from: '2024-09-01', to: '2024-12-31', seed: 2024 }, out);
console.log(`wrote ${result.rows} rows in ${result.files.length} files under examples/data`);
