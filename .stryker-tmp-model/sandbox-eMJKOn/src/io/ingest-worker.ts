// @ts-nocheck
// A reading thread of the fast path: reads the files it is handed into one
// segment table, then sends the table back (transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { DataError } from '../errors.js';
import { SegmentTable } from '../features/weekly-sums.js';
import { emptyReport } from '../frame/load-report.js';
import { readCsvFile } from './files.js';
import { errorToData, type FromWorker, type ToWorker, type WorkerInit } from './ingest-protocol.js';

const port = parentPort!;
const { settings, expectedEntries } = workerData as WorkerInit;
const table = new SegmentTable(expectedEntries);
const report = emptyReport();
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: ToWorker) => {
  void (async () => {
    try {
      if (message.type === 'file') {
        let rowsBefore = report.rows;
        await readCsvFile(message.file, table, report, settings, (bytes) => {
          send({ type: 'progress', bytes, rows: report.rows - rowsBefore });
          rowsBefore = report.rows;
        });
        send({ type: 'fileDone', index: message.index });
      } else {
        const { data, transfer } = table.toData();
        const skippedExamples = report.skippedExamples.map(errorToData);
        send({ type: 'result', data, ids: table.profiles.ids, report: { ...report, skippedExamples } }, transfer);
      }
    } catch (error) {
      const index = message.type === 'file' ? { index: message.index } : {};
      if (error instanceof DataError) send({ type: 'error', ...index, dataError: errorToData(error) });
      else send({ type: 'error', ...index, message: (error as Error).stack ?? String(error) });
    }
  })();
});
