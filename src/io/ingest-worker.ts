// A reading thread of the fast path: reads the files it is handed into one
// segment table, then sends the table back (transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { DataError } from '../errors.js';
import { SegmentTable } from '../features/weekly-sums.js';
import { emptyReport } from '../frame/load-report.js';
import { DailyFrameBuilder } from '../frame/daily-frame.js';
import { readCsvFile } from './files.js';
import { errorToData, type FromWorker, type ToWorker, type WorkerInit } from './ingest-protocol.js';

const port = parentPort!;
const { settings, expectedEntries, mode, window, span } = workerData as WorkerInit;
const table = new SegmentTable(mode === 'segments' ? expectedEntries : 16, window, span);
const report = emptyReport();
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: ToWorker) => {
  void (async () => {
    try {
      if (message.type === 'file') {
        let rowsBefore = report.rows;
        // Daily rows: a frame per file, with its own dictionary, sent back (transferred) as soon as it is read.
        const collector = mode === 'daily' ? new DailyFrameBuilder() : table;
        await readCsvFile(message.file, collector, report, settings, (bytes) => {
          send({ type: 'progress', bytes, rows: report.rows - rowsBefore });
          rowsBefore = report.rows;
        });
        if (collector instanceof DailyFrameBuilder) {
          const frame = collector.finish(report);
          const columns = {
            profile: frame.profile,
            day: frame.day,
            followers: frame.followers,
            posts: frame.posts,
            engagement: frame.engagement,
            reach: frame.reach,
            impressions: frame.impressions,
          };
          send(
            { type: 'part', index: message.index, ids: [...frame.profileIds], columns },
            Object.values(columns).map((c) => c.buffer as ArrayBuffer),
          );
        }
        send({ type: 'fileDone', index: message.index });
      } else {
        const { data, transfer } = table.toData();
        const skippedExamples = report.skippedExamples.map(errorToData);
        send({ type: 'result', data, ids: table.profiles.ids, report: { ...report, skippedExamples } }, transfer);
        // End from inside: with the port closed nothing keeps the thread
        // alive, and it exits once the message is on its way.
        port.close();
      }
    } catch (error) {
      const index = message.type === 'file' ? { index: message.index } : {};
      if (error instanceof DataError) send({ type: 'error', ...index, dataError: errorToData(error) });
      else send({ type: 'error', ...index, message: (error as Error).stack ?? String(error) });
    }
  })();
});
