// A harness thread's first file (harness-thread.ts): plain JavaScript, which loads the TypeScript
// loader (unless the process's `-r` did already), then the thread's own module.
require('../register.cjs');
require(require('node:worker_threads').workerData.module);
