// The evaluation report, rendered in a real browser (Debian's headless
// Chromium, which .ci/run installs): the charts must actually be drawn.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtest, dailyFromRows, evaluateModel, loadBuiltinModel, renderBacktestReport, renderReport, resampleWeekly, trainModels } from '../../src/index.js';
import { normalQuantile } from '../../src/report/html.js';
import { generateDailyRows } from '../../src/generate.js';
import { skipUnless } from '../helpers/skip.js';
import { testTempDir } from '../helpers/tmp.js';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];

function makeReport(): { html: string; path: string; dir: string } {
  const weekly = resampleWeekly(dailyFromRows(generateDailyRows({ profiles: 150, from: '2023-10-01', to: '2024-11-30', seed: 9 })));
  const trained = trainModels(weekly, { cutoff: '2024-07-30' });
  const evaluation = evaluateModel(trained.model, weekly, { cutoff: '2024-07-30' });
  const html = renderReport(evaluation);
  const dir = testTempDir('ef-report-');
  const path = join(dir, 'report.html');
  writeFileSync(path, html);
  return { html, path, dir };
}

describe('the evaluation report', () => {
  it('is one self-contained page: no external resources', () => {
    const { html } = makeReport();
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    for (const id of ['metrics', 'charts', 'bands', 'band-table']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('baseline 7d');
  });

  it('scores the built-in model too', () => {
    const weekly = resampleWeekly(dailyFromRows(generateDailyRows({ profiles: 40, from: '2024-03-01', to: '2024-10-31', seed: 2 })));
    const evaluation = evaluateModel(loadBuiltinModel(), weekly, { cutoff: '2024-07-30' });
    expect(evaluation.testRows).toBeGreaterThan(0);
    expect(evaluation.bands.engagement_future_7d.reduce((s, b) => s + b.rows, 0)).toBe(evaluation.testRows);
  });

  it('uses a correct normal quantile for the Q-Q plot', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 7);
  });

  it.skipIf(skipUnless(chromium !== undefined, "Debian's chromium (the report rendering test)"))('draws every chart in headless Chromium', () => {
    const { path, dir } = makeReport();
    const profile = testTempDir('ef-chromium-');
    const dom = execFileSync(chromium!, [...FLAGS, `--user-data-dir=${profile}`, '--virtual-time-budget=5000', '--dump-dom', `file://${path}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 60_000,
    });
    // 12 plots (3 per horizon) and 4 band charts, drawn by the page's script.
    expect(dom).toMatch(/data-charts-drawn="16"/);
    const figures = dom.match(/<figure id="[^"]+"/g) ?? [];
    expect(figures).toHaveLength(16);
    const circles = (dom.match(/<circle /g) ?? []).length;
    expect(circles).toBeGreaterThan(1000);
    const bars = (dom.match(/<rect [^>]*fill="#2f6fd6"/g) ?? []).length;
    expect(bars).toBe(20);
    // And a screenshot of it, for people to look at.
    const png = join(dir, 'report.png');
    spawnSync(chromium!, [...FLAGS, `--user-data-dir=${profile}`, '--window-size=1280,2600', `--screenshot=${png}`, `file://${path}`], {
      stdio: 'ignore',
      timeout: 60_000,
    });
    expect(existsSync(png)).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(50_000);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.REPORT_SCREENSHOT) writeFileSync(process.env.REPORT_SCREENSHOT, readFileSync(png));
  });
});

describe('the backtest report', () => {
  function makeBacktestReport(): { path: string; dir: string; html: string; models: number } {
    const daily = dailyFromRows(generateDailyRows({ profiles: 150, from: '2023-06-01', to: '2024-12-31', seed: 12, dynamics: true }));
    const result = backtest(daily, { origins: 2, step: 4, notebook: true });
    const dir = testTempDir('ef-backtest-report-');
    const path = join(dir, 'backtest.html');
    const html = renderBacktestReport(result);
    writeFileSync(path, html);
    return { path, dir, html, models: new Set(result.table.map((r) => r.model)).size };
  }

  it('is one self-contained page with the WAPE, coverage and leakage tables', () => {
    const { html } = makeBacktestReport();
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    for (const id of ['backtest-wape', 'wape-chart', 'backtest-coverage', 'coverage-chart', 'leakage']) expect(html).toContain(`id="${id}"`);
    const weekly = resampleWeekly(dailyFromRows(generateDailyRows({ profiles: 150, from: '2023-10-01', to: '2024-11-30', seed: 9 })));
    const evaluation = evaluateModel(trainModels(weekly, { cutoff: '2024-07-30' }).model, weekly, { cutoff: '2024-07-30' });
    const daily = dailyFromRows(generateDailyRows({ profiles: 60, from: '2023-10-01', to: '2024-11-30', seed: 9 }));
    expect(renderReport(evaluation, { backtest: backtest(daily, { origins: 1 }) })).toContain('id="wape-chart"');
  });

  it.skipIf(skipUnless(chromium !== undefined, "Debian's chromium (the report rendering test)"))('draws its charts in headless Chromium', () => {
    const { path, dir, models } = makeBacktestReport();
    const profile = testTempDir('ef-chromium-');
    const dom = execFileSync(chromium!, [...FLAGS, `--user-data-dir=${profile}`, '--dump-dom', `file://${path}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 60_000,
    });
    // One WAPE line per model; a coverage point per model with intervals (4 corrected ones), horizon and level.
    expect((dom.match(/<polyline class="series"/g) ?? []).length).toBe(models);
    expect((dom.match(/<circle class="coverage-point"/g) ?? []).length).toBe(4 * 4 * 2);
    const png = join(dir, 'backtest.png');
    spawnSync(chromium!, [...FLAGS, `--user-data-dir=${profile}`, '--window-size=1100,1800', `--screenshot=${png}`, `file://${path}`], {
      stdio: 'ignore',
      timeout: 60_000,
    });
    expect(statSync(png).size).toBeGreaterThan(30_000);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.BACKTEST_SCREENSHOT) writeFileSync(process.env.BACKTEST_SCREENSHOT, readFileSync(png));
  });
});
