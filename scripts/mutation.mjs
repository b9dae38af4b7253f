#!/usr/bin/env node
// Mutation testing in groups: `npm run mutation [-- [--summary] [group …]]`.
//
// Runs StrykerJS once per group of stryker.config.mjs (all groups, or those
// named), each with its own JSON report and incremental file under
// reports/mutation/, then scores every group's latest report together and
// prints the score per file and overall. After a group's run its incremental
// file is kept, gzipped, in test/mutation-results/ (committed), and a run
// with no incremental file here starts from it. `--summary` only scores the
// results already there (the reports here, else the committed results).
// Exits 1 when the overall score is under the break threshold (80 %), 2 on a
// usage error or a group without results, and with Stryker's status when a
// run fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GROUPS } from '../stryker.config.mjs';

const BREAK = 80;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`usage: npm run mutation -- [--summary] [group …]\ngroups: ${Object.keys(GROUPS).join(', ')}\n`);
  process.exit(0);
}
const summaryOnly = args.includes('--summary');
const named = args.filter((a) => !a.startsWith('--'));
for (const name of named) {
  if (!(name in GROUPS)) {
    process.stderr.write(`mutation: no group '${name}' (have: ${Object.keys(GROUPS).join(', ')})\n`);
    process.exit(2);
  }
}

// Every file the groups are meant to cover is in one.
const grouped = new Set(Object.values(GROUPS).flat());
const expected = [
  ...readdirSync('src/model')
    .filter((f) => f.endsWith('.ts') && f !== 'builtin-figures.ts')
    .map((f) => `src/model/${f}`),
  'src/predict.ts',
  'src/io/csv.ts',
];
const missing = expected.filter((f) => !grouped.has(f));
if (missing.length > 0) {
  process.stderr.write(`mutation: not in any group of stryker.config.mjs: ${missing.join(', ')}\n`);
  process.exit(2);
}

// Each group's latest results are kept in the repository (RESULTS, gzipped Stryker
// incremental files): a fresh clone scores them with `--summary` and re-runs
// only the mutants whose code or tests changed since.
const RESULTS = join('test', 'mutation-results');
const resultsOf = (group) => join(RESULTS, `incremental-${group}.json.gz`);
const incrementalOf = (group) => join('reports', 'mutation', `incremental-${group}.json`);
const reportOf = (group) => join('reports', 'mutation', `${group}.json`);

const timings = [];
if (!summaryOnly) {
  for (const group of named.length > 0 ? named : Object.keys(GROUPS)) {
    process.stderr.write(`mutation: group ${group} (${GROUPS[group].join(' ')})\n`);
    if (!existsSync(incrementalOf(group)) && existsSync(resultsOf(group))) {
      mkdirSync(join('reports', 'mutation'), { recursive: true });
      writeFileSync(incrementalOf(group), gunzipSync(readFileSync(resultsOf(group))));
      process.stderr.write(`mutation: starting from the results in ${resultsOf(group)}\n`);
    }
    const started = Date.now();
    const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env: { ...process.env, EF_MUTATION_GROUP: group } });
    const minutes = (Date.now() - started) / 60_000;
    timings.push(`${group}: ${minutes.toFixed(1)} min`);
    if (run.status !== 0) {
      process.stderr.write(`mutation: group ${group} failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`})\n`);
      process.exit(run.status || 1);
    }
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(resultsOf(group), gzipSync(readFileSync(incrementalOf(group)), { level: 9 }));
  }
}

/** Counts by status for one file's mutants. */
function count(mutants) {
  const c = { mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0 };
  for (const m of mutants) {
    if (m.status === 'Ignored') continue;
    if (m.status === 'CompileError' || m.status === 'RuntimeError') {
      c.errors++;
      continue;
    }
    c.mutants++;
    if (m.status === 'Killed') c.killed++;
    else if (m.status === 'Timeout') c.timeout++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
  }
  return c;
}

const rows = [];
const withoutResults = [];
for (const group of Object.keys(GROUPS)) {
  // The group's latest run here, else the results kept in the repository.
  const file = reportOf(group);
  let report;
  if (existsSync(file)) report = JSON.parse(readFileSync(file, 'utf8'));
  else if (existsSync(resultsOf(group))) report = JSON.parse(gunzipSync(readFileSync(resultsOf(group))).toString('utf8'));
  else {
    withoutResults.push(group);
    continue;
  }
  for (const [name, f] of Object.entries(report.files)) rows.push({ name, ...count(f.mutants) });
}
rows.sort((a, b) => a.name.localeCompare(b.name));
const total = rows.reduce(
  (t, r) => {
    for (const k of ['mutants', 'killed', 'timeout', 'survived', 'noCoverage', 'errors']) t[k] += r[k];
    return t;
  },
  { name: withoutResults.length > 0 ? 'these files' : 'all files', mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0 },
);
const score = (r) => (r.mutants === 0 ? 100 : (100 * (r.killed + r.timeout)) / r.mutants);

const header = ['file', 'mutants', 'killed', 'timeout', 'survived', 'no cov', 'score'];
const line = (r) => [r.name, r.mutants, r.killed, r.timeout, r.survived, r.noCoverage, `${score(r).toFixed(1)} %`];
const table = [header, ...rows.map(line), line(total)];
const widths = header.map((_, k) => Math.max(...table.map((t) => String(t[k]).length)));
for (const t of table) process.stdout.write(`${t.map((v, k) => (k === 0 ? String(v).padEnd(widths[k]) : String(v).padStart(widths[k]))).join('  ')}\n`);
if (timings.length > 0) process.stdout.write(`time: ${timings.join(', ')}\n`);
if (withoutResults.length > 0) {
  // The files above only: no overall score until every group has results.
  for (const group of withoutResults)
    process.stderr.write(`mutation: no results for group ${group} (${reportOf(group)} or ${resultsOf(group)}); run \`npm run mutation -- ${group}\`\n`);
  process.exit(2);
}
if (score(total) < BREAK) {
  process.stderr.write(`mutation: score ${score(total).toFixed(1)} % is under ${BREAK} %\n`);
  process.exit(1);
}
