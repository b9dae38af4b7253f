// Property-based fuzzing of the readers (fast-check): valid CSV text is
// mutated (quotes, truncation, bytes, fields, line endings, a BOM), written
// as two files, plain and gzipped, and loaded every way the library reads:
// loadDaily in throw and skip modes, loadWeekly on one and two threads, gzip.
// Every way must make the same decision, report the same first error, account
// for every record exactly (read = kept + skipped) and, where all accept, give
// the same weekly table. A fixed seed here; `npm run fuzz` runs 10,000 cases.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Library from '../../src/index.js';
import { tempDir } from '../helpers/tmp.js';

// The built package: its reading threads start from dist/ingest-worker.js (fast), as a user's do.
const lib = (await import(new URL('../../dist/index.js', import.meta.url).href)) as typeof Library;
const RUNS = Number(process.env.EF_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.EF_FUZZ_SEED ?? 20261129);
const dir = tempDir('ef-fuzz-');

const HEADER = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions';

/** A valid file: a header and rows over a few profiles and weeks. */
const validCsv = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: 80 }),
      id: fc.constantFrom('a', 'b', 'c"q', 'd,e', 'é'),
      followers: fc.oneof(fc.integer({ min: 0, max: 10000 }).map(String), fc.constantFrom('undefined', '', 'NaN')),
      counts: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 6, maxLength: 6 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) => {
    const lines = rows.map(({ day, id, followers, counts }) => {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      const field = /[",]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id;
      return [date, field, followers, ...counts].join(',');
    });
    return `${HEADER}\n${lines.join('\n')}\n`;
  });

type Mutation = (bytes: Buffer) => Buffer;
/** A position as a share of the length, drawn uniformly (fast-check's default bias favours the edges, i.e. the header). */
const share = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((k: number) => k / 1_000_000);
const at = (n: number, p: number) => (n === 0 ? 0 : Math.floor(p * n) % n);
const splice = (b: Buffer, pos: number, remove: number, insert: Buffer) => Buffer.concat([b.subarray(0, pos), insert, b.subarray(pos + remove)]);
/** The start of a field (just after a comma or a newline), picked by share `p`: where a quote opens a quoted field. */
function fieldStartAt(b: Buffer, p: number): number {
  const starts = [0];
  for (let i = 0; i < b.length; i++) if (b[i] === 44 || b[i] === 10) starts.push(i + 1);
  return starts[at(starts.length, p)]!;
}

/** One change to the bytes, at a position given as a share of the length. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  share.map(
    (p): Mutation =>
      (b) =>
        splice(b, at(b.length, p), 0, Buffer.from('"')),
  ),
  share.map(
    (p): Mutation =>
      (b) =>
        b.subarray(0, at(b.length, p)),
  ),
  fc.tuple(share, fc.integer({ min: 0, max: 255 })).map(
    ([p, v]): Mutation =>
      (b) =>
        splice(b, at(b.length, p), 1, Buffer.from([v])),
  ),
  share.map(
    (p): Mutation =>
      (b) =>
        splice(b, at(b.length, p), 0, Buffer.from(',')),
  ),
  share.map(
    (p): Mutation =>
      (b) =>
        splice(b, at(b.length, p), 1, Buffer.alloc(0)),
  ),
  share.map(
    (p): Mutation =>
      (b) =>
        splice(b, at(b.length, p), 0, Buffer.from('\n')),
  ),
  share.map(
    (p): Mutation =>
      (b) =>
        splice(b, fieldStartAt(b, p), 0, Buffer.from('"')),
  ),
  share.map(
    (p): Mutation =>
      (b) =>
        splice(b, fieldStartAt(b, p), 0, Buffer.from('"1"9')),
  ),
  share.map(
    (p): Mutation =>
      (b) =>
        splice(b, fieldStartAt(b, p), 0, Buffer.from('"2024-01-0')),
  ),
  fc.constant<Mutation>((b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1')),
  fc.constant<Mutation>((b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])),
  fc.constant<Mutation>((b) => Buffer.from(b.toString('latin1').replace(/\n$/, ''), 'latin1')),
);

const fuzzCase = fc.record({ a: validCsv, b: validCsv, mutations: fc.array(mutation, { minLength: 0, maxLength: 3 }), which: fc.boolean() });

/**
 * Records in a file, by the rules the reader documents (docs/reliability.md):
 * newlines inside quotes do not end a record; a quote left open at the end
 * spoils only its record's first line; blank lines are not records. The
 * header is not counted.
 */
function countRecords(bytes: Buffer): number {
  let text = bytes.toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  let records = 0;
  let pos = 0;
  while (pos < text.length) {
    let i = pos;
    let quoted = false;
    let fieldStart = true;
    let closed = true;
    for (; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') i++;
          else quoted = false;
        }
        continue;
      }
      if (c === '\n') break;
      if (c === '"' && fieldStart) quoted = true;
      fieldStart = c === ',';
    }
    if (quoted) closed = false;
    const line = closed ? text.slice(pos, i) : text.slice(pos, text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos));
    if (line.replace(/\r$/, '') !== '') records++;
    if (!closed) {
      const next = text.indexOf('\n', pos);
      pos = next < 0 ? text.length : next + 1;
    } else {
      pos = i + 1;
    }
  }
  return Math.max(0, records - 1);
}

