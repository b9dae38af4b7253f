// Forecast bodies in the common form are read straight from their bytes into
// columns (io/json-rows.ts, readForecastBody); any other goes through
// JSON.parse and the row objects' checks. The reader must never answer
// differently: on valid bodies and on thousands of broken variants, whenever
// it takes a body, JSON.parse takes it too, the schema passes it, and the
// forecasts equal those of the row objects, skipped profiles included.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { generateDailyRows } from '../../src/generate.js';
import { dailyFromRows, loadBuiltinModel, saveModel, trainModels, type DailyRowInput, type EngagementModel } from '../../src/index.js';
import { predictRows } from '../../src/predict.js';
import { checkBodyShape, checkRowShape, readForecastBody } from '../../src/server/body-check.js';
import { createServer } from '../../src/server/index.js';

const all = [...generateDailyRows({ profiles: 30, from: '2024-01-01', to: '2024-09-30', seed: 8 })] as unknown as DailyRowInput[];
const corrected = trainModels(dailyFromRows(all), { preset: 'corrected', cutoff: '2024-07-31' }).model;
const builtin = loadBuiltinModel();
const byProfile = new Map<string, DailyRowInput[]>();
for (const r of all) (byProfile.get(r.profile_id) ?? byProfile.set(r.profile_id, []).get(r.profile_id)!).push(r);
const profiles = [...byProfile.values()].filter((p) => p.length >= 100);
const recent = (p: DailyRowInput[], n: number) => p.slice(-n);

/** Valid bodies: one profile; several interleaved; with asOf, intervals and profiles; odd spacing and key orders. */
function validBodies(): string[] {
  const [a, b, c] = [recent(profiles[0]!, 120), recent(profiles[1]!, 90), recent(profiles[2]!, 60)];
  const interleaved = a.flatMap((r, i) => [r, ...(b[i] ? [b[i]] : []), ...(c[i] ? [c[i]] : [])]);
  const reordered = b.map((r, i) =>
    i % 2 === 0
      ? { impressions: r.impressions, reach: r.reach, posts: r.posts, profile_id: r.profile_id, engagement: r.engagement, date: r.date, followers: r.followers }
      : { ...r, extra: i % 3 === 0 ? -1.5e-3 : i % 3 === 1 ? 'text é' : null, flag: i % 4 === 0 },
  );
  const followers = a.map((r, i) =>
    i % 5 === 0 ? { ...r, followers: null } : i % 5 === 1 ? { ...r, followers: 'undefined' } : i % 5 === 2 ? { ...r, posts: String(r.posts) } : r,
  );
  const noFollowers = c.map(({ followers: _, ...r }) => r);
  return [
    JSON.stringify({ rows: a, intervals: [0.8, 0.95] }),
    JSON.stringify({ rows: a }),
    JSON.stringify({ intervals: [0.5], rows: interleaved, asOf: '2024-09-15' }),
    JSON.stringify({ rows: interleaved, profiles: [a[0]!.profile_id, c[0]!.profile_id] }),
    JSON.stringify({ rows: reordered, intervals: [0.8] }),
    JSON.stringify({ rows: followers }),
    JSON.stringify({ rows: noFollowers }),
    JSON.stringify({ rows: [...a, ...b] }, null, 2),
    JSON.stringify({ rows: [] }),
    ` { "rows" : [ ${a
      .slice(0, 30)
      .map((r) => JSON.stringify(r).replaceAll(',', ' ,\t'))
      .join(' ,\r\n ')} ] } `,
  ];
}

type Answer = { ok: true; value: unknown } | { ok: false; error: string };

