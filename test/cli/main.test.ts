// The command line, run as a user runs it: `node dist/cli.js …` (built by `npm test`'s pretest).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDailyRows } from '../../src/generate.js';
import { VERSION } from '../../src/index.js';
import { requireBuiltCli, runCli } from '../helpers/cli.js';
import { tempDir, testTempDir } from '../helpers/tmp.js';

const dir = tempDir('ef-cli-');
const data = join(dir, 'data');
const model = join(dir, 'model.json');

const cli = (...args: string[]) => runCli(dir, ...args);

beforeAll(() => {
  requireBuiltCli();
  const g = cli('generate', '--profiles', '120', '--from', '2023-11-01', '--to', '2024-11-30', '--seed', '5', '--out', data);
  expect(g.code, g.stderr).toBe(0);
  const t = cli('train', '--data', data, '--cutoff', '2024-07-30', '--out', model, '--metrics', join(dir, 'metrics.json'), '--quiet');
  expect(t.code, t.stderr).toBe(0);
});

describe('engagement-forecast CLI', () => {
  it('prints help for every command, and its version', () => {
    expect(cli('--version').stdout.trim()).toBe(VERSION);
    const main = cli('--help');
    expect(main.code).toBe(0);
    for (const command of ['train', 'predict', 'weekly', 'evaluate', 'models', 'generate']) {
      expect(main.stdout).toContain(command);
      const h = cli(command, '--help');
      expect(h.code, command).toBe(0);
      expect(h.stdout, command).toMatch(/^Usage: engagement-forecast /);
    }
  });

  it('trains: writes the model and metrics, prints the metrics table', () => {
    const m = JSON.parse(readFileSync(model, 'utf8'));
    expect(m.training.cutoff).toBe('2024-07-30');
    const metrics = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'));
    expect(metrics.rows.train).toBe(m.training.rows.train);
    const again = cli('train', '--data', data, '--out', join(dir, 'm2.json'), '--quiet');
    expect(again.stdout).toMatch(/baseline 7d/);
    expect(again.stdout).toMatch(/28d/);
    expect(again.stderr).toBe('');
  });

  it('predicts to CSV and JSON, for all profiles or named ones', () => {
    const csv = cli('predict', '--data', data, '--model', model, '--since', '2024-08-01', '--quiet');
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'profile_id,date,future_period,predicted_engagement,prediction_date,partial_week,no_recent_posts,clipped,imputed,cold_start,non_finite_input',
    );
    expect((lines.length - 1) % 4).toBe(0);
    const id = lines[1]!.split(',')[0]!;
    const json = cli('predict', '--data', data, '--builtin', '--profile', id, '--format', 'json', '--quiet');
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toHaveLength(4);
    expect(parsed[0].profile_id).toBe(id);
    const out = join(dir, 'preds.csv');
    expect(cli('predict', '--data', data, '--out', out, '--quiet').code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toContain('predicted_engagement');
  });

  it('writes the weekly table as CSV with the spec columns', () => {
    const out = join(dir, 'weekly.csv');
    const r = cli('weekly', '--data', data, '--out', out, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const [header, first] = readFileSync(out, 'utf8').split('\n');
    expect(header!.split(',')).toHaveLength(34);
    expect(header!.startsWith('profile_id,date,year,month,week_of_year,year_week,followers')).toBe(true);
    expect(first!.split(',')).toHaveLength(34);
  });

  it('generates the same data as the library, stationary or with --dynamics', async () => {
    for (const dynamics of [false, true]) {
      const out = join(dir, `gen-${dynamics}`);
      const r = cli(
        'generate',
        '--profiles',
        '30',
        '--from',
        '2024-01-01',
        '--to',
        '2024-02-29',
        '--seed',
        '8',
        '--out',
        out,
        ...(dynamics ? ['--dynamics'] : []),
        '--quiet',
      );
      expect(r.code, r.stderr).toBe(0);
      const rows = [...generateDailyRows({ profiles: 30, from: '2024-01-01', to: '2024-02-29', seed: 8, dynamics })];
      const written = ['01', '02'].flatMap((m) =>
        readFileSync(join(out, 'ig_data-2024', `ig_data_${m}-2024_u.csv`), 'utf8')
          .trim()
          .split('\n')
          .slice(1),
      );
      expect(written).toEqual(
        rows.map((x) => [x.date, x.profile_id, x.followers, x.posts, x.engagement, x.likes, x.comments, x.reach, x.impressions].join(',')),
      );
    }
    expect(readFileSync(join(dir, 'gen-true', 'ig_data-2024', 'ig_data_02-2024_u.csv'), 'utf8')).not.toBe(
      readFileSync(join(dir, 'gen-false', 'ig_data-2024', 'ig_data_02-2024_u.csv'), 'utf8'),
    );
  });

  it('inspects a model file and the built-in one', () => {
    const r = cli('models', 'inspect', model);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/preset notebook/);
    expect(r.stdout).toMatch(/monthly_average_engagement_per_post/);
    expect(cli('models', 'inspect', '--builtin').stdout).toMatch(/pretrained/);
  });

  it('evaluates: metrics on stdout (or JSON) and an HTML report', () => {
    const report = join(dir, 'report.html');
    const r = cli('evaluate', '--data', data, '--model', model, '--cutoff', '2024-07-30', '--report', report, '--json', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.testRows).toBeGreaterThan(0);
    expect(out.bands.engagement_future_7d).toHaveLength(5);
    expect(readFileSync(report, 'utf8')).toMatch(/<svg|createElementNS/);
  });

  it('exits 2 with one line for usage errors', () => {
    for (const args of [
      ['frobnicate'],
      ['train', '--out', 'm.json'],
      ['train', '--data', data],
      ['predict', '--data', data, '--format', 'xml'],
      ['train', '--data', data, '--out', 'x.json', '--cutoff', 'July'],
      ['train', '--bogus'],
      ['train', '--data', data, '--out', 'x.json', '--preset', 'fancy'],
      [],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      if (args.length) expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('exits 1 with one line saying what and where for bad data and bad models', () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(
      join(bad, 'a.csv'),
      'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n2024-03-05,p,1,1,1,1,0,1,1\n2024-03-06,p,1,1\n',
    );
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(model, 'utf8').slice(0, 200));
    const other = join(dir, 'other-preset.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(model, 'utf8')), preset: 'corrected' }));
    const cases: [string[], RegExp][] = [
      [['train', '--data', join(dir, 'missing'), '--out', 'x.json'], /missing: no such file or folder/],
      [['train', '--data', bad, '--out', 'x.json'], /a\.csv:3: the row has 4 fields but the header has 9/],
      [['predict', '--data', data, '--model', truncated], /truncated\.json: not valid JSON/],
      [['predict', '--data', data, '--model', join(dir, 'nope.json')], /cannot read the model file/],
      [
        ['evaluate', '--data', data, '--model', other, '--report', join(dir, 'r.html')],
        /format 1 models are notebook-preset least squares; a 'corrected' model is written as format 2/,
      ],
      [['predict', '--data', data, '--profile', 'nobody'], /no rows for profile 'nobody'/],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    }
    const skipped = cli('train', '--data', bad, data, '--out', join(dir, 'm3.json'), '--on-error', 'skip');
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stderr).toMatch(/skipped 1 unreadable rows/);
  });
});

describe('messages in users’ words', () => {
  it('says how to write a negative value after a flag, then checks the value', () => {
    requireBuiltCli();
    const dir = testTempDir('ef-negative-');
    const ambiguous = runCli(dir, 'generate', '--profiles', '-3', '--from', '2024-01-01', '--to', '2024-01-31', '--out', 'out');
    expect([ambiguous.code, ambiguous.stderr.trim()]).toEqual([
      2,
      "engagement-forecast: generate: --profiles -3: a value that starts with '-' is written --profiles=-3",
    ]);
    const written = runCli(dir, 'generate', '--profiles=-3', '--from', '2024-01-01', '--to', '2024-01-31', '--out', 'out');
    expect([written.code, written.stderr.trim()]).toEqual([2, 'engagement-forecast: generate: --profiles must be a positive integer']);
  });
});
