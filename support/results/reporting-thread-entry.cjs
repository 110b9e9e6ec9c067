// The reporting thread's first file (reporting-thread.ts): plain JavaScript, which loads the
// TypeScript loader that a thread does not inherit, then the thread's work.
require('../register.cjs');
require('./on-reporting-thread.ts');
