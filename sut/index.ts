export { FAULTS, parseFaults, type Fault } from './faults';
export { startSut, type RunningSut, type SutOptions } from './server';
