// The reporting thread's first file (reporting-thread.ts): plain JavaScript, which loads the
// TypeScript loader (unless the process's `-r` did already), then the thread's work.
require('../register.cjs');
require('./on-reporting-thread.ts');
