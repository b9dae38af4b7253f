// trainModels' options, messages, warnings and progress, each checked whole.
import { describe, expect, it } from 'vitest';
import { FEATURES, dailyFromRows, resampleWeekly, trainModels, type DailyRowInput, type ProgressEvent } from '../../src/index.js';
import { once } from '../helpers/once.js';
import { simpleRows } from '../helpers/synthetic.js';

const daily = once(() => dailyFromRows(simpleRows(10, '2024-01-01', '2024-10-31', 17)));
const notebook = once(() => resampleWeekly(daily()));
const corrected = once(() => resampleWeekly(daily(), { preset: 'corrected' }));

describe('trainModels options', () => {
  it('refuses what does not fit, naming the option and the value', () => {
    expect(() => trainModels(notebook(), { model: 'ridge' })).toThrow(
      `trainModels: the notebook preset fits its own least squares only; use preset 'corrected' for model "ridge"`,
    );
    expect(() => trainModels(notebook(), { model: { kind: 'linear', features: 'core' } })).toThrow(
      `trainModels: the notebook preset fits its own least squares only; use preset 'corrected' for model {"kind":"linear","features":"core"}`,
    );
    // Only the linear kind without settings: any other kind, given as an object or not, is refused.
    expect(() => trainModels(notebook(), { model: { kind: 'ridge' } })).toThrow(
      `trainModels: the notebook preset fits its own least squares only; use preset 'corrected' for model {"kind":"ridge"}`,
    );
    expect(() => trainModels(notebook(), { model: null as never })).toThrow(
      `trainModels: the notebook preset fits its own least squares only; use preset 'corrected' for model null`,
    );
    expect(() => trainModels(notebook(), { preset: 'weekly' as never })).toThrow(`trainModels: preset must be 'notebook' or 'corrected', got "weekly"`);
    expect(() => trainModels(corrected(), { model: 'forest' as never })).toThrow(
      `trainModels: model must be one of linear, log-linear, ridge, mlp, naive, window-average (or { kind, … }), got "forest"`,
    );
    expect(trainModels(notebook(), { model: 'linear' }).model.formatVersion).toBe(1);
    expect(trainModels(notebook(), { model: { kind: 'linear' } }).model.formatVersion).toBe(1);
    expect(() => trainModels(corrected(), { calibrationWeeks: -1 })).toThrow('trainModels: calibrationWeeks must be a non-negative integer or false, got -1');
    expect(() => trainModels(corrected(), { calibrationWeeks: 1.5 })).toThrow('trainModels: calibrationWeeks must be a non-negative integer or false, got 1.5');
    expect(() => trainModels(corrected(), { calibrationWeeks: true as never })).toThrow(
      'trainModels: calibrationWeeks must be a non-negative integer or false, got true',
    );
    expect(() => trainModels([] as never)).toThrow('trainModels: expected a WeeklyFrame (from resampleWeekly) or a DailyFrame');
    expect(() => trainModels(notebook(), { preset: 'corrected' })).toThrow(
      "trainModels: the model was trained with the 'corrected' preset but the weekly table was built with 'notebook'",
    );
    expect(() => trainModels(corrected(), { cutoff: '2023-01-01' })).toThrow(
      /^trainModels: no train rows whose 28-day target lies on or before 2023-01-01 for every horizon \(\d+ rows have a target and a posting history\)$/,
    );
  });

  it('calibrates 8 weeks by default, none with false or 0', () => {
    const byDefault = trainModels(corrected(), { cutoff: '2024-09-29' });
    expect(byDefault.model.intervals!.from).toBe('2024-07-14'); // the first origin after 2024-09-29 − 28 − 56 days
    expect(trainModels(corrected(), { cutoff: '2024-09-29', calibrationWeeks: 8 }).model.intervals).toEqual(byDefault.model.intervals);
    for (const none of [false, 0] as const) {
      const t = trainModels(corrected(), { cutoff: '2024-09-29', calibrationWeeks: none });
      expect(t.model.intervals).toBeNull();
      expect(Object.values(t.rows.calibration)).toEqual([0, 0, 0, 0]);
    }
    expect(byDefault.rank).toBe(byDefault.model.features.length);
    expect(byDefault.baseline).toBeNull();
  });

  it('trains a corrected model from daily rows with the preset named', () => {
    const fromDaily = trainModels(daily(), { preset: 'corrected', cutoff: '2024-09-29', calibrationWeeks: 2 });
    expect(fromDaily.model).toEqual(trainModels(corrected(), { cutoff: '2024-09-29', calibrationWeeks: 2 }).model);
  });

  it('says why there are no intervals: no rows before the calibration windows', () => {
    const t = trainModels(corrected(), { cutoff: '2024-03-31', calibrationWeeks: 6 });
    expect(t.model.intervals).toBeNull();
    // 2024-03-31 − 28 − 6·7 days.
    expect(t.warnings).toEqual([
      "no intervals: no rows before the calibration windows (2024-01-21); train with an earlier cutoff's data or more history",
      "no cold-start heads: too few weeks of profiles without a posting history; such profiles get the model's forecast from imputed inputs",
    ]);
  });

  it('reports its stages in order, with row counts', () => {
    const stages = (run: (onProgress: (e: ProgressEvent) => void) => void) => {
      const events: ProgressEvent[] = [];
      run((e) => events.push(e));
      return events.map((e) => e.stage);
    };
    expect(stages((onProgress) => trainModels(daily(), { cutoff: '2024-07-28', onProgress }))).toEqual([
      'weekly',
      'select',
      'scaler',
      'fit',
      'metrics',
      'baseline',
    ]);
    expect(stages((onProgress) => trainModels(corrected(), { cutoff: '2024-09-29', calibrationWeeks: 2, onProgress }))).toEqual([
      'select',
      'features',
      'fit',
      'metrics',
      'calibrate',
      'cold start',
    ]);
    expect(stages((onProgress) => trainModels(corrected(), { cutoff: '2024-09-29', calibrationWeeks: false, onProgress }))).toEqual([
      'select',
      'features',
      'fit',
      'metrics',
      'cold start',
    ]);
  });
});

