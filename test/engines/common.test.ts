// What the SQL sources share once the engine has summed: the segments an
// engine hands over are moved out of the object it returned, so that nothing
// but the table's builder holds them (an engine's segments are about as large
// as the table built from them).
import { describe, expect, it } from 'vitest';
import { engineLoad, type EngineSegments } from '../../src/engines/common.js';
import { emptyReport } from '../../src/frame/load-report.js';
import { checkLimits } from '../../src/schema.js';
import { segmentsByHand } from '../helpers/segments.js';
import { loadDaily, weeklyFromSegmentColumns } from '../../src/index.js';
import { GOLDEN } from '../helpers/reference.js';

describe('engineLoad', () => {
  it('empties the segments it awaited and builds the table from them', async () => {
    const daily = await loadDaily(`${GOLDEN}input`);
    const columns = segmentsByHand(daily);
    const days = Array.from(columns.profile, () => 0b1111111);
    let handed: EngineSegments | null = null;
    const { weekly, report } = await engineLoad(
      { preset: 'corrected', onError: 'throw', limits: checkLimits(undefined, 'test') },
      'test',
      emptyReport(),
      { kept: daily.length, outside: 0, refused: 0, missing: 0, last: Number.NaN, duplicates: 0 },
      async () => [],
      async () => (handed = { columns, days }),
      (id, date) => `${id} ${date}`,
    );
    expect(handed).toEqual({ columns: null, days: null });
    expect(report.rows).toBe(daily.length);
    expect(weekly.toRecords()).toEqual(weeklyFromSegmentColumns(columns, { preset: 'corrected' }).toRecords());
  });
});
