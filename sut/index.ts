/** The embedded caller-ID service, as the harness starts it. */
export { parseFaults, type Fault } from './faults';
export { startSut, type RunningSut, type SutOptions } from './server';