describe('notebook training', () => {
  it('names its rows, range and cutoff in the model', () => {
    const t = trainModels(notebook(), { cutoff: '2024-07-28' });
    expect(t.model.description).toBe(`least squares per horizon, notebook preset, trained on ${t.rows.train} weekly rows up to 2024-07-28`);
    expect(t.model.features).toEqual(FEATURES);
    expect(t.model.inputScaling).toBe('none');
    // The first train row's Sunday and the last test row's, from the weekly table.
    const sundays = notebook()
      .toRecords()
      .map((r) => r.date);
    expect(t.model.training!.from).toBe([...sundays].sort()[0]);
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 864e5;
    expect(day(t.model.training!.to)).toBeLessThanOrEqual(day([...sundays].sort().pop()!));
    expect(day(t.model.training!.to)).toBeGreaterThan(day('2024-07-28'));
    // The latest Sunday of a train or test row, whatever the profile order: the profile that sorts last ends first.
    const rows = [
      ...simpleRows(4, '2024-01-01', '2024-10-31', 19),
      ...simpleRows(1, '2024-01-01', '2024-08-31', 20).map((r) => ({ ...r, profile_id: 'zz-short' })),
    ];
    const z = trainModels(dailyFromRows(rows), { cutoff: '2024-07-28' });
    const longOnly = trainModels(dailyFromRows(rows.filter((r) => r.profile_id !== 'zz-short')), { cutoff: '2024-07-28' }).model.training!.to;
    expect(resampleWeekly(dailyFromRows(rows)).toRecords().at(-1)!.profile_id).toBe('zz-short');
    expect([z.model.training!.to > '2024-08-31', z.model.training!.to]).toEqual([true, longOnly]);
    expect(t.model.training!.cutoff).toBe('2024-07-28');
  });

  it('warns of dropped infinite features and a rank-deficient design', () => {
    // A month with engagement but no post: its monthly average is infinite (Q5).
    // Profile 'odd' has engagement but no post every day of January, then a post a day.
    const odd = simpleRows(1, '2024-01-01', '2024-03-31', 8).map((r) => ({ ...r, profile_id: 'odd', posts: r.date < '2024-02-01' ? 0 : 1, engagement: 5 }));
    const rows: DailyRowInput[] = [...simpleRows(6, '2024-01-01', '2024-06-30', 3), ...odd];
    const t = trainModels(dailyFromRows(rows), { cutoff: '2024-05-26' });
    expect(t.rows.infiniteFeatures).toBeGreaterThan(0);
    expect(t.warnings).toContain(`${t.rows.infiniteFeatures} rows dropped: a feature was infinite (a month with engagement but 0 posts)`);
    // Every profile with constant reach and impressions: collinear columns.
    const flat = simpleRows(6, '2024-01-01', '2024-06-30', 4).map((r) => ({ ...r, reach: 3, impressions: 3 }));
    const f = trainModels(dailyFromRows(flat), { cutoff: '2024-05-26' });
    expect(f.rank).toBeLessThan(21);
    expect(f.warnings).toContain(`the design has rank ${f.rank} of 21: collinear or constant features; the minimum-norm solution was used`);
    // Each warning only when it applies: on the first data only its own ones, on the second only the rank.
    // (January's weeks have engagement and no post: their engagement per post is an infinite target too; the design has full rank.)
    expect([t.rank, t.warnings]).toEqual([
      21,
      [
        `${t.rows.infiniteTargets} rows dropped: a target was +Infinity (engagement in a week with 0 posts)`,
        `${t.rows.infiniteFeatures} rows dropped: a feature was infinite (a month with engagement but 0 posts)`,
      ],
    ]);
    expect(t.rows.infiniteTargets).toBeGreaterThan(0);
    expect([f.rows.infiniteTargets, f.rows.infiniteFeatures, f.warnings]).toEqual([
      0,
      0,
      [`the design has rank ${f.rank} of 21: collinear or constant features; the minimum-norm solution was used`],
    ]);
  });
});
