// The reading thread's protocol, spoken to directly: files in, progress,
// fileDone and one result (or an error) out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { readSettings } from '../../src/io/collector.js';
import { errorFromData, errorToData, type FromWorker, type WorkerInit } from '../../src/io/ingest-protocol.js';
import { testTempDir } from '../helpers/tmp.js';

const WORKER = new URL('../../dist/ingest-worker.js', import.meta.url);
const HEADER = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n';

/** Starts a reading thread, hands it the files, and collects every message until its result or error. */
function talk(init: WorkerInit, files: string[]): Promise<FromWorker[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: init });
    const messages: FromWorker[] = [];
    let next = 0;
    const handOut = () => worker.postMessage(next < files.length ? { type: 'file', file: files[next]!, index: next++ } : { type: 'finish' });
    worker.on('message', (m: FromWorker) => {
      messages.push(m);
      if (m.type === 'fileDone') handOut();
      if (m.type === 'result' || m.type === 'error') void worker.terminate().then(() => resolve(messages));
    });
    worker.on('error', reject);
    handOut();
  });
}

describe('the reading-thread protocol', () => {
  it('carries a DataError across the thread boundary unchanged', () => {
    const error = new DataError('posts is not a non-negative number', { file: 'a.csv', line: 7, column: 'posts', value: '-1' });
    const back = errorFromData(errorToData(error));
    expect(back).toBeInstanceOf(DataError);
    expect([back.message, back.file, back.line, back.column, back.value]).toEqual([error.message, 'a.csv', 7, 'posts', '-1']);
  });

  it('reads each file handed out, then sends its sums and report', async () => {
    const dir = testTempDir('ef-proto-');
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, `${HEADER}2024-03-04,p,10,1,5,4,1,7,8\n2024-03-05,q,undefined,2,6,5,1,7,8\n`);
    writeFileSync(b, `${HEADER}2024-03-11,p,11,1,3,2,1,7,8\nbad line\n`);
    const messages = await talk({ settings: readSettings({ onError: 'skip' }, 'test'), expectedEntries: 16, mode: 'segments' }, [a, b]);
    expect(messages.filter((m) => m.type === 'fileDone').map((m) => (m as { index: number }).index)).toEqual([0, 1]);
    const progressRows = messages.filter((m) => m.type === 'progress').reduce((n, m) => n + (m as { rows: number }).rows, 0);
    expect(progressRows).toBe(3);
    const result = messages.at(-1)!;
    expect(result.type).toBe('result');
    if (result.type !== 'result') return;
    expect(result.ids).toEqual(['p', 'q']);
    expect(result.data.size).toBe(3); // p's two weeks and q's one
    expect(result.report).toMatchObject({ rows: 3, skipped: 1, missingFollowers: 1 });
    expect(result.report.skippedExamples).toEqual([{ reason: 'the row has 1 fields but the header has 9', file: b, line: 3 }]);
  });

  it('sends the first bad row as an error when told to throw', async () => {
    const dir = testTempDir('ef-proto-');
    const a = join(dir, 'a.csv');
    writeFileSync(a, `${HEADER}2024-03-04,p,10,1,5,4,1,7,8\n2024-03-05,p,10,x,5,4,1,7,8\n`);
    const messages = await talk({ settings: readSettings({}, 'test'), expectedEntries: 16, mode: 'segments' }, [a]);
    expect(messages.at(-1)).toEqual({
      type: 'error',
      index: 0,
      dataError: { reason: 'posts is not a non-negative number', file: a, line: 3, column: 'posts', value: 'x' },
    });
  });
});
