// The command line as a Unix tool: pipes, exit codes, stderr, --json, help.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { ProgressBar } from '../../src/cli/progress.js';
import { generateDaily } from '../../src/generate.js';
import { loadBuiltinModel } from '../../src/index.js';
import { CLI, requireBuiltCli, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('ef-unix-');
const data = join(dir, 'data');
const model = join(dir, 'model.json');

const cli = (...args: string[]) => runCli(dir, ...args);

/** A stream that keeps what is written; a terminal of `columns` columns when given. */
function sink(columns?: number): Writable & { text: () => string; isTTY?: boolean; columns?: number } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string; isTTY?: boolean; columns?: number };
  stream.text = () => chunks.join('');
  if (columns !== undefined) {
    stream.isTTY = true;
    stream.columns = columns;
  }
  return stream;
}

beforeAll(async () => {
  requireBuiltCli();
  await generateDaily({ profiles: 60, from: '2023-12-01', to: '2024-10-31', seed: 3 }, data);
  // A Sunday cutoff other than the default, to see evaluate pick it up from the model.
  const t = cli('train', '--data', data, '--cutoff', '2024-05-26', '--out', model, '--quiet');
  expect(t.code, t.stderr).toBe(0);
});

describe('the CLI as a Unix tool', () => {
  it('ends quietly, with status 0, when the reader closes the pipe', () => {
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${CLI}" weekly --data "${data}" --out - --quiet | head -2; echo "status \${PIPESTATUS[0]}" >&2`],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stdout.split('\n').slice(0, 1)[0]).toMatch(/^profile_id,date,/);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('status 0\n');
  });

  it('draws progress on a terminal that reports 0 columns, and clears it', () => {
    const stream = sink(0);
    const bar = new ProgressBar(stream, false);
    bar.update({ stage: 'read', rows: 10, bytes: 5, totalBytes: 10 });
    bar.done();
    expect(stream.text()).toMatch(/^\rread \[#+ +\] {2}50%/);
    expect(stream.text().endsWith('\r')).toBe(true);
  });

  it('trains with progress on a 0-column terminal', async () => {
    const stdout = sink();
    const stderr = sink(0);
    const code = await run(['train', '--data', data, '--out', join(dir, 'tty.json')], { stdout, stderr });
    expect(code, stderr.text()).toBe(0);
    expect(stdout.text()).toMatch(/model written to/);
  });

  it('checks every flag before reading any data (exit 2, nothing read)', () => {
    const missing = join(dir, 'no-such-folder');
    const cases: [string[], RegExp][] = [
      [
        ['train', '--data', missing, '--out', 'x.json', '--cutoff', '2024-02-30'],
        /train: --cutoff must be a day that exists, got "2024-02-30" \(2024-02 has 29 days\)/,
      ],
      [['train', '--data', missing, '--out', 'x.json', '--cutoff', '2024-2-3'], /train: --cutoff must be a date/],
      [['train', '--data', missing, '--out', 'x.json', '--on-error', 'skp'], /train: --on-error must be 'throw' or 'skip', got "skp"/],
      [['train', '--data', missing, '--out', 'x.json', '--workers', '0'], /train: --workers must be a positive integer, got 0/],
      [['weekly', '--data', missing, '--out', 'w.csv', '--preset', 'fancy'], /weekly: --preset must be 'notebook' or 'corrected', got "fancy"/],
      [['predict', '--data', missing, '--since', '2024-13-01'], /predict: --since must be a day that exists, got "2024-13-01" \(there is no month 13\)/],
      [['predict', '--data', missing, '--json'], /predict: --json prints a summary on stdout; give --out FILE/],
      [['weekly', '--data', missing, '--out', '-', '--json'], /weekly: --json prints a summary on stdout/],
      [['evaluate', '--data', missing, '--model', 'm.json', '--builtin'], /evaluate: give --model or --builtin, not both/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/no such file or folder/);
    }
  });

  it('gives --json one meaning: a JSON summary on stdout, the data in --out', () => {
    const weeklyCsv = join(dir, 'weekly.csv');
    const w = cli('weekly', '--data', data, '--out', weeklyCsv, '--json', '--quiet');
    expect(w.code, w.stderr).toBe(0);
    const ws = JSON.parse(w.stdout);
    expect(ws.out).toBe(weeklyCsv);
    expect(ws.weeklyRows).toBe(readFileSync(weeklyCsv, 'utf8').trim().split('\n').length - 1);

    const predsCsv = join(dir, 'preds.csv');
    const p = cli('predict', '--data', data, '--model', model, '--out', predsCsv, '--json', '--quiet');
    expect(p.code, p.stderr).toBe(0);
    const ps = JSON.parse(p.stdout);
    expect(ps).toMatchObject({ out: predsCsv, format: 'csv', profiles: 60, forecasts: 240 });
    expect(readFileSync(predsCsv, 'utf8').trim().split('\n')).toHaveLength(241);

    const asJson = cli('predict', '--data', data, '--model', model, '--format', 'json', '--quiet');
    expect(JSON.parse(asJson.stdout)).toHaveLength(240);
  });

  it("says how many rows repeat a profile's day, on stderr and in --json", () => {
    const repeated = join(dir, 'repeated.csv');
    const header = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions';
    writeFileSync(repeated, [header, '2024-03-04,a,10,1,5,4,1,7,8', '2024-03-04,a,10,1,6,4,1,7,8', '2024-03-05,a,10,1,5,4,1,7,8', ''].join('\n'));
    const w = cli('weekly', '--data', repeated, '--out', join(dir, 'repeated-weekly.csv'), '--json');
    expect(w.code, w.stderr).toBe(0);
    expect(JSON.parse(w.stdout)).toMatchObject({ dailyRows: 3, duplicateRows: 1 });
    expect(w.stderr).toMatch(/\(from 3 daily rows\); 1 row repeats a profile's day \(summed into its week\)\n$/);
    const clean = cli('weekly', '--data', data, '--out', join(dir, 'clean-weekly.csv'), '--json', '--quiet');
    expect(JSON.parse(clean.stdout).duplicateRows).toBe(0);
  });

  it('evaluates at the model cutoff by default, and prints metrics without --report', () => {
    const j = cli('evaluate', '--data', data, '--model', model, '--json', '--quiet');
    expect(j.code, j.stderr).toBe(0);
    const summary = JSON.parse(j.stdout);
    expect(summary.cutoff).toBe('2024-05-26');
    expect(summary.report).toBeNull();
    const t = cli('evaluate', '--data', data, '--model', model, '--quiet');
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^model\s+MAE\s+RMSE\s+R²\n/);
    expect(t.stdout).toMatch(/test rows after 2024-05-26\n$/);
  });

  it("shows a command's help with `help COMMAND`", () => {
    for (const command of ['train', 'predict', 'weekly', 'evaluate', 'models', 'generate']) {
      const viaHelp = cli('help', command);
      expect(viaHelp.code).toBe(0);
      expect(viaHelp.stdout).toBe(cli(command, '--help').stdout);
    }
  });

  it('keeps the columns of models inspect apart, even for long numbers', () => {
    const m = loadBuiltinModel();
    const wide = {
      ...m,
      models: {
        ...m.models,
        engagement_future_7d: { coef: m.models.engagement_future_7d.coef.map((_, j) => -1.234567e-300 * (j + 1)), intercept: -123456789.123 },
      },
    };
    const file = join(dir, 'wide.json');
    writeFileSync(file, JSON.stringify(wide));
    const r = cli('models', 'inspect', file);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.findIndex((l) => /^\s+feature\s+7d\s+14d\s+21d\s+28d$/.test(l));
    expect(header).toBeGreaterThan(0);
    const table = lines.slice(header + 1, header + 23);
    expect(table[0]).toMatch(/^\s+engagement_lag_1\s+-1\.23457e-300\s+/);
    for (const line of table) expect(line.trim().split(/ {2,}/), line).toHaveLength(5);
    expect(table[21]).toMatch(/^\s+\(intercept\)\s+-1\.23457e\+8\s+/);
  });

  it('says what --cutoff means and defaults to, in words that match the default', () => {
    const help = cli('train', '--help').stdout;
    expect(help).not.toMatch(/last Sunday/);
    expect(help).toMatch(/--cutoff YYYY-MM-DD\s+train on the weeks whose Sunday is on or before this day/);
  });

  it('writes notes to stderr as documented: results alone on stdout, notes unless --quiet, no progress bar off a terminal', () => {
    const r = cli('train', '--data', data, '--out', join(dir, 'notes.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^read \d+ daily rows from \d+ files/);
    expect(r.stderr).not.toMatch(/\r/);
    expect(r.stdout).toMatch(/^model\s+MAE/);
    expect(r.stdout).not.toMatch(/daily rows/);
    const quiet = cli('train', '--data', data, '--out', join(dir, 'notes.json'), '--quiet');
    expect(quiet.stderr).toBe('');
    const docs = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(docs).toMatch(/Notes \(what was read, rows skipped, warnings about the data\) go to stderr unless `--quiet` is given/);
    expect(docs).toMatch(/progress bars go to stderr only when it is a terminal/);
  });

  it('prints the trace and exits 70 for an internal error', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('boom in the output stream'));
      },
    });
    broken.write = () => {
      throw new Error('boom in the output stream');
    };
    const stderr = sink();
    const code = await run(['models', 'inspect', '--builtin'], { stdout: broken, stderr });
    expect(code).toBe(70);
    expect(stderr.text()).toMatch(/internal error \(a bug/);
    expect(stderr.text()).toMatch(/boom in the output stream\n\s+at /);
  });
});
