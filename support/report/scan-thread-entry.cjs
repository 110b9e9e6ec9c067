// The report scan's thread (scan-aside.ts): plain JavaScript, which loads the TypeScript loader
// (unless the process's `-r` did already), then scans and answers once.
require('../register.cjs');
const { parentPort, workerData } = require('node:worker_threads');
const { scanReports } = require('./secret-scan.ts');

scanReports(workerData.reportsDir, workerData.secrets).then(
  (hits) => parentPort.postMessage({ hits }),
  (error) => parentPort.postMessage({ error: error instanceof Error ? error : new Error(String(error)) }),
);