type Outcome = { ok: true; weekly: Library.WeeklyFrame; rows: number; skipped: number } | { ok: false; error: string };

/** The error, with its file as a base name (plain and gzipped files have different names). */
function describeError(error: unknown): string {
  if (!(error instanceof lib.DataError)) return `not a DataError: ${(error as Error)?.stack ?? String(error)}`;
  return `${basename(error.file).replace(/\.gz$/, '')}:${error.line}:${error.column ?? ''}:${error.reason}:${error.value ?? ''}`;
}

async function outcome(load: () => Promise<{ weekly: Library.WeeklyFrame; rows: number; skipped: number }>): Promise<Outcome> {
  try {
    return { ok: true, ...(await load()) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

let counter = 0;
/** What the cases exercised, printed at the end (the figures in docs/reliability.md). */
const seen = { cases: 0, accepted: 0, rejected: 0, skippedSome: 0, rowsSkipped: 0 };

describe('the readers under fuzzed input', () => {
  it(
    `agree on ${RUNS} mutated inputs (seed ${SEED})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fuzzCase, async ({ a, b, mutations, which }) => {
          let bytesA: Buffer = Buffer.from(a);
          let bytesB: Buffer = Buffer.from(b);
          for (const m of mutations) {
            if (which) bytesA = m(bytesA);
            else bytesB = m(bytesB);
          }
          const plain = join(dir, `case-${++counter}`, 'plain');
          const gz = join(dir, `case-${counter}`, 'gz');
          mkdirSync(plain, { recursive: true });
          mkdirSync(gz, { recursive: true });
          writeFileSync(join(plain, 'a.csv'), bytesA);
          writeFileSync(join(plain, 'b.csv'), bytesB);
          writeFileSync(join(gz, 'a.csv.gz'), gzipSync(bytesA));
          writeFileSync(join(gz, 'b.csv.gz'), gzipSync(bytesB));

          const daily = async (path: string, onError: 'throw' | 'skip') => {
            const frame = await lib.loadDaily(path, { onError });
            return { weekly: lib.resampleWeekly(frame), rows: frame.report.rows, skipped: frame.report.skipped };
          };
          const weekly = async (path: string, onError: 'throw' | 'skip', workers: number) => {
            const { weekly: table, report } = await lib.loadWeekly(path, { onError, workers });
            return { weekly: table, rows: report.rows, skipped: report.skipped };
          };
          const strict = [
            await outcome(() => daily(plain, 'throw')),
            await outcome(() => weekly(plain, 'throw', 1)),
            await outcome(() => weekly(plain, 'throw', 2)),
            await outcome(() => daily(gz, 'throw')),
            await outcome(() => weekly(gz, 'throw', 1)),
          ];
          const lenient = [
            await outcome(() => daily(plain, 'skip')),
            await outcome(() => weekly(plain, 'skip', 1)),
            await outcome(() => weekly(plain, 'skip', 2)),
            await outcome(() => weekly(gz, 'skip', 1)),
          ];
          const show = (o: Outcome) => (o.ok ? `accepted ${o.rows} rows, skipped ${o.skipped}` : `rejected: ${o.error}`);
          // The same decision, and the same first error, every way.
          expect(strict.map(show)).toEqual(strict.map(() => show(strict[0]!)));
          expect(lenient.map((o) => (o.ok ? 'ok' : o.error))).toEqual(lenient.map(() => (lenient[0]!.ok ? 'ok' : lenient[0]!.error)));
          // Exact accounting where the files can be read at all (a bad header stops even skip mode).
          const records = countRecords(bytesA) + countRecords(bytesB);
          for (const o of lenient) if (o.ok) expect(o.rows + o.skipped, show(o)).toBe(records);
          // Identical weekly tables where all accept.
          for (const group of [strict, lenient]) {
            if (!group.every((o) => o.ok)) continue;
            const want = JSON.stringify((group[0] as { weekly: Library.WeeklyFrame }).weekly.toRecords());
            for (const o of group) expect(JSON.stringify((o as { weekly: Library.WeeklyFrame }).weekly.toRecords())).toBe(want);
          }
          if (strict[0]!.ok) expect(lenient[0]!.ok && lenient[0]!.skipped).toBe(0);
          seen.cases++;
          if (strict[0]!.ok) seen.accepted++;
          else seen.rejected++;
          if (lenient[0]!.ok && lenient[0]!.skipped > 0) {
            seen.skippedSome++;
            seen.rowsSkipped += lenient[0]!.skipped;
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      process.stdout.write(
        `fuzz: ${seen.cases} cases (seed ${SEED}): ${seen.accepted} accepted every way, ${seen.rejected} rejected every way with the same first error; in skip mode ${seen.skippedSome} cases skipped ${seen.rowsSkipped} rows, all accounted for\n`,
      );
    },
    60_000 + RUNS * 1_000,
  );
});