/** The general path: JSON.parse, the schema's top-level checks, and each row object's checks as the route makes them. */
function objectsAnswer(model: EngagementModel, text: string): Answer {
  try {
    const body = JSON.parse(text) as { rows: DailyRowInput[]; asOf?: string; intervals?: number[]; profiles?: string[] };
    const shape = checkBodyShape(body);
    if (shape) return { ok: false, error: `schema ${shape.instancePath} ${shape.message}` };
    const { rows, asOf, intervals, profiles: only } = body;
    const check = (row: unknown, index: number) => {
      const f = checkRowShape(row, index);
      if (f) throw new Error(`schema ${f.instancePath} ${f.message}`);
    };
    const options = { ...(asOf ? { asOf } : {}), ...(intervals ? { intervals } : {}), ...(only ? { profiles: only } : {}) };
    return { ok: true, value: predictRows(model, rows, options, check) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** The columnar path: null when the reader leaves the body to the general path (it does when the prediction throws, too). */
function columnsAnswer(model: EngagementModel, text: string): Answer | null {
  const read = readForecastBody(Buffer.from(text, 'utf8'));
  if (read === null) return null;
  const { asOf, intervals, profiles: only } = read.fields;
  const options = { ...(asOf ? { asOf } : {}), ...(intervals ? { intervals } : {}), ...(only ? { profiles: only } : {}) };
  try {
    return { ok: true, value: predictRows(model, read.rows, options) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    read.rows.release();
  }
}

/** A seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BYTES = ['{', '}', '[', ']', '"', ':', ',', ' ', '\n', '\t', '0', '1', '9', '-', '.', 'e', 'E', '+', 'n', 't', '\\', 'é', '\u0001', 'x'];
const TOKENS = [
  '1.5',
  '-1',
  '1e3',
  '0123',
  '"7"',
  'null',
  'true',
  '99999999999999999',
  '9007199254740993',
  '""',
  '"x"',
  '{}',
  '[]',
  '"2024-02-30"',
  '"2024-13-01"',
  '"1999-12-31"',
  '"__proto__"',
  '"constructor"',
  '"date"',
  '"posts"',
  '"reach"',
  '"followers"',
  '"profile_id"',
  '"rows"',
  '"a\\u0062"',
  '" 12 "',
  '"inf"',
  '"1e400"',
];

/** A broken variant of a body: a byte deleted, inserted or replaced, a value or key swapped for another token, or a piece repeated. */
function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  switch (Math.floor(next() * 5)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + pick(BYTES) + text.slice(at);
    case 2:
      return text.slice(0, at) + pick(BYTES) + text.slice(at + 1);
    case 3: {
      // A token where a value or key starts: after a colon, a comma or an opening bracket.
      const starts = [...text.matchAll(/[:,[{]\s*/g)].map((m) => m.index! + m[0].length);
      const start = pick(starts);
      const end = start + (/^("[^"]*"|[^,}\]]*)/.exec(text.slice(start))?.[0].length ?? 0);
      return text.slice(0, start) + pick(TOKENS) + text.slice(end);
    }
    default: {
      const length = 1 + Math.floor(next() * 200);
      return text.slice(0, at) + text.slice(at, at + length) + text.slice(at);
    }
  }
}

describe('forecast bodies read into columns', () => {
  const dir = tempDir('ef-fast-body-');
  it('takes the common form, and answers as the row objects do', () => {
    for (const model of [corrected, builtin]) {
      for (const text of validBodies()) {
        const columns = columnsAnswer(model, text);
        expect(columns, text.slice(0, 80)).not.toBeNull();
        const objects = objectsAnswer(model, text);
        // The built-in (notebook) model has no intervals: bodies asking for them are refused, alike.
        expect(objects.ok).toBe(model === corrected || !text.includes('intervals'));
        expect(columns).toEqual(objects);
      }
    }
  });

  it('leaves every other form to JSON.parse', () => {
    const row = JSON.stringify(recent(profiles[0]!, 1)[0]);
    const left = [
      row.replace(/"posts":\d+/, '"posts":1.5'),
      row.replace(/"posts":\d+/, '"posts":1e0'),
      row.replace(/"posts":\d+/, '"posts":-0'),
      row.replace(/"posts":\d+/, '"posts":1234567890123456'),
      row.replace(/"date":"[^"]+"/, '"date":"2024-02-30"'),
      row.replace(/"profile_id":"/, '"profile_id":"é'),
      row.replace(/"profile_id":"[^"]+"/, '"profile_id":""'),
      row.replace(/"posts":\d+/, '"posts":2,"posts":3'),
      row.replace(/"posts":\d+/, '"posts":"-3"'),
      row.replace('{', '{"__proto__":1,'),
      row.replace('{', '{"note":"a\\"b",'),
      row.replace('{', '{"nested":{"a":1},'),
      row.replace(/"reach":\d+,?/, ''),
    ];
    for (const r of left) expect(readForecastBody(Buffer.from(`{"rows":[${r}]}`)), r).toBeNull();
    expect(readForecastBody(Buffer.from(`{"rows":[${row}],"rows":[]}`))).toBeNull();
    expect(readForecastBody(Buffer.from(`{"rows":[${row}],"extra":1}`))).toBeNull();
    expect(readForecastBody(Buffer.from(`{"rows":[${row}],"intervals":[0]}`))).toBeNull();
    expect(readForecastBody(Buffer.from(`{"rows":[${row}]} x`))).toBeNull();
    expect(readForecastBody(Buffer.from(`{"rows":[${row}]}`))).not.toBeNull();
  });

  it('never takes a body that JSON.parse, the schema or the row checks refuse, nor answers otherwise (broken variants)', () => {
    const next = random(20261205);
    const bases = validBodies().filter((t) => t.length < 40_000);
    let taken = 0;
    let refusedByObjects = 0;
    const MUTANTS = 4000;
    for (let i = 0; i < MUTANTS; i++) {
      const model = i % 2 === 0 ? corrected : builtin;
      let text = bases[i % bases.length]!;
      for (let k = 1 + Math.floor(next() * 2); k > 0; k--) text = mutate(text, next);
      const columns = columnsAnswer(model, text);
      const objects = objectsAnswer(model, text);
      if (!objects.ok) refusedByObjects++;
      if (columns === null) continue;
      taken++;
      // Taken: the text is JSON, the schema passes it; where the columns answer, the objects answer the same.
      expect(() => JSON.parse(text), text).not.toThrow();
      if (columns.ok) expect(objects, text).toEqual(columns);
    }
    // The variants exercise both sides: many still read as columns, many refused.
    expect(taken).toBeGreaterThan(MUTANTS / 10);
    expect(refusedByObjects).toBeGreaterThan(MUTANTS / 10);
  });

  it('the service answers the same on either path, and reuses the columns safely', async () => {
    const file = join(dir, 'corrected.json');
    await saveModel(corrected, file);
    const server = await createServer({ model: file, limits: { maxRows: 5000, maxProfiles: 20 } });
    try {
      for (const text of validBodies()) {
        const fast = await server.app.inject({ method: 'POST', url: '/v1/forecast', payload: text, headers: { 'content-type': 'application/json' } });
        expect(fast.statusCode, fast.body).toBe(200);
        // The same body with an escape in a field no one reads: JSON.parse's path.
        const body = JSON.parse(text) as { rows: Record<string, unknown>[] };
        if (body.rows.length === 0) continue;
        body.rows[0] = { note: 'a', ...body.rows[0] };
        const escaped = JSON.stringify(body).replace('"note":"a"', '"note":"\\u0061"');
        expect(readForecastBody(Buffer.from(escaped))).toBeNull();
        const slow = await server.app.inject({ method: 'POST', url: '/v1/forecast', payload: escaped, headers: { 'content-type': 'application/json' } });
        expect(slow.statusCode).toBe(200);
        expect(slow.json()).toEqual(fast.json());
      }
      // Faults the columns leave to the general path keep their answers: too many profiles, a date past the limits.
      const many = JSON.stringify({ rows: Array.from({ length: 21 }, (_, i) => ({ ...profiles[0]!.at(-1)!, profile_id: `p${i}` })) });
      expect(readForecastBody(Buffer.from(many))).not.toBeNull();
      const r = await server.app.inject({ method: 'POST', url: '/v1/forecast', payload: many, headers: { 'content-type': 'application/json' } });
      expect(r.statusCode).toBe(413);
      expect(r.json().error).toBe('too_many_profiles');
      const early = JSON.stringify({ rows: [{ ...profiles[0]!.at(-1)!, date: '1899-12-31' }] });
      expect(readForecastBody(Buffer.from(early))).not.toBeNull();
      const e = await server.app.inject({ method: 'POST', url: '/v1/forecast', payload: early, headers: { 'content-type': 'application/json' } });
      expect(e.statusCode).toBe(400);
      expect(e.body).toContain('outside the accepted range');
    } finally {
      await server.close();
    }
  });
});
