// Formatting an error never throws, whatever the value.
import { describe, expect, it } from 'vitest';
import { ArgumentRangeError, DataError, dailyFromRows, loadDaily, predict, loadBuiltinModel, resampleWeekly } from '../src/index.js';
import { showValue } from '../src/errors.js';

function deeplyNested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('error messages', () => {
  it('show any value without running its code', () => {
    expect(showValue('text')).toBe('text');
    expect(showValue(12)).toBe('12');
    expect(showValue(null)).toBe('null');
    expect(showValue(deeplyNested(10000))).toBe('an array of 1 items');
    expect(showValue({ toString: 5 })).toBe('an object');
    expect(
      showValue(
        new Proxy(
          {},
          {
            get: () => {
              throw new Error('trap');
            },
          },
        ),
      ),
    ).toBe('an object');
  });

  it('name the row and field of a hostile value as a DataError, never a RangeError or TypeError', () => {
    const row = { date: '2024-01-02', profile_id: 'p', followers: 1, posts: 1, engagement: 1, reach: 1, impressions: 1 };
    const hostile: [string, unknown][] = [
      ['posts', deeplyNested(10000)],
      ['engagement', { toString: 5 }],
      [
        'date',
        {
          valueOf: () => {
            throw new Error('boom');
          },
        },
      ],
      ['profile_id', deeplyNested(10000)],
    ];
    for (const [field, value] of hostile) {
      const rows = [row, { ...row, [field]: value }];
      expect(() => dailyFromRows(rows as never), field).toThrow(DataError);
      expect(() => predict(loadBuiltinModel(), rows as never), field).toThrow(new RegExp(`^<rows>:2 \\(column '${field}'\\)`));
    }
  });
});

describe('error codes', () => {
  it('say what kind of problem each error is, so that programs map errors without reading messages', async () => {
    const row = { date: '2024-06-03', profile_id: 'p', followers: 1, posts: 1, engagement: 1, reach: 1, impressions: 1 };
    const codeOf = (f: () => unknown): unknown => {
      try {
        f();
      } catch (error) {
        return (error as { code?: unknown }).code;
      }
      return 'no error';
    };
    expect(codeOf(() => dailyFromRows([{ ...row, posts: 'x' }]))).toBe('bad_row');
    await expect(loadDaily('/nonexistent/folder')).rejects.toMatchObject({ code: 'bad_file', line: 0 });
    expect(codeOf(() => dailyFromRows([row, { ...row, date: '2045-06-03' }], { limits: { to: '2099-12-31' } }))).toBe('no error');
    expect(codeOf(() => resampleWeekly(dailyFromRows([row, { ...row, date: '2046-06-03' }])))).toBe('span_limit');
    expect(codeOf(() => predict(loadBuiltinModel(), [row], { profiles: ['q'] }))).toBe('no_rows_for_profile');
    expect(codeOf(() => predict(loadBuiltinModel(), [row], { since: 'x' }))).toBe('bad_argument');
    expect(codeOf(() => resampleWeekly([] as never))).toBe('bad_argument');
    expect(new DataError('x', { file: 'f', line: 0, code: 'unforecastable' }).code).toBe('unforecastable');
    expect(new ArgumentRangeError('x').code).toBe('bad_argument');
  });
});
