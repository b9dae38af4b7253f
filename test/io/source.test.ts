// The WeeklySource seam: a source written outside the library (segments
// summed by hand from rows in memory) is read by loadWeekly and predictFiles
// exactly as the CSV files are.
import { describe, expect, it } from 'vitest';
import { sundayOnOrBefore } from '../../src/calendar.js';
import { generateDaily } from '../../src/generate.js';
import {
  csvSource,
  isWeeklySource,
  loadDaily,
  loadWeekly,
  predict,
  predictFiles,
  trainModels,
  weeklyFromSegmentColumns,
  type DailyFrame,
  type Preset,
  type WeeklyLoad,
  type WeeklyRequest,
  type WeeklySource,
} from '../../src/index.js';
import { once } from '../helpers/once.js';
import { segmentsByHand } from '../helpers/segments.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('ef-source-');
const data = once(() => generateDaily({ profiles: 60, from: '2024-03-01', to: '2024-08-14', seed: 5 }, dir));

/** A source over a frame in memory that knows only the public seam: window, through, limits, report. */
function handSource(daily: DailyFrame, requests: WeeklyRequest[] = []): WeeklySource {
  return {
    name: 'hand',
    async weekly<P extends Preset>(request: WeeklyRequest<P>): Promise<WeeklyLoad<P>> {
      requests.push(request);
      const from = request.window?.from ?? Number.NEGATIVE_INFINITY;
      const to = request.window?.to ?? Number.POSITIVE_INFINITY;
      const inWindow = (day: number) => day >= from && day <= to;
      const segments = segmentsByHand(daily, inWindow);
      const days = Array.from(daily.day).filter(inWindow);
      const lastDay = days.length ? Math.max(...days) : Number.NEGATIVE_INFINITY;
      const through = request.through === 'last-day' ? sundayOnOrBefore(lastDay) : request.through;
      const weekly = weeklyFromSegmentColumns(segments, {
        preset: request.preset,
        limits: { maxWeeksPerProfile: request.limits.maxWeeksPerProfile },
        ...(through !== undefined ? { through } : {}),
        source: 'hand',
      });
      const report = { ...daily.report, rows: days.length, ...(request.window ? { outsideWindow: daily.length - days.length } : {}) };
      return { weekly, report, lastDay };
    },
  };
}

describe('a WeeklySource', () => {
  it('is told apart from paths and rows', () => {
    expect(isWeeklySource(csvSource('data/'))).toBe(true);
    expect(isWeeklySource('data/')).toBe(false);
    expect(isWeeklySource([{ weekly: 1 }])).toBe(false);
  });

  it('gives loadWeekly the table of the CSV path, and predictFiles its forecasts, with the request checked once', async () => {
    await data();
    const daily = await loadDaily(dir);
    const requests: WeeklyRequest[] = [];
    const source = handSource(daily, requests);
    for (const preset of ['notebook', 'corrected'] as const) {
      const fromFiles = await loadWeekly(dir, { preset });
      const fromSource = await loadWeekly(source, { preset, limits: { maxWeeksPerProfile: 500 } });
      expect(fromSource.weekly.toRecords()).toEqual(fromFiles.weekly.toRecords());
      expect(await loadWeekly(csvSource(dir, { workers: 2 }), { preset }).then((r) => r.weekly.toRecords())).toEqual(fromFiles.weekly.toRecords());
    }
    // The limits reach the source checked: day numbers, the defaults filled in.
    expect(requests[1]).toMatchObject({ preset: 'corrected', onError: 'throw', limits: { maxWeeksPerProfile: 500, maxRecordBytes: 1 << 20, firstDay: 7305 } });
    expect(requests[1]!.window).toBeUndefined();

    const corrected = trainModels(daily, { preset: 'corrected', cutoff: '2024-06-30', calibrationWeeks: 4 }).model;
    for (const options of [{}, { asOf: '2024-07-31', since: '2024-04-01', intervals: [0.8] }] as const) {
      const got = await predictFiles(corrected, source, options);
      expect(got.predictions).toEqual(predict(corrected, daily, options));
      expect(got.predictions).toEqual((await predictFiles(corrected, dir, options)).predictions);
    }
    // With asOf, the source is asked for the rows up to it and the weeks through its Sunday; without, through the last complete week.
    expect(requests.at(-1)!.window).toEqual({ from: Date.UTC(2024, 3, 1) / 864e5, to: Date.UTC(2024, 6, 31) / 864e5 });
    expect(requests.at(-1)!.through).toBe(Date.UTC(2024, 6, 28) / 864e5);
    expect(requests.at(-2)!.through).toBe('last-day');
  });
});
