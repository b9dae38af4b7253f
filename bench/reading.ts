// npx tsx bench/reading.ts <file.csv> [--rounds 3] [--against <checkout> ...]
//
// Reads one daily CSV on one thread into segment sums with this tree's reader
// and with the readers of other checkouts of the repository (for example
// `git worktree add /tmp/before <commit>`), alternated round by round in one
// run, so that the ratios hold on a noisy machine. Prints a markdown table:
// M rows/s per round and the best against the first reader's best.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '3' }, against: { type: 'string', multiple: true, default: [] } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npx tsx bench/reading.ts <file.csv> [--rounds 3] [--against <checkout> ...]');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const trees = [...values.against!.map((d) => resolve(d)), root];
interface Reader {
  name: string;
  files: { readCsvFile: (file: string, table: object, report: object, settings: unknown) => Promise<unknown> };
  Table: new (n: number) => { size: number };
  collector: { readSettings: (options: object, where: string) => unknown };
  report: { emptyReport: () => { rows: number } };
}
const readers: Reader[] = [];
for (const tree of trees) {
  const at = (p: string) => import(pathToFileURL(resolve(tree, p)).href);
  readers.push({
    name: tree === root ? 'this tree' : tree,
    files: await at('src/io/files.ts'),
    Table: (await at('src/features/weekly-sums.ts')).SegmentTable,
    collector: await at('src/io/collector.ts'),
    report: await at('src/frame/load-report.ts'),
  });
}
const rates = readers.map(() => [] as number[]);
for (let r = 0; r < Number(values.rounds); r++) {
  for (const [k, reader] of readers.entries()) {
    const table = new reader.Table(1 << 20);
    const report = reader.report.emptyReport();
    const t = performance.now();
    await reader.files.readCsvFile(file, table, report, reader.collector.readSettings({}, 'bench'));
    rates[k]!.push(report.rows / ((performance.now() - t) / 1000));
  }
}
const first = Math.max(...rates[0]!);
console.log('| reader | M rows/s per round | best / best of the first |\n| --- | --- | ---: |');
for (const [k, reader] of readers.entries())
  console.log(`| ${reader.name} | ${rates[k]!.map((x) => (x / 1e6).toFixed(2)).join(' / ')} | ${(Math.max(...rates[k]!) / first).toFixed(2)} |`);
