// An independent check on data other than the golden case: the notebooks'
// pipeline re-implemented with pandas and scikit-learn
// (scripts/notebook_reference.py) against this library, on generated data with
// duplicate rows, odd followers values and 53-Sunday years. Runs only where
// Debian's python3-pandas and python3-sklearn are installed; the library
// itself never uses Python.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDaily } from '../src/generate.js';
import { TARGETS, loadDaily, predict, resampleWeekly, trainModels } from '../src/index.js';
import { close, expectClose, num, readCsvRecords } from './helpers/reference.js';
import { rng } from './helpers/synthetic.js';
import { expectWeeklyMatchesCsv } from './helpers/weekly-match.js';
import { skipUnless } from './helpers/skip.js';
import { testTempDir } from './helpers/tmp.js';

const python = '/usr/bin/python3';
const hasPandas = spawnSync(python, ['-c', 'import pandas, sklearn'], { stdio: 'ignore' }).status === 0;
const script = new URL('../scripts/notebook_reference.py', import.meta.url).pathname;

/** Adds duplicate rows and odd followers values to every CSV under `dir`. */
function roughen(dir: string, seed: number): void {
  const r = rng(seed);
  const odd = ['', 'NaN', '-', 'nan', 'N/A', 'null', '1.5e3', '2000.0'];
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const file of walk(dir)) {
    const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const out = [header!];
    for (const line of lines) {
      const fields = line.split(',');
      if (r() < 0.03) fields[2] = odd[Math.floor(r() * odd.length)]!;
      out.push(fields.join(','));
      if (r() < 0.01) out.push(fields.join(','));
    }
    writeFileSync(file, `${out.join('\n')}\n`);
  }
}

describe.skipIf(skipUnless(hasPandas, "Debian's python3-pandas and python3-sklearn (the cross-check)"))(
  'cross-check with pandas + scikit-learn on generated data',
  () => {
    for (const [from, to, cutoff, since, seed] of [
      ['2022-09-01', '2024-03-31', '2023-09-30', '2024-01-15', 21],
      ['2027-10-01', '2029-01-31', '2028-07-31', '2028-11-01', 22],
    ] as const) {
      it(`agrees on ${from} … ${to} (cutoff ${cutoff})`, async () => {
        const dir = testTempDir('ef-cross-');
        await generateDaily({ profiles: 150, from, to, seed }, join(dir, 'data'));
        roughen(join(dir, 'data'), seed);
        const py = spawnSync(python, [script, join(dir, 'data'), join(dir, 'py'), cutoff, since], { encoding: 'utf8' });
        expect(py.status, py.stderr).toBe(0);

        const daily = await loadDaily(join(dir, 'data'));
        const weekly = resampleWeekly(daily);
        expectWeeklyMatchesCsv(weekly, join(dir, 'py', 'weekly_all.csv'));

        const summary = JSON.parse(readFileSync(join(dir, 'py', 'train_summary.json'), 'utf8'));
        const trained = trainModels(weekly, { cutoff });
        expect(trained.rows.afterTargetDrop).toBe(summary.rows.weekly_with_targets);
        expect(trained.rows.train).toBe(summary.rows.train);
        expect(trained.rows.test).toBe(summary.rows.test);
        for (const t of TARGETS) {
          trained.model.models[t].coef.forEach((c, j) => {
            if (!close(c, summary.models[t].coef[j], 1e-6, 1e-12)) expect.fail(`${t}.coef[${j}]: got ${c}, want ${summary.models[t].coef[j]}`);
          });
          expectClose(`${t} RMSE`, trained.metrics[t].RMSE, summary.metrics[t].RMSE, 1e-6);
        }
        expectClose('baseline RMSE', trained.baseline.RMSE, summary.baseline_7d.RMSE, 1e-6);

        const preds = predict(trained.model, daily, { since });
        const wantPreds = readCsvRecords(join(dir, 'py', 'predictions.csv'));
        expect(preds.length).toBe(wantPreds.length);
        wantPreds.forEach((w, i) => {
          expect([preds[i]!.profile_id, preds[i]!.date, preds[i]!.prediction_date]).toEqual([w.profile_id, w.date, w.prediction_date]);
          expectClose(`prediction ${i}`, preds[i]!.predicted_engagement, num(w.predicted_engagement!), 1e-6, 1e-9);
        });
      });
    }
  },
);
